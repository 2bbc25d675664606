package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.alert.PipelineFakes.MemoryLog;
import dev.replyclock.alert.PipelineFakes.RecordingMetrics;
import dev.replyclock.alert.PipelineFakes.ScriptedReceiver;
import dev.replyclock.alert.PipelineFakes.UndeliveredList;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each stage of the delivery pipeline alone: one job, its outcome, and what it counts. */
class DeliveryStagesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final MemoryLog log = new MemoryLog();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ScriptedReceiver chat = new ScriptedReceiver("chat");

    private static Alert breach(String conversation, String team) {
        return Alert.about(conversation).kind(AlertKind.BREACH).tier(Tier.URGENT).channel("chat").team(team)
                .openedAt(T0).deadline(T0).createdAt(T0).build();
    }

    @Test
    void routeStageSelectsOnlyAlertsRoutedToItsReceiverWithTheNodesGroupingAndZone() {
        GroupSettings byTeam = new GroupSettings(List.of("team"), Duration.ofSeconds(30), Duration.ZERO);
        ZoneId paris = ZoneId.of("Europe/Paris");
        Route tree = new Route(Map.of(), List.of("pager"), false, List.of(
                new Route(Map.of("team", Set.of("billing")), List.of("chat"), false, List.of(), byTeam,
                        new BusinessCalendar("paris", paris, Map.of(), d -> false))), GroupSettings.INHERIT, null);
        RouteStage stage = new RouteStage(() -> tree, chat, clock);

        Optional<RouteStage.Routed> routed = stage.select(breach("c-1", "billing"));
        assertEquals(byTeam.over(GroupSettings.DEFAULT), routed.orElseThrow().grouping());
        assertEquals("/0/", routed.get().node());
        assertEquals(paris, routed.get().alert().shownIn(), "its times read in the zone of the route's calendar");
        assertEquals(Optional.empty(), stage.select(breach("c-2", "shipping")), "routed to the pager only");
    }

    @Test
    void routeStageDropsWhatTheReceiverDoesNotTakeAndFollowsAReloadedRoute() {
        AtomicReference<Route> tree = new AtomicReference<>(Route.everything(List.of("chat")));
        RouteStage stage = new RouteStage(tree::get, chat, clock);
        chat.takes = a -> !"spam".equals(a.team());
        assertEquals(Optional.empty(), stage.select(breach("c-1", "spam")));
        assertTrue(stage.select(breach("c-2", "billing")).isPresent());
        tree.set(Route.everything(List.of("pager")));
        assertEquals(Optional.empty(), stage.select(breach("c-2", "billing")), "the next alert follows the reload");
    }

    @Test
    void dedupStageStopsWhatTheReceiverHasAndCountsItAsADuplicate() {
        RetryLane lane = new RetryLane(clock, DeliveryPolicy.DEFAULT, () -> 0L);
        DedupStage stage = new DedupStage("chat", log, lane, metrics);
        Alert sent = breach("c-1", "billing");
        Alert waiting = breach("c-2", "billing");
        log.record(sent.id(), T0);
        lane.add(AlertGroup.of(waiting), List.of(new GroupBuffer.Position(0, 1)));

        assertTrue(stage.seen(sent));
        assertTrue(stage.seen(waiting), "already in the retry lane: on its way");
        assertFalse(stage.seen(breach("c-3", "billing")));
        assertEquals(List.of("delivery:chat:duplicate"), metrics.events, "only the delivered one is a duplicate");
    }

    @Test
    void silenceStageMutesOnlyWhileTheSilenceIsActiveAndRecordsWhatItMutes() {
        Silence s = new Silence("s-1", Map.of("team", Set.of("billing")), T0.plusSeconds(60), T0.plusSeconds(120),
                "ops", "maintenance");
        SilenceStage stage = new SilenceStage("chat", a -> s.mutes(a, clock.instant()), log, metrics, clock);
        Alert a = breach("c-1", "billing");

        assertFalse(stage.mutes(a), "before its start");
        clock.advance(Duration.ofSeconds(60));
        assertTrue(stage.mutes(a));
        assertFalse(stage.mutes(breach("c-2", "shipping")), "other teams are not muted");
        clock.advance(Duration.ofSeconds(60));
        assertFalse(stage.mutes(breach("c-3", "billing")), "after its end");
        assertEquals(Map.of(a.id(), T0.plusSeconds(60)), log.entries);
        assertEquals(List.of("silenced:chat"), metrics.events);
    }

    @Test
    void silenceStageNeverMutesTheCloseOfAnIncident() {
        Silence s = new Silence("s-1", Map.of("kind", Set.of("breach", "closed")), T0, T0.plusSeconds(60), "ops", "");
        SilenceStage stage = new SilenceStage("chat", a -> s.mutes(a, clock.instant()), log, metrics, clock);
        Alert closed = Alert.about("c-1").kind(AlertKind.CLOSED).tier(Tier.URGENT).channel("chat").team("billing")
                .openedAt(T0).deadline(T0).createdAt(T0).build();
        assertTrue(stage.mutes(breach("c-1", "billing")));
        assertFalse(stage.mutes(closed), "an incident's close is never muted, whatever the matchers say");
    }

    @Test
    void inhibitStageHoldsBackAnOverloadedTeamsPagesOnceItHasSeenTheOverload() {
        InhibitStage stage = new InhibitStage("chat", Inhibition.byDefault(), log, metrics, clock);
        Alert a = breach("c-1", "billing");
        assertFalse(stage.inhibits(a), "no overload seen yet");
        stage.observe(Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.COMPLAINT).level(1).at(T0)
                .createdAt(T0).build());
        assertTrue(stage.inhibits(a));
        assertFalse(stage.inhibits(breach("c-2", "shipping")));
        stage.observe(Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.COMPLAINT).at(T0)
                .createdAt(T0.plusSeconds(1)).build());
        assertFalse(stage.inhibits(breach("c-3", "billing")), "the overload is over");
        assertEquals(Set.of(a.id()), log.entries.keySet());
        assertEquals(List.of("inhibited:chat:1"), metrics.events);
    }

    @Test
    void recordStageLogsEveryMemberWithItsLatencyAndCountsAGroup() {
        RecordStage stage = new RecordStage("chat", log, metrics, clock);
        clock.advance(Duration.ofSeconds(2));
        Alert a = breach("c-1", "billing");
        Alert b = breach("c-2", "billing");
        stage.delivered(List.of(a, b));
        assertEquals(Map.of(a.id(), T0.plusSeconds(2), b.id(), T0.plusSeconds(2)), log.entries);
        assertEquals(List.of("latency:chat:PT2S", "delivery:chat:sent", "latency:chat:PT2S", "delivery:chat:sent",
                "grouped:chat:2"), metrics.events);
    }

    @Test
    void giveUpStagePutsEachMemberOnTheUndeliveredTopicWithTheReason() {
        UndeliveredList undelivered = new UndeliveredList();
        GiveUpStage stage = new GiveUpStage("chat", undelivered, metrics);
        Alert a = breach("c-1", "billing");
        Alert b = breach("c-2", "billing");
        stage.giveUp(List.of(a, b), DeliveryException.permanent("400 unknown channel"));
        stage.giveUp(List.of(a), DeliveryException.retryable("timeout", null));
        stage.giveUp(List.of(b), new IllegalStateException());
        assertEquals(List.of(a.id() + " refused 400 unknown channel", b.id() + " refused 400 unknown channel",
                a.id() + " retries-exhausted timeout", b.id() + " error null"), undelivered.put);
        assertEquals(4, metrics.count("delivery:chat:failed"));
        assertEquals(2, metrics.count("undelivered:chat:refused"));
    }

    @Test
    void sendStageGivesUpAtOnceOnAnErrorThatIsNotADeliveryFailure() {
        RetryLane lane = new RetryLane(clock, DeliveryPolicy.DEFAULT, () -> 0L);
        UndeliveredList undelivered = new UndeliveredList();
        SendStage stage = new SendStage(chat, lane, DeliveryPolicy.Circuit.DEFAULT, clock, metrics,
                new RecordStage("chat", log, metrics, clock), new GiveUpStage("chat", undelivered, metrics));
        chat.failing(new IllegalArgumentException("template bug"));
        Alert a = breach("c-1", "billing");
        stage.add(AlertGroup.of(a), List.of(new GroupBuffer.Position(0, 0)));
        assertTrue(stage.sendReady(() -> true));
        assertEquals(List.of(a.id() + " error template bug"), undelivered.put);
        assertEquals(0, lane.heldCount(), "a bug is not retried");
        assertEquals("closed", metrics.circuit.get("chat").get(), "nor does it count against the receiver");
    }
}
