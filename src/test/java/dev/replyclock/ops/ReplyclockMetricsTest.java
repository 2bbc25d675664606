package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.config.MetricLabels;
import dev.replyclock.model.Direction;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.ReplyMeasurement;
import dev.replyclock.sla.SlaPolicy;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A metric never stops the stream: what a timer cannot hold is clamped, not thrown. Its labels are bounded: only
 * configured channels and teams, the rest {@code other}.
 */
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
        // Labels are bounded (MetricLabels): the team's gauge at 0 is that of a configured team.
        SimpleMeterRegistry own = new SimpleMeterRegistry(); // not the field's: one ReplyclockMetrics per registry
        ReplyclockMetrics m = new ReplyclockMetrics(own, SlaPolicy.DEFAULT,
                new MetricLabels(Set.copyOf(MetricLabels.CONTRACT_CHANNELS), Set.of("billing")));
        m.startAtZero();
        m.receiverAtZero("pager");
        for (String reason : ReplyclockMetrics.DEAD_LETTER_REASONS) {
            assertEquals(0.0, own.get("replyclock.dead.letters").tag("reason", reason).counter().count(), reason);
        }
        for (dev.replyclock.model.AlertKind kind : dev.replyclock.model.AlertKind.values()) {
            assertEquals(0.0, own.get("replyclock.alerts").tag("kind", kind.wireName()).tag("tier", "complaint")
                    .counter().count(), kind.wireName());
        }
        assertEquals(0.0, own.get("replyclock.team.overloaded").tag("team", "billing").gauge().value());
        assertEquals(0.0, own.get("replyclock.team.overloaded").tag("team", "default").gauge().value());
        assertEquals(0.0, own.get("replyclock.silenced").tag("receiver", "pager").counter().count());
        assertEquals(0.0, own.get("replyclock.undelivered").tag("receiver", "pager").tag("reason", "refused")
                .counter().count());
        assertEquals(0.0, own.get("replyclock.rekeyed").counter().count());
        assertEquals(0.0, own.get("replyclock.messages").tag("direction", "inbound").tag("tier", "complaint")
                .tag("channel", "other").counter().count(), "a channel label the bounded labels have");
        assertEquals(Set.of("other"), channels(own, "replyclock.reply.time"), "no 'unknown' channel");

        m.deadLetter("key-mismatch");
        m.alert(dev.replyclock.model.AlertKind.BREACH, Tier.COMPLAINT);
        m.silenced("pager");
        assertEquals(1.0, own.get("replyclock.dead.letters").tag("reason", "key-mismatch").counter().count());
        assertEquals(1.0, own.get("replyclock.alerts").tag("kind", "breach").tag("tier", "complaint").counter().count());
        assertEquals(1.0, own.get("replyclock.silenced").tag("receiver", "pager").counter().count());

        m.labels(new MetricLabels(Set.copyOf(MetricLabels.CONTRACT_CHANNELS), Set.of("billing", "returns")));
        assertEquals(0.0, own.get("replyclock.team.overloaded").tag("team", "returns").gauge().value(),
                "a team a reload names is there at 0 too");
    }

    private static Set<String> channels(SimpleMeterRegistry registry, String meter) {
        Set<String> labels = new TreeSet<>();
        registry.find(meter).meters().forEach(x -> labels.add(x.getId().getTag("channel")));
        return labels;
    }

    @Test
    void aChannelOutsideMetricsChannelsIsCountedAsOtherAndNoNumberBecomesALabel() {
        SimpleMeterRegistry own = new SimpleMeterRegistry(); // not the field's: one ReplyclockMetrics per registry
        ReplyclockMetrics m = new ReplyclockMetrics(own, SlaPolicy.DEFAULT,
                new MetricLabels(Set.of("whatsapp", "chat"), Set.of()));
        for (String channel : List.of("WhatsApp", "chat", "telegram", "33612345678", "+33 6 12 34 56 78",
                "0612345678", "a".repeat(40), "")) {
            m.messageIn(Direction.INBOUND, Tier.URGENT, channel);
            m.replied(new ReplyMeasurement("c", Tier.URGENT, channel, Duration.ofMinutes(1), true));
        }
        m.messageIn(Direction.OUTBOUND, null, null);
        for (String meter : List.of("replyclock.messages", "replyclock.reply.time")) {
            Set<String> labels = new TreeSet<>();
            own.find(meter).meters().forEach(x -> labels.add(x.getId().getTag("channel")));
            assertEquals(Set.of("whatsapp", "chat", "other"), labels, meter);
        }
        assertEquals(6.0, own.get("replyclock.messages").tag("channel", "other").tag("direction", "inbound")
                .counter().count(), "telegram, the three numbers, the long name and the empty one");
    }

    @Test
    void aTeamOutsideTheConfigurationIsLabelledOtherWhichFiresWhileAnyOfThemDoes() {
        SimpleMeterRegistry own = new SimpleMeterRegistry(); // not the field's: one ReplyclockMetrics per registry
        ReplyclockMetrics m = new ReplyclockMetrics(own, SlaPolicy.DEFAULT,
                new MetricLabels(Set.of("chat"), Set.of("Billing")));
        m.teamOverloaded("billing", true);
        m.teamOverloaded("33612345678", true);
        m.teamOverloaded("returns", true);
        m.teamOverloaded("returns", false);
        Set<String> labels = new TreeSet<>();
        own.find("replyclock.team.overloaded").gauges().forEach(g -> labels.add(g.getId().getTag("team")));
        assertEquals(Set.of("Billing", "other"), labels, "the configured spelling, and other");
        assertEquals(1.0, own.get("replyclock.team.overloaded").tag("team", "other").gauge().value(),
                "one team labelled other still fires");
        m.teamOverloaded("33612345678", false);
        assertEquals(0.0, own.get("replyclock.team.overloaded").tag("team", "other").gauge().value());
        assertEquals(1.0, own.get("replyclock.team.overloaded").tag("team", "Billing").gauge().value());
    }

    @Test
    void aReloadedConfigurationsTeamBecomesItsOwnLabel() {
        SimpleMeterRegistry own = new SimpleMeterRegistry(); // not the field's: one ReplyclockMetrics per registry
        ReplyclockMetrics m = new ReplyclockMetrics(own, SlaPolicy.DEFAULT, MetricLabels.CONTRACT);
        m.labels(new MetricLabels(Set.copyOf(MetricLabels.CONTRACT_CHANNELS), Set.of("returns")));
        m.teamOverloaded("returns", true);
        assertEquals(1.0, own.get("replyclock.team.overloaded").tag("team", "returns").gauge().value());
    }
}
