package dev.replyclock.alert;

import java.time.Duration;

/**
 * A receiver refused or could not take an alert. {@code retryable} failures (timeouts, 5xx, 429) are tried
 * again with backoff; the others (a 400, a bad address) go straight to the undelivered topic.
 * {@code retryAfter} is the wait a receiver asked for (HTTP 429 Retry-After), or null.
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;
    private final transient Duration retryAfter;

    public DeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException retryable(String message, Throwable cause) {
        return new DeliveryException(message, true, null, cause);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
