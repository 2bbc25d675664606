package dev.replyclock.alert;

import dev.replyclock.model.Alert;
/**
 * Where alerts go. {@link #deliver} returns once the receiver has accepted the alert, or throws; the
 * notifier owns retries and deduplication, so a receiver only speaks its wire format.
 */
public interface Receiver extends AutoCloseable {

    String name();

    void deliver(Alert alert) throws Exception;

    /**
     * Delivers a group as one notification. This default sends a group of one as its alert and a larger
     * group alert by alert; receivers whose wire format can carry a list override it.
     */
    default void deliver(AlertGroup group) throws Exception {
        for (Alert a : group.alerts()) {
            deliver(a);
        }
    }

    /**
     * Whether this receiver takes the alert at all (judged after routing; an alert it does not take is not
     * its business, as if routed elsewhere). By default every alert.
     */
    default boolean takes(Alert alert) {
        return true;
    }

    /** For receivers that write to people: incident updates ({@code acknowledged}, {@code closed}) are for machines. */
    static boolean forPeople(Alert alert) {
        return !alert.kind().updatesIncident();
    }

    @Override
    default void close() {
    }
}
