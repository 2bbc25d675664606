package dev.replyclock.alert;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.internal.CircuitBreakerStateMachine;
import java.time.Clock;
import java.time.Duration;

/**
 * How hard the notifier tries: {@code attempts} calls per alert and receiver, exponential backoff with jitter
 * from {@code initialBackoff} up to {@code maxBackoff} (a receiver's Retry-After wins), and a circuit breaker
 * per receiver ({@link Circuit}).
 */
public record DeliveryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff, Circuit circuit) {

    /**
     * The breaker opens only on sustained failure: at least {@code minimumCalls} calls in the last
     * {@code slidingWindowSize}, of which {@code failureRatePercent} % or more failed; it then rests the receiver
     * for {@code openFor} and lets one probe call through.
     */
    public record Circuit(Duration openFor, int failureRatePercent, int minimumCalls, int slidingWindowSize) {

        public static final Circuit DEFAULT = new Circuit(Duration.ofSeconds(5), 50, 10, 20);

        public Circuit {
            if (minimumCalls > slidingWindowSize) {
                throw new IllegalArgumentException("minimumCalls " + minimumCalls + " > slidingWindowSize "
                        + slidingWindowSize);
            }
        }

        /** The breaker, on {@code clock} so that its rest follows the same time as the retry lane. */
        CircuitBreaker breaker(String name, Clock clock) {
            return new CircuitBreakerStateMachine(name, CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(slidingWindowSize)
                    .minimumNumberOfCalls(minimumCalls)
                    .failureRateThreshold(failureRatePercent)
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .waitDurationInOpenState(openFor)
                    .recordException(e -> e instanceof DeliveryException d && d.retryable())
                    .build(), clock);
        }
    }

    public static final DeliveryPolicy DEFAULT =
            new DeliveryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30), Circuit.DEFAULT);

    /** The default breaker thresholds, resting a failing receiver for {@code openFor}. */
    public DeliveryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff, Duration openFor) {
        this(attempts, initialBackoff, maxBackoff, new Circuit(openFor, Circuit.DEFAULT.failureRatePercent(),
                Circuit.DEFAULT.minimumCalls(), Circuit.DEFAULT.slidingWindowSize()));
    }
}
