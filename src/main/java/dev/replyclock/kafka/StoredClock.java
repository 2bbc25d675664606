package dev.replyclock.kafka;

import dev.replyclock.sla.ReplyClock;
import java.util.List;

/**
 * A conversation as kept in the store: either a running reply clock, or, after a staff reply, a closed
 * marker that remembers the reply (so the next wait is a "next reply time") until retention expires it.
 * Each carries its wake-up, from which the in-memory deadline index is rebuilt when the task is initialized,
 * and by which its index entry is removed exactly even if the policy that computed it has changed since.
 *
 * @param clock        the running clock, or null for a closed marker
 * @param repliedAt    when staff last replied (epoch millis), or -1 if never
 * @param wakeUpMillis the indexed wake-up time (epoch millis): the next alert, or the expiry
 * @param ackedBy      who acknowledged the running clock (the ack's {@code by}), shown on its later alerts; null
 * @param incidents    the deadlines (epoch millis) of this wait that raised alerts, oldest first: each is an
 *                     incident (PagerDuty dedup key = conversation and deadline) to close when the ladder ends
 */
record StoredClock(ReplyClock clock, long repliedAt, long wakeUpMillis, String ackedBy, List<Long> incidents) {

    static final long NONE = -1;

    StoredClock {
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
    }

    StoredClock(ReplyClock clock, long repliedAt, long wakeUpMillis) {
        this(clock, repliedAt, wakeUpMillis, null, List.of());
    }

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
