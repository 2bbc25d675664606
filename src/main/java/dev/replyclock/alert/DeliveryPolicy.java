package dev.replyclock.alert;

import java.time.Duration;

/**
 * How hard the notifier tries: {@code attempts} per alert and receiver, exponential backoff with jitter
 * from {@code initialBackoff} up to {@code maxBackoff} (a receiver's Retry-After wins), and a circuit
 * breaker per receiver that stops calling a failing receiver for {@code openFor}.
 */
public record DeliveryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff, Duration openFor) {

    public static final DeliveryPolicy DEFAULT =
            new DeliveryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(30));
}
