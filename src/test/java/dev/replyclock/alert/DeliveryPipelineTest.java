package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.alert.PipelineFakes.MemoryLog;
import dev.replyclock.alert.PipelineFakes.RecordingMetrics;
import dev.replyclock.alert.PipelineFakes.ScriptedReceiver;
import dev.replyclock.alert.PipelineFakes.UndeliveredList;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One receiver's delivery, stage by stage, on a clock that stands still: what is sent, once, in which order,
 * what is held back, what is given up, and how far the source may commit. No broker: the guarantees that
 * DeliveryIT checks end to end, here one at a time.
 */
class DeliveryPipelineTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    /** 3 calls per alert; backoff 1 s then 2 s, each wait half of it with no jitter drawn; the default breaker. */
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8),
            DeliveryPolicy.Circuit.DEFAULT);
    /** The same, with a breaker that opens when both of the last two calls failed, and rests 5 s. */
    private static final DeliveryPolicy TOUCHY_BREAKER = new DeliveryPolicy(3, Duration.ofSeconds(1),
            Duration.ofSeconds(8), new DeliveryPolicy.Circuit(Duration.ofSeconds(5), 100, 2, 2));
    private static final GroupSettings BY_TEAM_30S = new GroupSettings(List.of("team"), Duration.ofSeconds(30),
            Duration.ZERO);

    private final MutableClock clock = new MutableClock(T0);
    private final MemoryLog log = new MemoryLog();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final UndeliveredList undelivered = new UndeliveredList();
    private final ScriptedReceiver chat = new ScriptedReceiver("chat");
    private final AtomicReference<Route> route = new AtomicReference<>(Route.everything(List.of("chat")));
    private final List<Silence> silences = new ArrayList<>();
    private final Inhibition inhibition = Inhibition.byDefault();
    private DeliveryPipeline pipeline = pipeline(POLICY);
    private long offset;

    private DeliveryPipeline pipeline(DeliveryPolicy policy) {
        return new DeliveryPipeline(chat, route::get, a -> silences.stream().anyMatch(s -> s.mutes(a, clock.instant())),
                inhibition, log, undelivered, policy, metrics, clock, () -> 0L);
    }

    private static Alert alert(String conversation, Tier tier, AlertKind kind, String team) {
        return Alert.about(conversation).kind(kind).tier(tier).channel("chat").team(team).openedAt(T0).deadline(T0)
                .createdAt(T0).build();
    }

    private static Alert complaintBreach(String conversation) {
        return alert(conversation, Tier.COMPLAINT, AlertKind.BREACH, "billing");
    }

    private Alert read(Alert a) {
        pipeline.accept(a, new GroupBuffer.Position(0, offset++));
        return a;
    }

    private void sendDue() {
        assertTrue(pipeline.sendDue(() -> true));
    }

    private void groupRoute(GroupSettings grouping) {
        route.set(new Route(Map.of(), List.of("chat"), false, List.of(), grouping, null));
    }

    @Test
    void anAlertRoutedHereIsSentOnceAndRecordedInTheNotificationLog() {
        Alert a = read(complaintBreach("c-1"));
        sendDue();
        sendDue();
        assertEquals(List.of(List.of(a.id())), chat.accepted);
        assertEquals(Set.of(a.id()), log.entries.keySet());
        assertEquals(1, metrics.count("delivery:chat:sent"));
        assertEquals(Map.of(), pipeline.lowestHeldOffsets(), "nothing held: the source may commit all it read");
    }

    @Test
    void aRestartedPipelineResendsNothingTheNotificationLogHas() {
        Alert a = read(complaintBreach("c-1"));
        sendDue();
        pipeline = pipeline(POLICY); // a restart: the same log, read back from its topic
        read(a);
        sendDue();
        assertEquals(1, chat.calls);
        assertEquals(1, metrics.count("delivery:chat:duplicate"));
    }

    @Test
    void anAlertReadAgainWhileItWaitsForItsRetryIsSentOnce() {
        chat.failing(DeliveryException.retryable("503", null));
        Alert a = read(complaintBreach("c-1"));
        sendDue();
        read(a); // a rebalance hands the partition back: the alert is read again
        clock.advance(Duration.ofMillis(500));
        sendDue();
        assertEquals(List.of(a.id()), chat.acceptedIds());
        assertEquals(0, metrics.count("delivery:chat:duplicate"), "on its way, not delivered yet: not a duplicate");
    }

    @Test
    void silencedAlertIsNotSentButRecordedAsHandled() {
        silences.add(new Silence("s-1", Map.of("team", Set.of("billing")), T0, T0.plusSeconds(3600), "ops", ""));
        Alert muted = read(complaintBreach("c-1"));
        Alert other = read(alert("c-2", Tier.COMPLAINT, AlertKind.BREACH, "shipping"));
        sendDue();
        assertEquals(List.of(other.id()), chat.acceptedIds());
        assertTrue(log.contains(muted.id()), "a restart does not send it later either");
        assertEquals(1, metrics.count("silenced:chat"));
    }

    @Test
    void aSilenceThatBeganWhileAGroupWasHeldMutesItsMembersWhenItGoesOut() {
        groupRoute(BY_TEAM_30S);
        Alert a = read(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing"));
        silences.add(new Silence("s-1", Map.of("team", Set.of("billing")), T0.plusSeconds(10), T0.plusSeconds(3600),
                "ops", ""));
        clock.advance(Duration.ofSeconds(30));
        sendDue();
        assertEquals(0, chat.calls);
        assertTrue(log.contains(a.id()));
        assertEquals(Map.of(), pipeline.lowestHeldOffsets());
    }

    @Test
    void aPageIsHeldBackWhileItsTeamsOverloadFiresAndOtherTeamsAreNot() {
        Alert overload = read(Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.COMPLAINT).level(1).at(T0)
                .createdAt(T0).build());
        Alert billing = read(complaintBreach("c-1"));
        Alert shipping = read(alert("c-2", Tier.COMPLAINT, AlertKind.BREACH, "shipping"));
        sendDue();
        assertEquals(List.of(overload.id(), shipping.id()), chat.acceptedIds());
        assertTrue(log.contains(billing.id()));
        assertEquals(1, metrics.count("inhibited:chat:1"));
    }

    @Test
    void anOverloadReadForAnotherReceiverStillHoldsBackThisReceiversPages() {
        route.set(new Route(Map.of(), List.of("chat"), false,
                List.of(new Route(Map.of("kind", Set.of("overload")), List.of("email"), false, List.of()))));
        read(Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.COMPLAINT).level(1).at(T0).createdAt(T0)
                .build());
        read(complaintBreach("c-1"));
        sendDue();
        assertEquals(0, chat.calls);
        assertEquals(1, metrics.count("inhibited:chat:1"));
    }

    @Test
    void anAlertRoutedElsewhereOrNotTakenByTheReceiverGoesNowhereAndHoldsNothing() {
        route.set(Route.everything(List.of("pager")));
        read(complaintBreach("c-1"));
        route.set(Route.everything(List.of("chat")));
        chat.takes = a -> a.kind() != AlertKind.DIGEST;
        read(Alert.aboutTeam("billing").kind(AlertKind.DIGEST).tier(Tier.STANDARD).at(T0).createdAt(T0).build());
        sendDue();
        assertEquals(0, chat.calls);
        assertEquals(Map.of(), log.entries, "not this receiver's business: not recorded either");
        assertEquals(Map.of(), pipeline.lowestHeldOffsets());
    }

    @Test
    void unreadableRecordsAreSkippedAndTheNextAlertIsStillSent() {
        pipeline.accept("not json".getBytes(StandardCharsets.UTF_8), new GroupBuffer.Position(0, 0));
        pipeline.accept("[1, 2]".getBytes(StandardCharsets.UTF_8), new GroupBuffer.Position(0, 1));
        pipeline.accept("{\"id\": \"x\"}".getBytes(StandardCharsets.UTF_8), new GroupBuffer.Position(0, 2));
        pipeline.accept(new byte[0], new GroupBuffer.Position(0, 3));
        pipeline.accept((byte[]) null, new GroupBuffer.Position(0, 4));
        Alert a = complaintBreach("c-1");
        pipeline.accept(AlertJson.toBytes(a), new GroupBuffer.Position(0, 5));
        sendDue();
        assertEquals(List.of(a.id()), chat.acceptedIds());
    }

    @Test
    void alertsOfOneGroupGoOutTogetherAfterGroupWait() {
        groupRoute(BY_TEAM_30S);
        Alert a = read(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing"));
        Alert b = read(alert("c-2", Tier.STANDARD, AlertKind.WARNING, "billing"));
        clock.advance(Duration.ofSeconds(29));
        sendDue();
        assertEquals(0, chat.calls);
        clock.advance(Duration.ofSeconds(1));
        sendDue();
        assertEquals(List.of(List.of(a.id(), b.id())), chat.accepted);
        assertEquals(1, metrics.count("grouped:chat:2"));
    }

    @Test
    void theSourceNeverCommitsPastAnAlertHeldInAGroupOrWaitingForItsRetry() {
        groupRoute(BY_TEAM_30S);
        read(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing")); // offset 0: held for group_wait
        chat.failing(DeliveryException.retryable("503", null));
        read(complaintBreach("c-2")); // offset 1: fails, waits for its retry
        sendDue();
        assertEquals(Map.of(0, 0L), pipeline.lowestHeldOffsets());
        clock.advance(Duration.ofSeconds(30));
        sendDue(); // the group goes out, and the retry is due too
        assertEquals(Map.of(), pipeline.lowestHeldOffsets());
        assertEquals(0, pipeline.heldCount());
    }

    @Test
    void aComplaintIsNotHeldBehindADigestTheReceiverRefuses() {
        Alert digest = read(Alert.aboutTeam("billing").kind(AlertKind.DIGEST).tier(Tier.COMPLAINT).at(T0).createdAt(T0)
                .build());
        chat.failing(DeliveryException.retryable("digest too large, try later", null));
        sendDue();
        Alert complaint = read(complaintBreach("c-1"));
        sendDue();
        assertEquals(List.of(complaint.id()), chat.acceptedIds(), "the digest waits apart for its next attempt");
        clock.advance(Duration.ofMillis(500));
        sendDue();
        assertEquals(List.of(complaint.id(), digest.id()), chat.acceptedIds());
    }

    @Test
    void aResolvedIsNeverSentBeforeItsBreachWhileTheBreachIsRetried() {
        chat.failing(DeliveryException.retryable("503", null));
        Alert breach = read(complaintBreach("c-1"));
        sendDue();
        Alert resolved = read(alert("c-1", Tier.COMPLAINT, AlertKind.RESOLVED, "billing"));
        sendDue();
        assertEquals(List.of(), chat.acceptedIds());
        clock.advance(Duration.ofMillis(500));
        sendDue();
        assertEquals(List.of(breach.id()), chat.acceptedIds());
        sendDue(); // the next round: the breach has left the lane
        assertEquals(List.of(breach.id(), resolved.id()), chat.acceptedIds());
    }

    @Test
    void anAlertRefusedForGoodGoesToTheUndeliveredTopicAtOnce() {
        chat.failing(DeliveryException.permanent("400 bad channel"));
        Alert a = read(complaintBreach("c-1"));
        sendDue();
        assertEquals(List.of(a.id() + " refused 400 bad channel"), undelivered.put);
        assertEquals(1, chat.calls);
        assertFalse(log.contains(a.id()), "given up is not delivered");
        assertEquals(Map.of(), pipeline.lowestHeldOffsets(), "on the undelivered topic: the source may commit it");
    }

    @Test
    void anAlertIsGivenUpAfterItsRetryBudget() {
        chat.failing(DeliveryException.retryable("503", null), DeliveryException.retryable("503", null),
                DeliveryException.retryable("503 again", null));
        Alert a = read(alert("c-1", Tier.URGENT, AlertKind.BREACH, "billing"));
        sendDue();
        clock.advance(Duration.ofMillis(500));
        sendDue();
        clock.advance(Duration.ofSeconds(1));
        sendDue();
        assertEquals(3, chat.calls);
        assertEquals(List.of(a.id() + " retries-exhausted 503 again"), undelivered.put);
        assertEquals(2, metrics.count("retry:chat"));
        assertEquals(1, metrics.count("undelivered:chat:retries-exhausted"));
    }

    @Test
    void anOpenBreakerRestsTheReceiverWithoutSpendingTheRetryBudget() {
        pipeline = pipeline(TOUCHY_BREAKER);
        chat.failing(DeliveryException.retryable("503", null), DeliveryException.retryable("503", null));
        Alert a = read(complaintBreach("c-1"));
        Alert b = read(complaintBreach("c-2"));
        sendDue(); // two failures of two calls: the breaker opens for 5 s
        assertEquals("open", metrics.circuit.get("chat").get());
        clock.advance(Duration.ofSeconds(1));
        sendDue(); // their retries are due, but the breaker rests the receiver: postponed to the end of the rest
        clock.advance(Duration.ofSeconds(3));
        sendDue();
        assertEquals(2, chat.calls, "no call while the breaker rests the receiver");
        clock.advance(Duration.ofMillis(1001));
        sendDue(); // the probe succeeds, the breaker closes, the other one follows
        assertEquals(List.of(a.id(), b.id()), chat.acceptedIds());
        assertEquals(List.of(), undelivered.put, "a rest is not a try: the budget of 3 calls was not spent");
    }

    @Test
    void aStoppingSourceLeavesWhatIsUnsentHeld() {
        read(complaintBreach("c-1"));
        assertTrue(pipeline.sendDue(() -> false));
        assertEquals(0, chat.calls);
        assertEquals(Map.of(0, 0L), pipeline.lowestHeldOffsets());
    }

    @Test
    void aCallInterruptedByShutdownLeavesTheAlertHeldAndStopsTheSource() {
        chat.failing(new InterruptedException("shutdown"));
        read(complaintBreach("c-1"));
        try {
            assertFalse(pipeline.sendDue(() -> true));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(Map.of(0, 0L), pipeline.lowestHeldOffsets());
        assertEquals(List.of(), undelivered.put);
    }

    @Test
    void aLostPartitionIsForgottenForItsNewOwnerToReadAgain() {
        groupRoute(BY_TEAM_30S);
        pipeline.accept(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing"), new GroupBuffer.Position(3, 7));
        read(alert("c-2", Tier.STANDARD, AlertKind.BREACH, "billing"));
        pipeline.dropPartitions(List.of(3));
        assertEquals(Map.of(0, 0L), pipeline.lowestHeldOffsets());
        assertEquals(1, pipeline.heldCount());
    }

    @Test
    void offsetsWaitForADurableNotificationLog() {
        log.failFlush = new java.io.IOException("broker gone");
        IllegalStateException e = assertThrows(IllegalStateException.class, pipeline::flushLog);
        assertEquals("the notification log cannot be written: broker gone", e.getMessage());
    }

    @Test
    void heldGroupsAndRetriesSetWhenTheSourceMustLookAgain() {
        assertEquals(Optional.empty(), pipeline.nextDue());
        groupRoute(BY_TEAM_30S);
        read(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing"));
        assertEquals(Optional.of(T0.plusSeconds(30)), pipeline.nextDue());
        chat.failing(DeliveryException.retryable("503", null));
        read(complaintBreach("c-2"));
        sendDue();
        assertEquals(Optional.of(T0.plusMillis(500)), pipeline.nextDue());
    }
}
