package dev.replyclock.sla;

import dev.replyclock.classify.Tier;
import java.time.Duration;

/** A staff reply closed a clock: how long the customer waited and whether the promise was kept. */
public record ReplyMeasurement(String conversationId, Tier tier, String channel, Duration replyTime,
                               boolean withinTarget) {
}
