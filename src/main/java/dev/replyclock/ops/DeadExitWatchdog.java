package dev.replyclock.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a process that only seems alive: when {@link Liveness} has said "not live" for {@code grace}
 * ({@code health.dead-exit-after}), {@code onDead} runs once, and the run command exits non-zero so that
 * the supervisor (systemd {@code Restart=on-failure}, Kubernetes) starts a fresh one. The grace lets the
 * failing {@code /health/live} and the logs be seen first, and the liveness probe act on its own.
 */
public final class DeadExitWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadExitWatchdog.class);

    private final Supplier<Liveness> liveness;
    private final Clock clock;
    private final Duration grace;
    private final Consumer<Liveness> onDead;
    private final ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replyclock-dead-exit-watchdog");
        t.setDaemon(true);
        return t;
    });
    private Instant deadSince; // guarded by this
    private boolean fired; // guarded by this

    public DeadExitWatchdog(Supplier<Liveness> liveness, Clock clock, Duration grace, Consumer<Liveness> onDead) {
        this.liveness = liveness;
        this.clock = clock;
        this.grace = grace;
        this.onDead = onDead;
    }

    /** Looks every {@code every} on a daemon thread of its own. */
    public DeadExitWatchdog start(Duration every) {
        looks.scheduleWithFixedDelay(() -> {
            try {
                look();
            } catch (RuntimeException e) {
                log.warn("liveness could not be judged: {}", e.toString()); // an exception would end the schedule
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look; runs {@code onDead} when the process has not been live for the grace period. */
    synchronized void look() {
        if (fired) {
            return;
        }
        Liveness now = liveness.get();
        if (now.live()) {
            if (deadSince != null) {
                log.warn("live again before the grace period ended");
            }
            deadSince = null;
            return;
        }
        Instant t = clock.instant();
        if (deadSince == null) {
            deadSince = t;
            log.error("not live: {}; the process exits in {} s unless it recovers", now.reason(), grace.toSeconds());
        }
        if (!t.isBefore(deadSince.plus(grace))) {
            fired = true;
            onDead.accept(now);
        }
    }

    @Override
    public void close() {
        looks.shutdownNow();
    }
}
