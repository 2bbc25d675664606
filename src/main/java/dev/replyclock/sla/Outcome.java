package dev.replyclock.sla;

import dev.replyclock.model.ConversationAlert;
import java.util.List;
import java.util.Optional;

/**
 * What the engine decided for one event: the clock to keep (empty = the conversation has no running
 * clock), the alerts to emit, and a reply-time measurement when a reply closed a clock.
 */
public record Outcome(Optional<ReplyClock> clock, List<ConversationAlert> alerts,
                      Optional<ReplyMeasurement> measurement) {

    public Outcome {
        alerts = List.copyOf(alerts);
    }

    static Outcome keep(ReplyClock clock, List<ConversationAlert> alerts) {
        return new Outcome(Optional.of(clock), alerts, Optional.empty());
    }
}
