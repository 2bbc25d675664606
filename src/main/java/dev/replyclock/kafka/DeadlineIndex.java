package dev.replyclock.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One SLA task's wake-ups, in memory and in time order: one entry per stored conversation (a running clock's
 * next alert, or the end of a closed marker's retention), keyed by (wake-up millis, conversationId).
 *
 * <p>Not durable on purpose: the clock store holds each conversation's wake-up ({@link StoredClock#wakeUpMillis}),
 * so the SLA processor rebuilds the index from it whenever its task is initialized (after a restore, a
 * handover or a restart) and only the clock store is changelogged: one durable write per message instead of
 * three. Sized per stored conversation: a {@code TreeSet} node (about 40 bytes), an entry (24 bytes) and the
 * conversation id, which the store's key also is.
 *
 * <p>Not thread-safe: one instance per task, used by its stream thread only.
 */
final class DeadlineIndex {

    /** A wake-up: when, and whose. Ordered by time, then by conversation so that entries of one instant coexist. */
    record Entry(long wakeUpMillis, String conversationId) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(wakeUpMillis, o.wakeUpMillis);
            return c != 0 ? c : conversationId.compareTo(o.conversationId);
        }
    }

    private final TreeSet<Entry> entries = new TreeSet<>();

    void add(long wakeUpMillis, String conversationId) {
        entries.add(new Entry(wakeUpMillis, conversationId));
    }

    /** @return whether the entry was there */
    boolean remove(long wakeUpMillis, String conversationId) {
        return entries.remove(new Entry(wakeUpMillis, conversationId));
    }

    /** Removes and returns, earliest first, at most {@code max} entries due at {@code nowMillis} or before. */
    List<Entry> pollDue(long nowMillis, int max) {
        List<Entry> due = new ArrayList<>();
        while (due.size() < max && !entries.isEmpty() && entries.first().wakeUpMillis() <= nowMillis) {
            due.add(entries.pollFirst());
        }
        return due;
    }

    /** The earliest wake-up, or {@link StoredClock#NONE} when there is none. */
    long next() {
        return entries.isEmpty() ? StoredClock.NONE : entries.first().wakeUpMillis();
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}
