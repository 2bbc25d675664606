package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.classify.Tier;
import dev.replyclock.sla.ReplyMeasurement;
import dev.replyclock.sla.SlaPolicy;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A metric never stops the stream: what a timer cannot hold is clamped, not thrown. */
class ReplyclockMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReplyclockMetrics metrics = new ReplyclockMetrics(registry, SlaPolicy.DEFAULT);

    @Test
    void aReplyTimeOfCenturiesIsRecordedAsTheMaximumInsteadOfOverflowing() {
        // 2025 years: Timer.record(Duration) takes nanoseconds in a long and threw ArithmeticException.
        metrics.replied(new ReplyMeasurement("c", Tier.COMPLAINT, "chat", Duration.ofDays(2025L * 365), false));
        metrics.replied(new ReplyMeasurement("c", Tier.COMPLAINT, "chat", Duration.ofSeconds(-5), true));
        Timer timer = registry.get("replyclock.reply.time").timer();
        assertEquals(2, timer.count());
        assertEquals(ReplyclockMetrics.MAX_RECORDED.toSeconds(), timer.max(TimeUnit.SECONDS), 1.0);
    }

    @Test
    void aLatenessOrDeliveryLatencyOutOfRangeIsClamped() {
        metrics.deadlineLateness(Duration.ofSeconds(Long.MAX_VALUE));
        metrics.deliveryLatency("hook", Duration.ofSeconds(Long.MIN_VALUE));
        assertEquals(1, registry.get("replyclock.deadline.lateness").timer().count());
        assertEquals(0.0, registry.get("replyclock.delivery.latency").timer().max(TimeUnit.SECONDS));
    }

    @Test
    void everySeriesWithAKnownLabelSetIsThereAtZeroBeforeItsFirstEventAndCountsFromThere() {
        metrics.startAtZero(java.util.Set.of("billing"));
        metrics.receiverAtZero("pager");
        for (String reason : ReplyclockMetrics.DEAD_LETTER_REASONS) {
            assertEquals(0.0, registry.get("replyclock.dead.letters").tag("reason", reason).counter().count(), reason);
        }
        for (dev.replyclock.alert.AlertKind kind : dev.replyclock.alert.AlertKind.values()) {
            assertEquals(0.0, registry.get("replyclock.alerts").tag("kind", kind.wireName()).tag("tier", "complaint")
                    .counter().count(), kind.wireName());
        }
        assertEquals(0.0, registry.get("replyclock.team.overloaded").tag("team", "billing").gauge().value());
        assertEquals(0.0, registry.get("replyclock.team.overloaded").tag("team", "default").gauge().value());
        assertEquals(0.0, registry.get("replyclock.silenced").tag("receiver", "pager").counter().count());
        assertEquals(0.0, registry.get("replyclock.undelivered").tag("receiver", "pager").tag("reason", "refused")
                .counter().count());
        assertEquals(0.0, registry.get("replyclock.rekeyed").counter().count());

        metrics.deadLetter("key-mismatch");
        metrics.alert(dev.replyclock.alert.AlertKind.BREACH, Tier.COMPLAINT);
        metrics.silenced("pager");
        assertEquals(1.0, registry.get("replyclock.dead.letters").tag("reason", "key-mismatch").counter().count());
        assertEquals(1.0, registry.get("replyclock.alerts").tag("kind", "breach").tag("tier", "complaint").counter().count());
        assertEquals(1.0, registry.get("replyclock.silenced").tag("receiver", "pager").counter().count());
    }
}
