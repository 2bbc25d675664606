package dev.replyclock.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SLA task's wake-ups, in memory and in time order: one entry per stored conversation (a running clock's
 * next alert, or the end of a closed marker's retention).
 *
 * <p>Not durable on purpose: the clock store holds each conversation's wake-up ({@link StoredClock#wakeUpMillis}),
 * so the SLA processor rebuilds the index from it whenever its task is initialized (after a restore, a
 * handover or a restart) and only the clock store is changelogged: one durable write per message instead of
 * three.
 *
 * <p>A binary heap over primitive arrays (time, then the order entries came) with a map of each conversation's
 * current entry. Moving a wake-up replaces the map's entry and leaves the old one in the heap, skipped when it
 * surfaces; the heap is rebuilt from the map when stale entries outnumber live ones. A tree of entries (the
 * first version) followed a pointer per level on every move, and with 100,000 open conversations each level
 * was a cache miss: 8-13% of the stream thread. Sized per stored conversation: a map entry and its value
 * (about 60 bytes) and one or two heap slots (20 bytes each); the conversation id is the store's key too.
 *
 * <p>Not thread-safe: one instance per task, used by its stream thread only.
 */
final class DeadlineIndex {

    /** A wake-up: when, and whose. */
    record Entry(long wakeUpMillis, String conversationId) {
    }

    /** A conversation's entry: its time and its place in the order entries came (which tells it from stale ones). */
    private record Live(long wakeUpMillis, long sequence) {
    }

    private static final int MIN_CAPACITY = 1024;

    private final Map<String, Live> current = new HashMap<>();
    private long[] times = new long[MIN_CAPACITY];
    private long[] sequences = new long[MIN_CAPACITY];
    private String[] ids = new String[MIN_CAPACITY];
    private int heapSize;
    private long nextSequence;

    /** Puts the conversation's wake-up at {@code wakeUpMillis}; a conversation has one, so an earlier one is replaced. */
    void add(long wakeUpMillis, String conversationId) {
        Live before = current.get(conversationId);
        if (before != null && before.wakeUpMillis() == wakeUpMillis) {
            return; // there already: it keeps its place
        }
        long sequence = nextSequence++;
        current.put(conversationId, new Live(wakeUpMillis, sequence));
        push(wakeUpMillis, sequence, conversationId);
        if (heapSize > 2 * current.size() + MIN_CAPACITY) {
            rebuild();
        }
    }

    /** @return whether the entry was there */
    boolean remove(long wakeUpMillis, String conversationId) {
        Live live = current.get(conversationId);
        if (live == null || live.wakeUpMillis() != wakeUpMillis) {
            return false;
        }
        current.remove(conversationId); // its heap slot is stale from now on
        return true;
    }

    /**
     * Removes and returns, earliest first (those of one millisecond in the order they came), at most {@code max}
     * entries due at {@code nowMillis} or before.
     */
    List<Entry> pollDue(long nowMillis, int max) {
        List<Entry> due = new ArrayList<>();
        while (due.size() < max && heapSize > 0 && times[0] <= nowMillis) {
            long time = times[0];
            long sequence = sequences[0];
            String id = ids[0];
            popRoot();
            Live live = current.get(id);
            if (live != null && live.sequence() == sequence) {
                current.remove(id);
                due.add(new Entry(time, id));
            }
        }
        return due;
    }

    /** The earliest wake-up, or {@link StoredClock#NONE} when there is none. */
    long next() {
        while (heapSize > 0 && isStale(0)) {
            popRoot(); // stale entries at the top would hide the real next one
        }
        return heapSize == 0 ? StoredClock.NONE : times[0];
    }

    int size() {
        return current.size();
    }

    void clear() {
        current.clear();
        times = new long[MIN_CAPACITY];
        sequences = new long[MIN_CAPACITY];
        ids = new String[MIN_CAPACITY];
        heapSize = 0;
    }

    private boolean isStale(int slot) {
        Live live = current.get(ids[slot]);
        return live == null || live.sequence() != sequences[slot];
    }

    /** The heap again from the live entries alone, each with its sequence (so ties keep their order). */
    private void rebuild() {
        int capacity = Math.max(MIN_CAPACITY, 2 * current.size());
        times = new long[capacity];
        sequences = new long[capacity];
        ids = new String[capacity];
        heapSize = 0;
        current.forEach((id, live) -> push(live.wakeUpMillis(), live.sequence(), id));
    }

    private void push(long time, long sequence, String id) {
        if (heapSize == times.length) {
            times = Arrays.copyOf(times, heapSize * 2);
            sequences = Arrays.copyOf(sequences, heapSize * 2);
            ids = Arrays.copyOf(ids, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, time, sequence, id);
    }

    private void popRoot() {
        int last = --heapSize;
        long time = times[last];
        long sequence = sequences[last];
        String id = ids[last];
        ids[last] = null;
        if (last == 0) {
            return;
        }
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(times[child + 1], sequences[child + 1], times[child], sequences[child])) {
                child++;
            }
            if (!before(times[child], sequences[child], time, sequence)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, time, sequence, id);
    }

    private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
        return time < otherTime || time == otherTime && sequence < otherSequence;
    }

    private void move(int from, int to) {
        set(to, times[from], sequences[from], ids[from]);
    }

    private void set(int slot, long time, long sequence, String id) {
        times[slot] = time;
        sequences[slot] = sequence;
        ids[slot] = id;
    }
}
