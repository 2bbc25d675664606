package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The group buffer of one receiver: what waits, what goes out together, and when. */
class GroupBufferTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final GroupBuffer buffer = new GroupBuffer(clock);
    private long offset;

    private static Alert alert(String conversation, Tier tier, AlertKind kind, String team) {
        return Alert.about(conversation).kind(kind).tier(tier).channel("chat").team(team).openedAt(T0).deadline(T0)
                .createdAt(T0).build();
    }

    private Optional<AlertGroup> offer(Alert a, GroupSettings s) {
        return buffer.offer(a, s, "/", new GroupBuffer.Position(0, offset++));
    }

    private static GroupSettings byTeam(Duration wait, Duration repeat) {
        return new GroupSettings(List.of("team"), wait, repeat);
    }

    /** The groups whose time has come, without their positions. */
    private static List<AlertGroup> takeDue(GroupBuffer buffer) {
        return buffer.takeDueWithPositions().stream().map(GroupBuffer.Due::group).toList();
    }

    private static List<String> ids(AlertGroup g) {
        return g.alerts().stream().map(Alert::id).toList();
    }

    @Test
    void groupWaitCollectsAlertsOfOneGroup() {
        GroupSettings s = byTeam(Duration.ofSeconds(30), Duration.ZERO);
        Alert a = alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing");
        Alert b = alert("c-2", Tier.URGENT, AlertKind.WARNING, "billing");
        assertTrue(offer(a, s).isEmpty(), "the first alert of a group waits");
        clock.advance(Duration.ofSeconds(10));
        assertTrue(offer(b, s).isEmpty(), "the second joins it");
        assertEquals(Optional.of(T0.plusSeconds(30)), buffer.nextDue(), "due group_wait after the first alert");
        clock.advance(Duration.ofSeconds(19));
        assertTrue(takeDue(buffer).isEmpty(), "not before group_wait");
        clock.advance(Duration.ofSeconds(1));
        List<AlertGroup> due = takeDue(buffer);
        assertEquals(1, due.size());
        assertEquals(List.of(a.id(), b.id()), ids(due.get(0)), "together, in arrival order");
        assertEquals(Map.of("team", "billing"), due.get(0).key());
        assertEquals(0, buffer.heldCount());
        assertTrue(buffer.nextDue().isEmpty());
    }

    @Test
    void alertsOfOtherGroupsWaitApart() {
        GroupSettings s = byTeam(Duration.ofSeconds(30), Duration.ZERO);
        offer(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing"), s);
        offer(alert("c-2", Tier.STANDARD, AlertKind.BREACH, "shipping"), s);
        offer(alert("c-3", Tier.STANDARD, AlertKind.BREACH, null), s);
        clock.advance(Duration.ofSeconds(30));
        List<AlertGroup> due = takeDue(buffer);
        assertEquals(3, due.size());
        assertEquals(Map.of("team", ""), due.get(2).key(), "an alert without a team groups under the empty value");
    }

    @Test
    void complaintBreachNeverWaitsForItsGroup() {
        GroupSettings s = byTeam(Duration.ofHours(1), Duration.ofHours(4));
        offer(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing"), s);
        for (AlertKind kind : List.of(AlertKind.SIGNAL, AlertKind.BREACH, AlertKind.ESCALATION)) {
            Alert complaint = alert("c-2", Tier.COMPLAINT, kind, "billing");
            Optional<AlertGroup> now = offer(complaint, s);
            assertTrue(now.isPresent(), kind + " goes out at once");
            assertEquals(List.of(complaint.id()), ids(now.get()), "alone");
        }
        Optional<AlertGroup> warning = offer(alert("c-2", Tier.COMPLAINT, AlertKind.WARNING, "billing"), s);
        assertTrue(warning.isEmpty(), "a complaint's warning is not one of the pages that never wait");
        assertEquals(2, buffer.heldCount());
    }

    @Test
    void withoutGroupWaitOrRepeatIntervalEveryAlertGoesAtOnceAlone() {
        Alert a = alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing");
        Alert b = alert("c-2", Tier.STANDARD, AlertKind.BREACH, "billing");
        assertEquals(List.of(a.id()), ids(offer(a, GroupSettings.DEFAULT).orElseThrow()));
        assertEquals(List.of(b.id()), ids(offer(b, GroupSettings.DEFAULT).orElseThrow()));
        assertEquals(0, buffer.heldCount());
    }

    @Test
    void repeatIntervalHoldsTheNextNotification() {
        GroupSettings s = byTeam(Duration.ZERO, Duration.ofMinutes(10));
        Alert first = alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing");
        assertTrue(offer(first, s).isPresent(), "no group_wait: the first notification goes at once");
        clock.advance(Duration.ofMinutes(1));
        Alert second = alert("c-2", Tier.STANDARD, AlertKind.BREACH, "billing");
        Alert third = alert("c-3", Tier.URGENT, AlertKind.BREACH, "billing");
        assertTrue(offer(second, s).isEmpty(), "within repeat_interval of the last notification: it waits");
        clock.advance(Duration.ofMinutes(4));
        assertTrue(offer(third, s).isEmpty());
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(10))), buffer.nextDue());
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertTrue(takeDue(buffer).isEmpty());
        clock.advance(Duration.ofSeconds(1));
        List<AlertGroup> due = takeDue(buffer);
        assertEquals(List.of(second.id(), third.id()), ids(due.get(0)), "they go out together when it ends");
        clock.advance(Duration.ofMinutes(3));
        assertTrue(offer(alert("c-4", Tier.STANDARD, AlertKind.BREACH, "billing"), s).isEmpty(),
                "the interval runs again from that notification");
        clock.advance(Duration.ofMinutes(7));
        assertEquals(1, takeDue(buffer).size());
        clock.advance(Duration.ofMinutes(10));
        takeDue(buffer);
        assertTrue(offer(alert("c-5", Tier.STANDARD, AlertKind.BREACH, "billing"), s).isPresent(),
                "after a whole quiet interval the group is new again");
    }

    @Test
    void groupByEveryAlertKeepsEachAlertOnItsOwn() {
        GroupSettings s = new GroupSettings(List.of(GroupSettings.EVERY_ALERT), Duration.ofSeconds(5), Duration.ZERO);
        offer(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "billing"), s);
        offer(alert("c-2", Tier.STANDARD, AlertKind.BREACH, "billing"), s);
        clock.advance(Duration.ofSeconds(5));
        List<AlertGroup> due = takeDue(buffer);
        assertEquals(2, due.size());
        assertTrue(due.stream().allMatch(g -> g.alerts().size() == 1));
    }

    @Test
    void anEmptyGroupByPutsAllAlertsOfTheRouteTogetherButRoutesApart() {
        GroupSettings s = new GroupSettings(List.of(), Duration.ofSeconds(5), Duration.ZERO);
        buffer.offer(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "a"), s, "/0/", new GroupBuffer.Position(0, 1));
        buffer.offer(alert("c-2", Tier.URGENT, AlertKind.WARNING, "b"), s, "/0/", new GroupBuffer.Position(0, 2));
        buffer.offer(alert("c-3", Tier.URGENT, AlertKind.WARNING, "b"), s, "/1/", new GroupBuffer.Position(0, 3));
        clock.advance(Duration.ofSeconds(5));
        List<AlertGroup> due = takeDue(buffer);
        assertEquals(List.of(2, 1), due.stream().map(g -> g.alerts().size()).toList());
    }

    @Test
    void theLowestHeldOffsetPerPartitionBoundsTheCommit() {
        GroupSettings s = byTeam(Duration.ofSeconds(30), Duration.ZERO);
        buffer.offer(alert("c-1", Tier.STANDARD, AlertKind.BREACH, "a"), s, "/", new GroupBuffer.Position(0, 7));
        buffer.offer(alert("c-2", Tier.STANDARD, AlertKind.BREACH, "b"), s, "/", new GroupBuffer.Position(0, 4));
        buffer.offer(alert("c-3", Tier.STANDARD, AlertKind.BREACH, "a"), s, "/", new GroupBuffer.Position(1, 12));
        assertEquals(Map.of(0, 4L, 1, 12L), buffer.lowestHeldOffsets());
        buffer.dropPartitions(List.of(1));
        assertEquals(Map.of(0, 4L), buffer.lowestHeldOffsets(), "a revoked partition's alerts are left to its new owner");
        assertEquals(2, buffer.heldCount());
        clock.advance(Duration.ofSeconds(30));
        takeDue(buffer);
        assertEquals(Map.of(), buffer.lowestHeldOffsets(), "nothing held: the commit may move to the end");
    }

    @Test
    void anAlertReadAgainWhileHeldIsNotHeldTwice() {
        GroupSettings s = byTeam(Duration.ofSeconds(30), Duration.ZERO);
        Alert a = alert("c-1", Tier.STANDARD, AlertKind.BREACH, "a");
        offer(a, s);
        offer(a, s);
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(a.id()), ids(takeDue(buffer).get(0)));
    }
}
