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
}
