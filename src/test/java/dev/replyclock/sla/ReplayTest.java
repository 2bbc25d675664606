package dev.replyclock.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.classify.Classifier;
import dev.replyclock.classify.Tier;
import dev.replyclock.ingest.Direction;
import dev.replyclock.ingest.SupportMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replaying a history with simulated time, as the daemon would have lived it. */
class ReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private final Replay replay = new Replay(SlaPolicies.single(SlaPolicy.DEFAULT), Classifier.builtIn());

    private static SupportMessage msg(String conv, Direction d, String text, Duration at) {
        return new SupportMessage("m", conv, d, "chat", "x", text, T0.plus(at).atOffset(ZoneOffset.UTC));
    }

    @Test
    void replyTimeRunsFromTheFirstUnansweredInboundMessage() {
        List<Replay.Wait> waits = replay.run(List.of(
                msg("a", Direction.INBOUND, "What sizes?", Duration.ZERO),
                msg("a", Direction.INBOUND, "Hello?", Duration.ofMinutes(5)),
                msg("a", Direction.OUTBOUND, "S to XL", Duration.ofMinutes(8))), null);
        assertEquals(1, waits.size());
        assertEquals(Duration.ofMinutes(8), waits.get(0).waited());
        assertTrue(waits.get(0).withinTarget());
    }

    @Test
    void complaintAnsweredAfterTwoMinutesIsABreachNotWithinTarget() {
        Replay.Wait w = replay.run(List.of(
                msg("b", Direction.INBOUND, "The blender is broken", Duration.ZERO),
                msg("b", Direction.OUTBOUND, "Sorry", Duration.ofMinutes(2))), null).get(0);
        assertEquals(Tier.COMPLAINT, w.tier());
        assertTrue(w.breached());
        assertFalse(w.withinTarget());
    }

    @Test
    void anUnansweredWaitCountsAsABreachButNotAsReplied() {
        List<Replay.Wait> waits = replay.run(List.of(msg("c", Direction.INBOUND, "urgent please", Duration.ZERO)),
                T0.plus(Duration.ofHours(1)));
        Map<Tier, Replay.TierStats> stats = Replay.stats(waits);
        assertEquals(1, stats.get(Tier.URGENT).count());
        assertEquals(0, stats.get(Tier.URGENT).replied());
        assertEquals(1, stats.get(Tier.URGENT).breaches());
        assertNull(stats.get(Tier.URGENT).p50());
    }

    @Test
    void messagesAreReplayedInSentAtOrder() {
        List<Replay.Wait> waits = replay.run(List.of(
                msg("d", Direction.OUTBOUND, "Hi", Duration.ofMinutes(3)),
                msg("d", Direction.INBOUND, "What sizes?", Duration.ZERO)), null);
        assertEquals(Duration.ofMinutes(3), waits.get(0).waited());
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5.0, Replay.nearestRank(sorted, 50));
        assertEquals(9.0, Replay.nearestRank(sorted, 90));
        assertEquals(10.0, Replay.nearestRank(sorted, 99));
        assertNull(Replay.nearestRank(new double[0], 50));
    }
}
