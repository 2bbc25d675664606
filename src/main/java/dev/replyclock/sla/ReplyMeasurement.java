package dev.replyclock.sla;

import dev.replyclock.model.Tier;
import java.time.Duration;

/**
 * A staff reply closed a clock: how long the customer waited and whether the promise was kept.
 *
 * @param firstReply true for the conversation's first reply time, false for a next reply time
 */
public record ReplyMeasurement(String conversationId, Tier tier, String channel, Duration replyTime,
                               boolean withinTarget, boolean firstReply) {

    public ReplyMeasurement(String conversationId, Tier tier, String channel, Duration replyTime, boolean withinTarget) {
        this(conversationId, tier, channel, replyTime, withinTarget, true);
    }
}
