package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.model.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAttemptLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    private final FailedAttemptLimiter limiter = new FailedAttemptLimiter(3, Duration.ofMinutes(1), clock);

    @Test
    void anAddressIsBlockedAfterTooManyFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.blockedFor("10.0.0.1"));
            limiter.failed("10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        assertEquals(Duration.ofSeconds(30), limiter.blockedFor("10.0.0.1"));
        assertEquals(Duration.ZERO, limiter.blockedFor("10.0.0.2"), "other addresses are not blocked");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Duration.ZERO, limiter.blockedFor("10.0.0.1"), "a new window");
    }
}
