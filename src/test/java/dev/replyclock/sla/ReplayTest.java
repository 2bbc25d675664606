package dev.replyclock.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.classify.Classifier;
import dev.replyclock.model.Direction;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.model.Tier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static List<SupportMessage> answeredThenFollowedUp() {
        return List.of(
                msg("g", Direction.INBOUND, "What sizes?", Duration.ZERO),
                msg("g", Direction.OUTBOUND, "S to XL", Duration.ofMinutes(2)),
                msg("g", Direction.INBOUND, "And in blue?", Duration.ofMinutes(10)),
                msg("g", Direction.OUTBOUND, "Yes", Duration.ofMinutes(50)));
    }

    @Test
    void aFollowUpIsMeasuredAgainstTheNextReplyTarget() {
        SlaPolicy nextInAnHour = new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1),
                0.8, Duration.ofMinutes(10), 3, BusinessCalendar.ALWAYS, Set.of(), Map.of(),
                Map.of(Tier.STANDARD, Duration.ofHours(1)));
        List<Replay.Wait> waits = new Replay(SlaPolicies.single(nextInAnHour), Classifier.builtIn())
                .run(answeredThenFollowedUp(), null);
        assertEquals(2, waits.size());
        assertTrue(waits.get(0).firstReply());
        Replay.Wait followUp = waits.get(1);
        assertFalse(followUp.firstReply());
        assertEquals(Duration.ofMinutes(40), followUp.waited());
        assertTrue(followUp.withinTarget(), "40 minutes of the hour");
        assertFalse(followUp.breached());
        assertEquals(0, followUp.warnings(), "the warning would have come at 48 minutes");
    }

    @Test
    void aWaitCountsTheWarningsAndEscalationsItRaised() {
        // The same follow-up under the first-reply target of 15 minutes: warning, breach and two rungs.
        Replay.Wait followUp = replay.run(answeredThenFollowedUp(), null).get(1);
        assertTrue(followUp.breached());
        assertEquals(1, followUp.warnings());
        assertEquals(2, followUp.escalations(), "rungs at 35 and 45 minutes, the reply at 50");
        Map<Tier, Replay.TierStats> stats = Replay.stats(replay.run(answeredThenFollowedUp(), null));
        assertEquals(1, stats.get(Tier.STANDARD).warnings());
        assertEquals(2, stats.get(Tier.STANDARD).escalations());
    }

    @Test
    void theReplayClimbsACalendarTiersLadderInOpenHoursOnly() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Map<DayOfWeek, List<BusinessCalendar.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            hours.put(d, List.of(new BusinessCalendar.Interval(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        SlaPolicy office = new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1), 0.8,
                Duration.ofMinutes(10), 3, new BusinessCalendar("paris", paris, hours, d -> false),
                Set.of(Tier.STANDARD, Tier.URGENT));
        Instant friday = LocalDateTime.parse("2026-11-27T17:50").atZone(paris).toInstant();
        SupportMessage urgent = new SupportMessage("m", "h", Direction.INBOUND, "chat", "x", "urgent please",
                friday.atOffset(ZoneOffset.UTC));
        Instant mondayMorning = LocalDateTime.parse("2026-11-30T09:20").atZone(paris).toInstant();
        Replay.Wait w = new Replay(SlaPolicies.single(office), Classifier.builtIn())
                .run(List.of(urgent), mondayMorning).get(0);
        assertTrue(w.breached(), "at 17:55 on Friday");
        assertEquals(2, w.escalations(), "09:05 and 09:15 on Monday, none over the weekend");
    }
}
