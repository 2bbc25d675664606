package dev.replyclock.alert;

/**
 * Where alerts go. {@link #deliver} returns once the receiver has accepted the alert, or throws; the
 * notifier owns retries and deduplication, so a receiver only speaks its wire format.
 */
public interface Receiver extends AutoCloseable {

    String name();

    void deliver(Alert alert) throws Exception;

    @Override
    default void close() {
    }
}
