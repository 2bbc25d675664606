package dev.replyclock.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.alert.Alert;
import dev.replyclock.alert.AlertKind;
import dev.replyclock.classify.Classification;
import dev.replyclock.classify.Signal;
import dev.replyclock.classify.Tier;
import dev.replyclock.ingest.Direction;
import dev.replyclock.ingest.SupportMessage;
import dev.replyclock.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reply-clock rules with a clock that only moves when the test moves it. */
class SlaEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SlaEngine engine = new SlaEngine(SlaPolicy.DEFAULT, clock);

    private ClassifiedMessage inbound(Tier tier, Instant sentAt) {
        List<Signal> signals = tier == Tier.STANDARD ? List.of() : List.of(new Signal("f", tier, "x", 0, 1));
        return new ClassifiedMessage(new SupportMessage("m", "c1", Direction.INBOUND, "chat", "cust", "text",
                sentAt.atOffset(ZoneOffset.ofHours(1))), new Classification(tier, signals));
    }

    private ClassifiedMessage reply(Instant sentAt) {
        return new ClassifiedMessage(new SupportMessage("r", "c1", Direction.OUTBOUND, "chat", "agent", "ok",
                sentAt.atOffset(ZoneOffset.UTC)), Classification.STANDARD);
    }

    private ReplyClock open(Tier tier) {
        return engine.onMessage(Optional.empty(), inbound(tier, clock.instant())).clock().orElseThrow();
    }

    private List<AlertKind> kinds(Outcome o) {
        return o.alerts().stream().map(Alert::kind).toList();
    }

    @Test
    void alertsCarryTheTeamTheConversationWasOpenedWith() {
        ClassifiedMessage forReturns = new ClassifiedMessage(new SupportMessage("m", "c1", Direction.INBOUND, "chat",
                "cust", "text", T0.atOffset(ZoneOffset.UTC), "returns", null),
                new Classification(Tier.URGENT, List.of(new Signal("f", Tier.URGENT, "x", 0, 1))));
        Outcome opened = engine.onMessage(Optional.empty(), forReturns);
        assertEquals("returns", opened.alerts().get(0).team());
        // A later message without a team keeps the conversation's team, up to the breach.
        Outcome later = engine.onMessage(opened.clock(), inbound(Tier.COMPLAINT, T0.plusSeconds(10)));
        clock.advance(Duration.ofMinutes(2));
        Outcome breach = engine.onDue(later.clock().orElseThrow());
        assertEquals(List.of(AlertKind.BREACH), kinds(breach));
        assertEquals("returns", breach.alerts().get(0).team());
    }

    @Test
    void complaintDeadlineIsOneMinute() {
        assertEquals(T0.plus(Duration.ofMinutes(1)), open(Tier.COMPLAINT).deadline());
    }

    @Test
    void urgentDeadlineIsFiveMinutes() {
        assertEquals(T0.plus(Duration.ofMinutes(5)), open(Tier.URGENT).deadline());
    }

    @Test
    void standardDeadlineIsFifteenMinutes() {
        assertEquals(T0.plus(Duration.ofMinutes(15)), open(Tier.STANDARD).deadline());
    }

    @Test
    void signalFiresAtOnceForUrgentAndComplaintButNotForStandard() {
        assertEquals(List.of(AlertKind.SIGNAL), kinds(engine.onMessage(Optional.empty(), inbound(Tier.COMPLAINT, T0))));
        assertEquals(List.of(AlertKind.SIGNAL), kinds(engine.onMessage(Optional.empty(), inbound(Tier.URGENT, T0))));
        assertEquals(List.of(), kinds(engine.onMessage(Optional.empty(), inbound(Tier.STANDARD, T0))));
    }

    @Test
    void warningAtEightyPercentThenBreachAtTheTarget() {
        ReplyClock c = open(Tier.URGENT);
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(4))), engine.nextWakeUp(c));
        clock.advance(Duration.ofMinutes(4));
        Outcome warned = engine.onDue(c);
        assertEquals(List.of(AlertKind.WARNING), kinds(warned));
        clock.advance(Duration.ofMinutes(1));
        Outcome breached = engine.onDue(warned.clock().orElseThrow());
        assertEquals(List.of(AlertKind.BREACH), kinds(breached));
        assertEquals(T0.plus(Duration.ofMinutes(5)), breached.alerts().get(0).deadline());
    }

    @Test
    void escalationClimbsOneLevelPerIntervalUpToTheMaximum() {
        ReplyClock c = open(Tier.COMPLAINT);
        clock.advance(Duration.ofMinutes(1));
        c = engine.onDue(c).clock().orElseThrow();
        for (int level = 1; level <= 3; level++) {
            clock.set(T0.plus(Duration.ofMinutes(1)).plus(Duration.ofMinutes(10L * level)));
            Outcome o = engine.onDue(c);
            assertEquals(List.of(AlertKind.ESCALATION), kinds(o));
            assertEquals(level, o.alerts().get(0).level());
            c = o.clock().orElseThrow();
        }
        assertEquals(Optional.empty(), engine.nextWakeUp(c), "the ladder ends at sla.escalation.max-level");
    }

    @Test
    void eachTierClimbsItsOwnLadder() {
        SlaPolicy policy = new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1), 0.8,
                Duration.ofMinutes(10), 3, BusinessCalendar.ALWAYS, java.util.Set.of(),
                java.util.Map.of(Tier.COMPLAINT, new SlaPolicy.Ladder(Duration.ofMinutes(2), 5)));
        SlaEngine laddered = new SlaEngine(policy, clock);
        ReplyClock c = laddered.onMessage(Optional.empty(), inbound(Tier.COMPLAINT, T0)).clock().orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        c = laddered.onDue(c).clock().orElseThrow();
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(3))), laddered.nextWakeUp(c), "complaints every 2 minutes");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(5, laddered.onDue(c).alerts().get(0).level(), "up to level 5");
    }

    @Test
    void replyStopsTheClockAndMeasuresTheReplyTime() {
        ReplyClock c = open(Tier.URGENT);
        clock.advance(Duration.ofMinutes(3));
        Outcome o = engine.onMessage(Optional.of(c), reply(clock.instant()));
        assertTrue(o.clock().isEmpty());
        assertTrue(o.alerts().isEmpty(), "no resolved alert without a breach");
        assertEquals(Duration.ofMinutes(3), o.measurement().orElseThrow().replyTime());
        assertTrue(o.measurement().get().withinTarget());
    }

    @Test
    void replyAfterABreachIsResolved() {
        ReplyClock c = open(Tier.COMPLAINT);
        clock.advance(Duration.ofMinutes(2));
        c = engine.onDue(c).clock().orElseThrow();
        Outcome o = engine.onMessage(Optional.of(c), reply(clock.instant()));
        assertEquals(List.of(AlertKind.RESOLVED), kinds(o));
        assertFalse(o.measurement().orElseThrow().withinTarget());
    }

    @Test
    void aLaterMoreSevereMessageTightensTheDeadline() {
        ReplyClock c = open(Tier.STANDARD);
        clock.advance(Duration.ofMinutes(10));
        Outcome o = engine.onMessage(Optional.of(c), inbound(Tier.COMPLAINT, clock.instant()));
        ReplyClock tightened = o.clock().orElseThrow();
        assertEquals(T0.plus(Duration.ofMinutes(11)), tightened.deadline());
        assertEquals(Tier.COMPLAINT, tightened.tier());
        assertEquals(T0, tightened.openedAt(), "the wait is still measured from the first message");
        assertEquals(List.of(AlertKind.SIGNAL), kinds(o));
    }

    @Test
    void aSevereMessageNeverExtendsTheDeadline() {
        ReplyClock c = open(Tier.STANDARD);
        clock.advance(Duration.ofSeconds(14 * 60 + 30));
        ReplyClock raised = engine.onMessage(Optional.of(c), inbound(Tier.COMPLAINT, clock.instant())).clock().orElseThrow();
        assertEquals(T0.plus(Duration.ofMinutes(15)), raised.deadline());
        assertEquals(Tier.COMPLAINT, raised.tier());
    }

    @Test
    void severalInboundMessagesKeepTheEarliestDeadline() {
        ReplyClock c = open(Tier.URGENT);
        clock.advance(Duration.ofMinutes(2));
        Outcome o = engine.onMessage(Optional.of(c), inbound(Tier.URGENT, clock.instant()));
        assertEquals(T0.plus(Duration.ofMinutes(5)), o.clock().orElseThrow().deadline());
        assertTrue(o.alerts().isEmpty(), "no second signal for the same deadline");
    }

    @Test
    void messagesFromTheFutureAreClampedToNow() {
        ReplyClock c = engine.onMessage(Optional.empty(), inbound(Tier.COMPLAINT, T0.plus(Duration.ofHours(2))))
                .clock().orElseThrow();
        assertEquals(T0, c.openedAt());
        assertEquals(T0.plus(Duration.ofMinutes(1)), c.deadline());
    }

    @Test
    void aMessageOlderThanItsTargetIsMeasuredButRaisesNoAlert() {
        Outcome o = engine.onMessage(Optional.empty(), inbound(Tier.COMPLAINT, T0.minus(Duration.ofMinutes(5))));
        assertTrue(o.alerts().isEmpty());
        ReplyClock c = o.clock().orElseThrow();
        assertTrue(c.stale());
        assertEquals(Optional.empty(), engine.nextWakeUp(c));
        Outcome replied = engine.onMessage(Optional.of(c), reply(T0));
        assertEquals(Duration.ofMinutes(5), replied.measurement().orElseThrow().replyTime());
    }

    @Test
    void aReplySentBeforeTheDeadlineButArrivingLateCountsAsWithinTarget() {
        ReplyClock c = open(Tier.COMPLAINT);
        clock.advance(Duration.ofMinutes(3));
        c = engine.onDue(c).clock().orElseThrow(); // breach fired while the reply was in transit
        Outcome o = engine.onMessage(Optional.of(c), reply(T0.plusSeconds(50)));
        assertTrue(o.measurement().orElseThrow().withinTarget());
        assertEquals(List.of(AlertKind.RESOLVED), kinds(o), "the breach already sent is followed by resolved");
    }

    @Test
    void anOutOfOrderOldReplyDoesNotCloseTheClock() {
        ReplyClock c = open(Tier.URGENT);
        Outcome o = engine.onMessage(Optional.of(c), reply(T0.minus(Duration.ofMinutes(1))));
        assertEquals(Optional.of(c), o.clock());
        assertTrue(o.measurement().isEmpty());
    }

    @Test
    void afterDowntimeOnlyTheFurthestDueStageFires() {
        ReplyClock c = open(Tier.URGENT);
        clock.advance(Duration.ofMinutes(6)); // warning and breach both passed while down
        assertEquals(List.of(AlertKind.BREACH), kinds(engine.onDue(c)));
    }

    @Test
    void alertIdsAreDeterministic() {
        Instant deadline = T0.plusSeconds(60);
        assertEquals(Alert.idFor("c1", deadline, AlertKind.BREACH, Tier.COMPLAINT, 0),
                Alert.idFor("c1", deadline, AlertKind.BREACH, Tier.COMPLAINT, 0));
        assertNotEquals(Alert.idFor("c1", deadline, AlertKind.BREACH, Tier.COMPLAINT, 0),
                Alert.idFor("c1", deadline.plusMillis(1), AlertKind.BREACH, Tier.COMPLAINT, 0));
        assertNotEquals(Alert.idFor("c1", deadline, AlertKind.ESCALATION, Tier.COMPLAINT, 1),
                Alert.idFor("c1", deadline, AlertKind.ESCALATION, Tier.COMPLAINT, 2));
        ReplyClock c = open(Tier.COMPLAINT);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(engine.onMessage(Optional.empty(), inbound(Tier.COMPLAINT, T0)).alerts().get(0).id(),
                Alert.idFor("c1", c.deadline(), AlertKind.SIGNAL, Tier.COMPLAINT, 0), "not a function of createdAt");
    }
}
