package dev.replyclock.alert;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the notifier reports about delivery, per receiver. {@code ops} implements it with Micrometer (the
 * series and their names are listed in docs/contracts.md); the interface keeps {@code alert} from depending
 * on {@code ops}.
 */
public interface DeliveryMetrics {

    /** A receiver's series at 0, from the moment it starts (at start-up or added by a reload). */
    void receiverAtZero(String receiver);

    /** One delivery attempt's outcome: {@code sent}, {@code duplicate} or {@code failed}. */
    void delivery(String receiver, String outcome);

    /** Alert created -> receiver accepted. */
    void deliveryLatency(String receiver, Duration latency);

    void silenced(String receiver);

    /** Pages held back because their team's overload alert fires. */
    void inhibited(String receiver, int count);

    /** Alerts that went out inside a notification of two or more. */
    void grouped(String receiver, int count);

    /** Alerts waiting for a receiver. */
    void deliveryQueue(String receiver, Supplier<Long> depth);

    void deliveryRetry(String receiver);

    /** An alert given up, with the reason ({@code retries-exhausted}, {@code refused}, {@code error}). */
    void undelivered(String receiver, String reason);

    /** The breaker's state name, read when the gauge is scraped. */
    void circuitState(String receiver, Supplier<String> state);

    /** Drops the gauges of a receiver that a reload removed or replaced. */
    void forgetReceiver(String receiver);
}
