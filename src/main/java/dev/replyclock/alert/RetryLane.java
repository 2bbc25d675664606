package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The notifications one receiver has to send: fresh ones, and failed ones waiting apart for their next attempt,
 * so that a retry never blocks what comes after it (Resilience4j's Retry would wait on the worker's thread).
 * <ul>
 *   <li>{@link #ready} gives the notifications whose attempt is due, most urgent first: complaint, urgent,
 *   standard; within a tier the pages (signal, breach, escalation, overload) before warnings and resolved;
 *   digests, summaries whatever their tier, after all of them; then in arrival order.</li>
 *   <li>Order per conversation holds: a notification waits while an earlier one of the same conversation (for
 *   team alerts: of the same team) is still in the lane, so a {@code resolved} never overtakes its breach.</li>
 *   <li>A notification stays in the lane, and its offsets uncommitted, until it is delivered or given up.</li>
 *   <li>The budget counts calls the receiver saw: {@link #retryLater} spends one, {@link #postpone} (the
 *   breaker is open) none.</li>
 * </ul>
 * Plain Java with an injected clock, used by one worker thread (not thread-safe).
 */
final class RetryLane {

    /**
     * A notification on its way out.
     *
     * @param seq       arrival order in the lane
     * @param positions where each member of {@code group} was read, in the same order
     * @param tries     calls the receiver has seen for it
     * @param due       not tried again before this instant
     */
    record Waiting(long seq, AlertGroup group, List<GroupBuffer.Position> positions, int tries, Instant due) {

        Waiting {
            positions = List.copyOf(positions);
            if (positions.size() != group.alerts().size()) {
                throw new IllegalArgumentException("one position per alert");
            }
        }

        /** Conversations (or teams, for team alerts) whose later alerts must wait for this one. */
        Set<String> orderKeys() {
            Set<String> keys = new HashSet<>();
            for (Alert a : group.alerts()) {
                keys.add(a instanceof ConversationAlert c ? "conversation:" + c.conversationId() : "team:" + a.team());
            }
            return keys;
        }

        Tier tier() {
            return group.alerts().stream().map(Alert::tier).max(Comparator.naturalOrder()).orElseThrow();
        }

        /** A summary, never a page: it goes after every other kind, whatever its tier. */
        boolean digest() {
            return group.alerts().stream().allMatch(a -> a.kind() == AlertKind.DIGEST);
        }

        /** 0: the pages (signal, breach, escalation, overload); 1: warning, resolved, digest. */
        int kindRank() {
            return group.alerts().stream().mapToInt(a -> switch (a.kind()) {
                case SIGNAL, BREACH, ESCALATION, OVERLOAD -> 0;
                default -> 1;
            }).min().orElseThrow();
        }
    }

    private static final Comparator<Waiting> MOST_URGENT_FIRST = Comparator
            .comparing(Waiting::digest)
            .thenComparing(Waiting::tier, Comparator.reverseOrder())
            .thenComparingInt(Waiting::kindRank)
            .thenComparingLong(Waiting::seq);

    private final Clock clock;
    private final DeliveryPolicy policy;
    private final RandomGenerator jitter;
    private final TreeMap<Long, Waiting> lane = new TreeMap<>();
    private final Set<String> heldIds = new HashSet<>();
    private long nextSeq;

    RetryLane(Clock clock, DeliveryPolicy policy, RandomGenerator jitter) {
        this.clock = clock;
        this.policy = policy;
        this.jitter = jitter;
    }

    /** A notification to send now (behind any earlier one of its conversations). */
    void add(AlertGroup group, List<GroupBuffer.Position> positions) {
        Waiting w = new Waiting(nextSeq++, group, positions, 0, clock.instant());
        lane.put(w.seq(), w);
        group.alerts().forEach(a -> heldIds.add(a.id()));
    }

    /** The notifications to try now, most urgent first; they stay in the lane until an outcome is reported. */
    List<Waiting> ready() {
        Instant now = clock.instant();
        List<Waiting> out = new ArrayList<>();
        for (Waiting w : unblocked()) {
            if (!w.due().isAfter(now)) {
                out.add(w);
            }
        }
        out.sort(MOST_URGENT_FIRST);
        return out;
    }

    /** When the next notification that is not held behind another becomes due: the worker polls no longer. */
    Optional<Instant> nextDue() {
        return unblocked().stream().map(Waiting::due).min(Comparator.naturalOrder());
    }

    /** The notifications with no earlier one of the same conversation in the lane, in arrival order. */
    private List<Waiting> unblocked() {
        List<Waiting> out = new ArrayList<>();
        Set<String> ahead = new HashSet<>();
        for (Waiting w : lane.values()) {
            Set<String> keys = w.orderKeys();
            if (keys.stream().noneMatch(ahead::contains)) {
                out.add(w);
            }
            ahead.addAll(keys);
        }
        return out;
    }

    /** Delivered, or given up: it leaves the lane, and the alerts of its conversations behind it may go. */
    void done(Waiting w) {
        Waiting gone = lane.remove(w.seq());
        if (gone != null) {
            gone.group().alerts().forEach(a -> heldIds.remove(a.id()));
        }
    }

    /**
     * A failed call: the notification waits apart for its next attempt, after the backoff or the receiver's
     * Retry-After.
     *
     * @param retryAfter the wait the receiver asked for, or null
     * @return false when the budget is spent: it has left the lane, and the caller gives it up
     */
    boolean retryLater(Waiting w, Duration retryAfter) {
        int tries = w.tries() + 1;
        if (tries >= policy.attempts()) {
            done(w);
            return false;
        }
        Duration wait = retryAfter != null ? retryAfter : backoff(tries);
        lane.put(w.seq(), new Waiting(w.seq(), w.group(), w.positions(), tries, clock.instant().plus(wait)));
        return true;
    }

    /** Not tried (the breaker rests the receiver): it waits until {@code until} without spending its budget. */
    void postpone(Waiting w, Instant until) {
        lane.put(w.seq(), new Waiting(w.seq(), w.group(), w.positions(), w.tries(), until));
    }

    /** Exponential from the initial backoff, capped, with "equal jitter": half fixed, half random. */
    Duration backoff(int failedTries) {
        long exp = policy.initialBackoff().toMillis() << Math.min(20, failedTries - 1);
        long capped = Math.min(exp, policy.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + jitter.nextLong(capped / 2 + 1));
    }

    /** The lowest offset still in the lane per partition: the worker commits no further. */
    Map<Integer, Long> lowestHeldOffsets() {
        Map<Integer, Long> out = new HashMap<>();
        for (Waiting w : lane.values()) {
            for (GroupBuffer.Position p : w.positions()) {
                out.merge(p.partition(), p.offset(), Math::min);
            }
        }
        return out;
    }

    /** Forgets what was read from partitions this worker no longer owns: their new owner reads them again. */
    void dropPartitions(Collection<Integer> partitions) {
        Iterator<Map.Entry<Long, Waiting>> it = lane.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Waiting> e = it.next();
            Waiting w = e.getValue();
            List<Alert> keep = new ArrayList<>();
            List<GroupBuffer.Position> keptAt = new ArrayList<>();
            for (int i = 0; i < w.positions().size(); i++) {
                Alert a = w.group().alerts().get(i);
                if (partitions.contains(w.positions().get(i).partition())) {
                    heldIds.remove(a.id());
                } else {
                    keep.add(a);
                    keptAt.add(w.positions().get(i));
                }
            }
            if (keep.isEmpty()) {
                it.remove();
            } else if (keep.size() < w.positions().size()) {
                e.setValue(new Waiting(w.seq(), new AlertGroup(w.group().key(), keep), keptAt, w.tries(), w.due()));
            }
        }
    }

    /** True for an alert already in the lane (read again after a rebalance). */
    boolean holds(String alertId) {
        return heldIds.contains(alertId);
    }

    /** Alerts in the lane. */
    int heldCount() {
        return heldIds.size();
    }
}
