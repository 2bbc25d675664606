package dev.replyclock.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down token and code guessing: after {@code maxFailures} failed API attempts of one key within
 * {@code window}, that key gets 429 until the window ends. {@link OpsHttpServer} keys failures by address
 * and by presented token, and asks only once it knows whether the token is valid: a valid token answers for
 * its own failures, not for its address's.
 */
public final class FailedAttemptLimiter {

    private record Window(Instant start, int failures) {
    }

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

    public FailedAttemptLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the key (an address, a token) must wait, or zero when it may try. */
    public Duration blockedFor(String address) {
        Window w = byAddress.get(address);
        Instant now = clock.instant();
        if (w == null || !now.isBefore(w.start().plus(window))) {
            return Duration.ZERO;
        }
        return w.failures() >= maxFailures ? Duration.between(now, w.start().plus(window)) : Duration.ZERO;
    }

    public void failed(String address) {
        Instant now = clock.instant();
        byAddress.compute(address, (a, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        if (byAddress.size() > 10_000) {
            byAddress.entrySet().removeIf(e -> !now.isBefore(e.getValue().start().plus(window)));
        }
    }
}
