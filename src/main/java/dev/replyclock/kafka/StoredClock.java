package dev.replyclock.kafka;

import dev.replyclock.sla.ReplyClock;

/**
 * A reply clock as kept in the store, with the deadline-index entry that points at it, so that the entry
 * can be removed exactly even if the policy that computed it has changed since.
 *
 * @param wakeUpMillis the indexed wake-up time (epoch millis), or -1 when the clock is not indexed
 */
record StoredClock(ReplyClock clock, long wakeUpMillis) {
    static final long NONE = -1;
}
