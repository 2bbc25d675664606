package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts one receiver holds back to send them as groups, as Alertmanager's aggregation groups: an alert
 * joins the pending group of its route node and {@code group_by} values; a new group goes out
 * {@code group_wait} after its first alert, and no sooner than {@code repeat_interval} after the group's
 * previous notification. A complaint's signal, breach and escalation never wait: they go out at once, alone.
 *
 * <p>Plain Java with an injected clock, used by one worker thread (not thread-safe). It remembers where each
 * held alert was read (partition and offset) so that the worker never commits past an alert still held.
 */
final class GroupBuffer {

    /** Where a held alert was read: the worker commits no further than the lowest held offset per partition. */
    record Position(int partition, long offset) {
    }

    private record Held(Alert alert, Position position) {
    }

    /** A group whose time has come, with where each member was read (same order). */
    record Due(AlertGroup group, List<Position> positions) {
    }

    private static final class Pending {
        final Map<String, String> labels;
        final Instant dueAt;
        final List<Held> members = new ArrayList<>();

        Pending(Map<String, String> labels, Instant dueAt) {
            this.labels = labels;
            this.dueAt = dueAt;
        }
    }

    private record Key(String node, Map<String, String> labels) {
    }

    private final Clock clock;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();
    /** When each group was last sent, for repeat_interval; entries are dropped once their interval is over. */
    private final Map<Key, Instant> lastSent = new HashMap<>();
    /** The repeat_interval each group was started with (a reload changes it for the next groups). */
    private final Map<Key, Duration> repeatOf = new HashMap<>();
    private final Set<String> heldIds = new HashSet<>();

    GroupBuffer(Clock clock) {
        this.clock = clock;
    }

    /** A complaint's signal, breach and escalation are the pages that must never wait for a group. */
    static boolean neverWaits(Alert alert) {
        return alert.tier() == Tier.COMPLAINT && (alert.kind() == AlertKind.SIGNAL || alert.kind() == AlertKind.BREACH
                || alert.kind() == AlertKind.ESCALATION);
    }

    /**
     * Takes an alert routed to this receiver by {@code node} with {@code settings}.
     *
     * @return the notification to send now, or empty when the alert is held (or already held)
     */
    Optional<AlertGroup> offer(Alert alert, GroupSettings settings, String node, Position position) {
        if (neverWaits(alert)) {
            return Optional.of(AlertGroup.of(alert));
        }
        if (heldIds.contains(alert.id())) {
            return Optional.empty(); // read again (a rebalance): it is already waiting
        }
        Map<String, String> labels = labels(alert, settings);
        Key key = new Key(node, settings.byEveryAlert() ? Map.of("id", alert.id()) : labels);
        Instant now = clock.instant();
        Pending p = pending.get(key);
        if (p == null) {
            Instant due = now.plus(settings.groupWait());
            Instant last = lastSent.get(key);
            if (last != null && last.plus(settings.repeatInterval()).isAfter(due)) {
                due = last.plus(settings.repeatInterval());
            }
            if (!due.isAfter(now)) {
                sent(key, settings, now);
                return Optional.of(new AlertGroup(labels, List.of(alert)));
            }
            p = new Pending(labels, due);
            pending.put(key, p);
            repeatOf.put(key, settings.repeatInterval());
        }
        p.members.add(new Held(alert, position));
        heldIds.add(alert.id());
        return Optional.empty();
    }

    private void sent(Key key, GroupSettings settings, Instant at) {
        if (settings.repeatInterval().isZero()) {
            lastSent.remove(key);
        } else {
            lastSent.put(key, at);
            repeatOf.put(key, settings.repeatInterval());
        }
    }

    /**
     * The groups whose time has come, removed from the buffer, oldest first, with the members' positions: a group
     * that fails waits in the retry lane with them.
     */
    List<Due> takeDueWithPositions() {
        Instant now = clock.instant();
        List<Due> out = new ArrayList<>();
        Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Pending> e = it.next();
            Pending p = e.getValue();
            if (!p.dueAt.isAfter(now)) {
                it.remove();
                p.members.forEach(h -> heldIds.remove(h.alert().id()));
                out.add(new Due(new AlertGroup(p.labels, p.members.stream().map(Held::alert).toList()),
                        p.members.stream().map(Held::position).toList()));
                Duration repeat = repeatOf.getOrDefault(e.getKey(), Duration.ZERO);
                if (repeat.isZero()) {
                    lastSent.remove(e.getKey());
                } else {
                    lastSent.put(e.getKey(), now);
                }
            }
        }
        // A group whose repeat_interval is over is like a new one: forget it (bounded memory).
        lastSent.entrySet().removeIf(e -> !pending.containsKey(e.getKey())
                && !e.getValue().plus(repeatOf.getOrDefault(e.getKey(), Duration.ZERO)).isAfter(now));
        repeatOf.keySet().removeIf(k -> !pending.containsKey(k) && !lastSent.containsKey(k));
        return out;
    }

    /** When the next held group is due, if any: the worker polls no longer than that. */
    Optional<Instant> nextDue() {
        return pending.values().stream().map(p -> p.dueAt).min(Instant::compareTo);
    }

    /** The lowest offset still held per partition. */
    Map<Integer, Long> lowestHeldOffsets() {
        Map<Integer, Long> out = new HashMap<>();
        for (Pending p : pending.values()) {
            for (Held h : p.members) {
                out.merge(h.position().partition(), h.position().offset(), Math::min);
            }
        }
        return out;
    }

    /**
     * Forgets the alerts read from partitions this worker no longer owns: their new owner reads them again
     * from the committed offset, which is never past them.
     */
    void dropPartitions(Collection<Integer> partitions) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            p.members.removeIf(h -> {
                boolean drop = partitions.contains(h.position().partition());
                if (drop) {
                    heldIds.remove(h.alert().id());
                }
                return drop;
            });
            if (p.members.isEmpty()) {
                it.remove();
            }
        }
    }

    int heldCount() {
        return heldIds.size();
    }

    private static Map<String, String> labels(Alert alert, GroupSettings settings) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (settings.byEveryAlert()) {
            for (String l : List.of("tier", "kind", "channel", "team", "conversationId")) {
                labels.put(l, GroupSettings.label(alert, l));
            }
        } else {
            for (String l : settings.groupBy()) {
                labels.put(l, GroupSettings.label(alert, l));
            }
        }
        return labels;
    }
}
