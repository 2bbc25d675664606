package dev.replyclock.kafka;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One SLA task's wake-ups, in memory and in time order: one entry per stored conversation (a running clock's
 * next alert, or the end of a closed marker's retention), keyed by (wake-up millis, conversationId).
 *
 * <p>Not durable on purpose: the clock store holds each conversation's wake-up ({@link StoredClock#wakeUpMillis}),
 * so the SLA processor rebuilds the index from it whenever its task is initialized (after a restore, a
 * handover or a restart) and only the clock store is changelogged: one durable write per message instead of
 * three. Sized per stored conversation: a {@code TreeMap} node (about 40 bytes) and its boxed time (16 bytes)
 * when the conversation has its millisecond alone, a set entry (about 50 bytes) when it shares it; the
 * conversation id is the store's key too.
 *
 * <p>Not thread-safe: one instance per task, used by its stream thread only.
 */
final class DeadlineIndex {

    /** A wake-up: when, and whose. */
    record Entry(long wakeUpMillis, String conversationId) {
    }

    /**
     * Per wake-up millisecond, its conversation (a String: the common case) or, when several share it, their
     * set in the order they were added. Keyed by time alone, so that no conversation ids are compared on the
     * way down the tree (a burst of messages gives thousands of conversations the same deadline).
     */
    private final TreeMap<Long, Object> byTime = new TreeMap<>();
    private int size;

    void add(long wakeUpMillis, String conversationId) {
        Object here = byTime.putIfAbsent(wakeUpMillis, conversationId);
        if (here == null) {
            size++;
        } else if (here instanceof String one) {
            if (!one.equals(conversationId)) {
                Set<String> several = new LinkedHashSet<>();
                several.add(one);
                several.add(conversationId);
                byTime.put(wakeUpMillis, several);
                size++;
            }
        } else if (several(here).add(conversationId)) {
            size++;
        }
    }

    /** @return whether the entry was there */
    boolean remove(long wakeUpMillis, String conversationId) {
        Object here = byTime.get(wakeUpMillis);
        boolean removed;
        if (here instanceof String one) {
            removed = one.equals(conversationId);
            if (removed) {
                byTime.remove(wakeUpMillis);
            }
        } else if (here != null) {
            Set<String> several = several(here);
            removed = several.remove(conversationId);
            if (several.isEmpty()) {
                byTime.remove(wakeUpMillis);
            }
        } else {
            removed = false;
        }
        size -= removed ? 1 : 0;
        return removed;
    }

    /**
     * Removes and returns, earliest first (those of one millisecond in the order they were added), at most
     * {@code max} entries due at {@code nowMillis} or before.
     */
    List<Entry> pollDue(long nowMillis, int max) {
        List<Entry> due = new ArrayList<>();
        while (due.size() < max && !byTime.isEmpty() && byTime.firstKey() <= nowMillis) {
            Map.Entry<Long, Object> first = byTime.firstEntry();
            long at = first.getKey();
            if (first.getValue() instanceof String one) {
                due.add(new Entry(at, one));
                byTime.pollFirstEntry();
            } else {
                Iterator<String> several = several(first.getValue()).iterator();
                while (due.size() < max && several.hasNext()) {
                    due.add(new Entry(at, several.next()));
                    several.remove();
                }
                if (!several.hasNext()) {
                    byTime.pollFirstEntry();
                }
            }
        }
        size -= due.size();
        return due;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> several(Object bucket) {
        return (Set<String>) bucket;
    }

    /** The earliest wake-up, or {@link StoredClock#NONE} when there is none. */
    long next() {
        return byTime.isEmpty() ? StoredClock.NONE : byTime.firstKey();
    }

    int size() {
        return size;
    }

    void clear() {
        byTime.clear();
        size = 0;
    }
}
