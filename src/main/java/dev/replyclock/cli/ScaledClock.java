package dev.replyclock.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that starts at the wall-clock time and runs {@code speed} times faster (the demo's --speed). */
final class ScaledClock extends Clock {

    private final Instant start;
    private final long startNanos;
    private final double speed;

    ScaledClock(double speed) {
        this(Instant.now(), System.nanoTime(), speed);
    }

    private ScaledClock(Instant start, long startNanos, double speed) {
        this.start = start;
        this.startNanos = startNanos;
        this.speed = speed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return start.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
    }
}
