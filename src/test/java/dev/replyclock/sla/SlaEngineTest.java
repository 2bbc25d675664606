package dev.replyclock.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.classify.Classification;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Direction;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Signal;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.model.Tier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    // --- Next reply time: a wait that begins after a staff reply -----------------------------------------

    private static final SlaPolicy WITH_NEXT_TARGETS = new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(5),
            Duration.ofMinutes(1), 0.8, Duration.ofMinutes(10), 3, BusinessCalendar.ALWAYS, Set.of(), Map.of(),
            Map.of(Tier.STANDARD, Duration.ofHours(1), Tier.COMPLAINT, Duration.ofMinutes(10)));

    /** The conversation's first wait, answered at once: the next customer message opens a next-reply wait. */
    private Outcome followUp(SlaEngine e, Tier tier) {
        ReplyClock first = e.onMessage(Optional.empty(), inbound(Tier.STANDARD, T0)).clock().orElseThrow();
        assertTrue(e.onMessage(Optional.of(first), reply(T0.plusSeconds(30))).clock().isEmpty());
        clock.set(T0.plus(Duration.ofMinutes(2)));
        return e.onMessage(Optional.empty(), inbound(tier, clock.instant()), true);
    }

    @Test
    void aWaitAfterAStaffReplyGetsTheNextReplyTarget() {
        SlaEngine e = new SlaEngine(WITH_NEXT_TARGETS, clock);
        ReplyClock next = followUp(e, Tier.STANDARD).clock().orElseThrow();
        Instant start = T0.plus(Duration.ofMinutes(2));
        assertFalse(next.firstReply());
        assertEquals(start.plus(Duration.ofHours(1)), next.deadline(), "sla.targets.next.standard, not 15 minutes");
        assertEquals(start.plus(Duration.ofMinutes(48)), next.warnAt(), "warn-at applies to the next-reply target");
        clock.set(start.plus(Duration.ofMinutes(40)));
        Outcome replied = e.onMessage(Optional.of(next), reply(clock.instant()));
        assertTrue(replied.measurement().orElseThrow().withinTarget(), "40 minutes is within the hour");
        assertFalse(replied.measurement().get().firstReply());
    }

    @Test
    void theFirstWaitKeepsTheFirstReplyTargetWhateverTheNextOnesAre() {
        SlaEngine e = new SlaEngine(WITH_NEXT_TARGETS, clock);
        ReplyClock first = e.onMessage(Optional.empty(), inbound(Tier.STANDARD, T0)).clock().orElseThrow();
        assertTrue(first.firstReply());
        assertEquals(T0.plus(Duration.ofMinutes(15)), first.deadline());
    }

    @Test
    void withoutNextReplyTargetsAFollowUpHasTheFirstReplyTarget() {
        ReplyClock next = followUp(engine, Tier.STANDARD).clock().orElseThrow();
        assertFalse(next.firstReply());
        assertEquals(T0.plus(Duration.ofMinutes(17)), next.deadline(), "15 minutes, as before next targets existed");
    }

    @Test
    void aTierWithoutANextReplyTargetKeepsItsFirstReplyTargetInAFollowUp() {
        ReplyClock next = followUp(new SlaEngine(WITH_NEXT_TARGETS, clock), Tier.URGENT).clock().orElseThrow();
        assertEquals(T0.plus(Duration.ofMinutes(7)), next.deadline(), "urgent has no next target: 5 minutes");
    }

    @Test
    void aMoreSevereMessageInAFollowUpTightensToTheNextReplyTargetOfItsTier() {
        SlaEngine e = new SlaEngine(WITH_NEXT_TARGETS, clock);
        ReplyClock next = followUp(e, Tier.STANDARD).clock().orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        // Later messages come with repliedBefore as the processor knows it; the wait stays a next-reply wait.
        ReplyClock tightened = e.onMessage(Optional.of(next), inbound(Tier.COMPLAINT, clock.instant()), true)
                .clock().orElseThrow();
        assertEquals(Tier.COMPLAINT, tightened.tier());
        assertFalse(tightened.firstReply());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), tightened.deadline(), "sla.targets.next.complaint");
    }

    // --- The ladder on a business-hours calendar ----------------------------------------------------------

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Paris office hours, 09:00-18:00 on weekdays; standard and urgent on the calendar, complaints 24/7. */
    private static SlaPolicy officeHours(Map<DayOfWeek, List<BusinessCalendar.Interval>> extra) {
        Map<DayOfWeek, List<BusinessCalendar.Interval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            hours.put(d, List.of(new BusinessCalendar.Interval(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        hours.putAll(extra);
        return new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1), 0.8,
                Duration.ofMinutes(10), 3, new BusinessCalendar("paris", PARIS, hours, Holidays.of("FR")),
                Set.of(Tier.STANDARD, Tier.URGENT));
    }

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    /** Opens a wait at {@code sentAt} and lets the clock run to the end of its ladder, as the daemon's index would. */
    private List<Alert> ladder(SlaPolicy policy, Tier tier, Instant sentAt) {
        clock.set(sentAt);
        SlaEngine e = new SlaEngine(policy, clock);
        Outcome o = e.onMessage(Optional.empty(), inbound(tier, sentAt));
        List<Alert> alerts = new ArrayList<>(o.alerts());
        ReplyClock c = o.clock().orElseThrow();
        for (Optional<Instant> wake = e.nextWakeUp(c); wake.isPresent(); wake = e.nextWakeUp(c)) {
            clock.set(wake.get());
            o = e.onDue(c);
            alerts.addAll(o.alerts());
            c = o.clock().orElseThrow();
        }
        return alerts;
    }

    private static List<String> firedAt(List<Alert> alerts, AlertKind kind) {
        return alerts.stream().filter(a -> a.kind() == kind)
                .map(a -> a.createdAt().atZone(PARIS).toLocalDateTime().toString()).toList();
    }

    @Test
    void aBreachJustBeforeClosingEscalatesOnTheNextOpenDayNotThroughTheNight() {
        // Tuesday 17:50 urgent: warning 17:54, breach 17:55; the rungs wait for Wednesday morning.
        List<Alert> alerts = ladder(officeHours(Map.of()), Tier.URGENT, paris("2026-11-24T17:50"));
        assertEquals(List.of("2026-11-24T17:54"), firedAt(alerts, AlertKind.WARNING));
        assertEquals(List.of("2026-11-24T17:55"), firedAt(alerts, AlertKind.BREACH));
        assertEquals(List.of("2026-11-25T09:05", "2026-11-25T09:15", "2026-11-25T09:25"),
                firedAt(alerts, AlertKind.ESCALATION));
        assertEquals(List.of(1, 2, 3), alerts.stream().filter(a -> a.kind() == AlertKind.ESCALATION)
                .map(Alert::level).toList());
    }

    @Test
    void nothingEscalatesAtTheWallClockRungWhileTheOfficeIsClosed() {
        clock.set(paris("2026-11-24T17:50"));
        SlaEngine e = new SlaEngine(officeHours(Map.of()), clock);
        ReplyClock c = e.onMessage(Optional.empty(), inbound(Tier.URGENT, clock.instant())).clock().orElseThrow();
        clock.set(paris("2026-11-24T17:55"));
        c = e.onDue(c).clock().orElseThrow();
        assertEquals(Stage.BREACHED, c.stage());
        clock.set(paris("2026-11-24T18:25")); // where 24/7 rungs 1, 2 and 3 would be
        assertEquals(List.of(), e.onDue(c).alerts());
        assertEquals(Optional.of(paris("2026-11-25T09:05")), e.nextWakeUp(c));
    }

    @Test
    void aFridayEveningBreachEscalatesOnMondayMorning() {
        List<Alert> alerts = ladder(officeHours(Map.of()), Tier.STANDARD, paris("2026-11-27T17:40"));
        assertEquals(List.of("2026-11-27T17:55"), firedAt(alerts, AlertKind.BREACH));
        assertEquals(List.of("2026-11-30T09:05", "2026-11-30T09:15", "2026-11-30T09:25"),
                firedAt(alerts, AlertKind.ESCALATION));
    }

    @Test
    void theRungsKeepLocalOfficeHoursAcrossTheSpringAndAutumnClockChanges() {
        // Last Sundays of March and October 2026 in Paris: the Monday rungs are at 09:05 local, whatever the offset.
        List<Alert> spring = ladder(officeHours(Map.of()), Tier.URGENT, paris("2026-03-27T17:50"));
        assertEquals(List.of("2026-03-30T09:05", "2026-03-30T09:15", "2026-03-30T09:25"),
                firedAt(spring, AlertKind.ESCALATION));
        assertEquals(Instant.parse("2026-03-30T07:05:00Z"), spring.get(spring.size() - 3).createdAt(), "CEST, UTC+2");
        List<Alert> autumn = ladder(officeHours(Map.of()), Tier.URGENT, paris("2026-10-23T17:50"));
        assertEquals(List.of("2026-10-26T09:05", "2026-10-26T09:15", "2026-10-26T09:25"),
                firedAt(autumn, AlertKind.ESCALATION));
        assertEquals(Instant.parse("2026-10-26T08:05:00Z"), autumn.get(autumn.size() - 3).createdAt(), "CET, UTC+1");
    }

    @Test
    void insideOpenHoursRungsAreRealMinutesAcrossTheMissingHour() {
        // A Sunday night shift 01:00-04:00; on 29 March 2026 02:00 becomes 03:00: 01:55 + 10 minutes is 03:05.
        SlaPolicy nightShift = officeHours(Map.of(DayOfWeek.SUNDAY,
                List.of(new BusinessCalendar.Interval(LocalTime.of(1, 0), LocalTime.of(4, 0)))));
        List<Alert> alerts = ladder(nightShift, Tier.URGENT, paris("2026-03-29T01:50"));
        assertEquals(List.of("2026-03-29T01:55"), firedAt(alerts, AlertKind.BREACH));
        assertEquals(List.of("2026-03-29T03:05", "2026-03-29T03:15", "2026-03-29T03:25"),
                firedAt(alerts, AlertKind.ESCALATION));
    }

    @Test
    void aTwentyFourSevenTierKeepsItsWallClockLadderBesideACalendar() {
        List<Alert> alerts = ladder(officeHours(Map.of()), Tier.COMPLAINT, paris("2026-11-27T17:59"));
        assertEquals(List.of("2026-11-27T18:10", "2026-11-27T18:20", "2026-11-27T18:30"),
                firedAt(alerts, AlertKind.ESCALATION));
    }

    @Test
    void afterDowntimeOnACalendarOnlyTheRungReachedInOpenHoursFires() {
        clock.set(paris("2026-11-27T17:50"));
        SlaEngine e = new SlaEngine(officeHours(Map.of()), clock);
        ReplyClock c = e.onMessage(Optional.empty(), inbound(Tier.URGENT, clock.instant())).clock().orElseThrow();
        clock.set(paris("2026-11-27T17:56"));
        c = e.onDue(c).clock().orElseThrow();
        clock.set(paris("2026-11-30T09:17")); // down all weekend: 17 open minutes since the breach
        Outcome o = e.onDue(c);
        assertEquals(List.of(AlertKind.ESCALATION), kinds(o));
        assertEquals(2, o.alerts().get(0).level(), "rung 2 (09:15), not rung 3 as 63 hours of wall clock would say");
    }

    @Test
    void aClockThatClimbedOnTheWallClockBeforeTheUpgradeNeverRepeatsARung() {
        // Stored by an earlier version: breached at 17:55 Friday, rungs 1 and 2 sent at 18:05 and 18:15.
        Instant breach = paris("2026-11-27T17:55");
        ReplyClock stored = new ReplyClock("c1", "chat", Tier.URGENT, breach.minusSeconds(300), breach.minusSeconds(300),
                breach.minusSeconds(60), breach, Stage.BREACHED, 2, false, List.of());
        SlaEngine e = new SlaEngine(officeHours(Map.of()), clock);
        assertEquals(Optional.of(paris("2026-11-30T09:25")), e.nextWakeUp(stored), "rung 3, in business time");
        clock.set(paris("2026-11-30T09:05"));
        assertEquals(List.of(), e.onDue(stored).alerts(), "rung 1 was sent already");
        clock.set(paris("2026-11-30T09:25"));
        assertEquals(3, e.onDue(stored).alerts().get(0).level());
    }
}
