package dev.replyclock.privacy;

import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import java.time.Instant;
import java.util.List;

/**
 * One expired conversation state as written to an archive line: times, tier, policy, team and matched
 * signal spans, exactly what the state store held; never the customer's text or identifier. Fields of a
 * closed marker (a conversation whose reply was measured) other than {@code repliedAt} are null.
 */
public record ArchivedState(
        String conversationId,
        Tier tier,
        Instant openedAt,
        Instant deadline,
        Instant repliedAt,
        String policy,
        String team,
        List<Signal> signals,
        Instant expiredAt) {

    /** @param tier written as its wire name */
    public ArchivedState {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
