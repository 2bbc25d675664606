package dev.replyclock.kafka;

import dev.replyclock.sla.ReplyClock;

/**
 * A conversation as kept in the store: either a running reply clock, or, after a staff reply, a closed
 * marker that remembers the reply (so the next wait is a "next reply time") until retention expires it.
 * Each carries its wake-up, from which the in-memory deadline index is rebuilt when the task is initialized,
 * and by which its index entry is removed exactly even if the policy that computed it has changed since.
 *
 * @param clock        the running clock, or null for a closed marker
 * @param repliedAt    when staff last replied (epoch millis), or -1 if never
 * @param wakeUpMillis the indexed wake-up time (epoch millis): the next alert, or the expiry
 */
record StoredClock(ReplyClock clock, long repliedAt, long wakeUpMillis) {

    static final long NONE = -1;

    StoredClock(ReplyClock clock, long wakeUpMillis) {
        this(clock, NONE, wakeUpMillis);
    }

    static StoredClock closed(long repliedAt, long expiresAt) {
        return new StoredClock(null, repliedAt, expiresAt);
    }

    boolean isOpen() {
        return clock != null;
    }
}
