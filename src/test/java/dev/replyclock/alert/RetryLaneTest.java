package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retry lane of one receiver: what goes out now, what waits for its next attempt, and in which order. */
class RetryLaneTest {

    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    /** Backoff 1 s, 2 s, 4 s... capped at 8 s; with no jitter drawn, each wait is half of it. */
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(5));
    private final MutableClock clock = new MutableClock(T0);
    private final RetryLane lane = new RetryLane(clock, POLICY, () -> 0L);
    private long offset;

    private static Alert alert(String conversation, Tier tier, AlertKind kind) {
        return Alert.about(conversation).kind(kind).tier(tier).channel("chat").team("billing").openedAt(T0).deadline(T0)
                .createdAt(T0).build();
    }

    /** A digest's tier is its team's most severe open conversation's: complaint, often. */
    private static Alert digest(String team) {
        return Alert.aboutTeam(team).kind(AlertKind.DIGEST).tier(Tier.COMPLAINT).at(T0).createdAt(T0).build();
    }

    private Alert add(Alert a) {
        lane.add(AlertGroup.of(a), List.of(new GroupBuffer.Position(0, offset++)));
        return a;
    }

    private List<String> ready() {
        return lane.ready().stream().map(w -> w.group().alerts().get(0).id()).toList();
    }

    private RetryLane.Waiting waiting(Alert a) {
        return lane.ready().stream().filter(w -> w.group().alerts().get(0).id().equals(a.id())).findFirst().orElseThrow();
    }

    @Test
    void aFailedAlertWaitsApartWhileFreshOnesGoOut() {
        Alert digest = add(digest("billing"));
        assertTrue(lane.retryLater(waiting(digest), null));
        Alert complaint = add(alert("c-1", Tier.COMPLAINT, AlertKind.BREACH));
        assertEquals(List.of(complaint.id()), ready(), "the complaint does not wait for the digest's next attempt");
        lane.done(waiting(complaint));
        assertEquals(Optional.of(T0.plusMillis(500)), lane.nextDue(), "the digest's next attempt, after its backoff");
        clock.advance(Duration.ofMillis(499));
        assertEquals(List.of(), ready());
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(digest.id()), ready());
    }

    @Test
    void whenSeveralAreReadyComplaintsGoFirstThenUrgentThenStandardAndDigestsLast() {
        Alert digest = add(digest("billing"));
        Alert standard = add(alert("c-1", Tier.STANDARD, AlertKind.BREACH));
        Alert urgentWarning = add(alert("c-2", Tier.URGENT, AlertKind.WARNING));
        Alert urgentBreach = add(alert("c-3", Tier.URGENT, AlertKind.BREACH));
        Alert complaintResolved = add(alert("c-4", Tier.COMPLAINT, AlertKind.RESOLVED));
        Alert overload = add(Alert.aboutTeam("returns").kind(AlertKind.OVERLOAD).tier(Tier.COMPLAINT).level(1).at(T0)
                .createdAt(T0).build());
        Alert complaint = add(alert("c-5", Tier.COMPLAINT, AlertKind.SIGNAL));
        assertEquals(List.of(overload.id(), complaint.id(), complaintResolved.id(), urgentBreach.id(), urgentWarning.id(),
                standard.id(), digest.id()), ready(), "pages before the other kinds within a tier; a digest, a summary, last");
    }

    @Test
    void aLaterAlertOfAConversationWaitsBehindOneBeingRetried() {
        Alert breach = add(alert("c-1", Tier.COMPLAINT, AlertKind.BREACH));
        assertTrue(lane.retryLater(waiting(breach), null));
        Alert resolved = add(alert("c-1", Tier.COMPLAINT, AlertKind.RESOLVED));
        Alert other = add(alert("c-2", Tier.STANDARD, AlertKind.RESOLVED));
        assertEquals(List.of(other.id()), ready(), "the resolved waits behind its breach; another conversation does not");
        lane.done(waiting(other));
        assertEquals(Optional.of(T0.plusMillis(500)), lane.nextDue(), "the breach's attempt, not the resolved's");
        clock.advance(Duration.ofMillis(500));
        assertEquals(List.of(breach.id()), ready(), "the breach first, alone");
        lane.done(waiting(breach));
        assertEquals(List.of(resolved.id()), ready(), "then the resolved");
    }

    @Test
    void aLaterTeamAlertWaitsBehindOneOfTheSameTeam() {
        Alert first = add(digest("billing"));
        assertTrue(lane.retryLater(waiting(first), null));
        add(Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.URGENT).level(1).at(T0).createdAt(T0)
                .build());
        Alert otherTeam = add(digest("returns"));
        assertEquals(List.of(otherTeam.id()), ready());
    }

    @Test
    void theBudgetCountsCallsAndGivesUpAfterTheLast() {
        Alert a = add(alert("c-1", Tier.URGENT, AlertKind.BREACH));
        for (int call = 1; call < POLICY.attempts(); call++) {
            assertTrue(lane.retryLater(waiting(a), null), "call " + call + " of " + POLICY.attempts());
            clock.advance(Duration.ofSeconds(10));
        }
        assertFalse(lane.retryLater(waiting(a), null), "the last call failed: give up");
        assertEquals(0, lane.heldCount(), "it has left the lane");
        assertEquals(Map.of(), lane.lowestHeldOffsets());
    }

    @Test
    void anAlertPostponedByTheOpenBreakerSpendsNoneOfItsBudget() {
        Alert a = add(alert("c-1", Tier.URGENT, AlertKind.BREACH));
        for (int i = 0; i < 10; i++) {
            lane.postpone(waiting(a), clock.instant().plusSeconds(5));
            assertEquals(List.of(), ready(), "not before the breaker lets a call through");
            clock.advance(Duration.ofSeconds(5));
        }
        assertEquals(0, waiting(a).tries());
        assertTrue(lane.retryLater(waiting(a), null));
    }

    @Test
    void backoffDoublesUpToItsCapAndTheReceiversRetryAfterWins() {
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(4)), List.of(lane.backoff(1), lane.backoff(2), lane.backoff(3), lane.backoff(4),
                lane.backoff(9)), "half of 1, 2, 4, 8, 8 s with no jitter drawn");
        Alert a = add(alert("c-1", Tier.URGENT, AlertKind.BREACH));
        assertTrue(lane.retryLater(waiting(a), Duration.ofSeconds(30)));
        assertEquals(Optional.of(T0.plusSeconds(30)), lane.nextDue());
    }

    @Test
    void offsetsAreNeverCommittedPastAnAlertStillInTheLane() {
        Alert retried = add(alert("c-1", Tier.URGENT, AlertKind.BREACH)); // offset 0
        Alert sent = add(alert("c-2", Tier.URGENT, AlertKind.BREACH)); // offset 1
        lane.retryLater(waiting(retried), null);
        lane.done(waiting(sent));
        assertEquals(Map.of(0, 0L), lane.lowestHeldOffsets());
        assertTrue(lane.holds(retried.id()));
        assertFalse(lane.holds(sent.id()));
    }

    @Test
    void alertsOfARevokedPartitionLeaveTheLane() {
        Alert a = alert("c-1", Tier.URGENT, AlertKind.BREACH);
        Alert b = alert("c-2", Tier.URGENT, AlertKind.BREACH);
        lane.add(new AlertGroup(Map.of("team", "billing"), List.of(a, b)),
                List.of(new GroupBuffer.Position(0, 7), new GroupBuffer.Position(1, 3)));
        lane.dropPartitions(List.of(1));
        assertEquals(Map.of(0, 7L), lane.lowestHeldOffsets());
        assertEquals(List.of(a), lane.ready().get(0).group().alerts(), "the group keeps the members it still owns");
        lane.dropPartitions(List.of(0));
        assertEquals(0, lane.heldCount());
        assertEquals(List.of(), ready());
    }
}
