package dev.replyclock.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down token guessing: after {@code maxFailures} failed API attempts from one address within
 * {@code window}, that address gets 429 until the window ends, even with the right token.
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

    /** How long the address must wait, or zero when it may try. */
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
