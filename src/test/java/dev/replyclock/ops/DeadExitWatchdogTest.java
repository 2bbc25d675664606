package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.model.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeadExitWatchdogTest {

    private static final Liveness DEAD = new Liveness(false, "the Streams client is ERROR");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final AtomicReference<Liveness> liveness = new AtomicReference<>(Liveness.LIVE);
    private final List<Liveness> exits = new ArrayList<>();
    private final DeadExitWatchdog watchdog = new DeadExitWatchdog(liveness::get, clock, Duration.ofSeconds(30),
            exits::add);

    @Test
    void exitsOnceWhenNotLiveForTheWholeGracePeriod() {
        watchdog.look();
        liveness.set(DEAD);
        watchdog.look();
        clock.advance(Duration.ofSeconds(29));
        watchdog.look();
        assertEquals(List.of(), exits, "still within the grace period");
        clock.advance(Duration.ofSeconds(1));
        watchdog.look();
        clock.advance(Duration.ofMinutes(5));
        watchdog.look();
        assertEquals(List.of(DEAD), exits);
    }

    @Test
    void aProcessLiveAgainWithinTheGracePeriodStartsItOver() {
        liveness.set(DEAD);
        watchdog.look();
        clock.advance(Duration.ofSeconds(20));
        liveness.set(Liveness.LIVE);
        watchdog.look();
        liveness.set(DEAD);
        clock.advance(Duration.ofSeconds(20));
        watchdog.look();
        clock.advance(Duration.ofSeconds(20));
        watchdog.look();
        assertEquals(List.of(), exits, "20 s dead, live, then 20 s dead: never 30 s in a row");
        clock.advance(Duration.ofSeconds(10));
        watchdog.look();
        assertEquals(List.of(DEAD), exits);
    }

    @Test
    void aLiveProcessNeverExits() {
        for (int i = 0; i < 10; i++) {
            watchdog.look();
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(List.of(), exits);
    }
}
