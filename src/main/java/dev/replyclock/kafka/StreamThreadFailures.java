package dev.replyclock.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when an exception escapes a stream thread. The first ones replace the thread
 * ({@code REPLACE_THREAD}): a transient fault (a timeout, a fenced producer, a broker going away mid-commit)
 * then costs a rebalance, and under exactly_once_v2 the tasks resume from the last commit, nothing lost.
 * Once more than {@code maxReplaced} threads failed within {@code window}, the fault is taken for a lasting one
 * (a record a processor always throws on would otherwise replace thread after thread forever, the client looking
 * RUNNING while nothing gets through) and the client shuts down ({@code SHUTDOWN_CLIENT}): it goes to ERROR,
 * {@code /health/live} fails and {@code run} exits non-zero, so that the supervisor restarts the process and
 * someone hears of it. An {@link Error} shuts down at once: it is not transient.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final int maxReplaced;
    private final Duration window;
    private final Clock clock;
    private final Consumer<StreamThreadExceptionResponse> onResponse;
    private final Deque<Instant> replaced = new ArrayDeque<>(); // guarded by this

    /** @param onResponse told of every decision (for a metric) */
    public StreamThreadFailures(int maxReplaced, Duration window, Clock clock,
                                Consumer<StreamThreadExceptionResponse> onResponse) {
        this.maxReplaced = maxReplaced;
        this.window = window;
        this.clock = clock;
        this.onResponse = onResponse;
    }

    /** The daemon's policy: three replacements in ten minutes, then the client stops. */
    public static StreamThreadFailures standard(Clock clock, Consumer<StreamThreadExceptionResponse> onResponse) {
        return new StreamThreadFailures(3, Duration.ofMinutes(10), clock, onResponse);
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        StreamThreadExceptionResponse response = decide(exception);
        if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
            log.error("a stream thread failed; it is replaced (its tasks resume from the last commit)", exception);
        } else {
            log.error("a stream thread failed, {} in {} min or not transient: the Streams client stops,"
                    + " /health/live fails and the process exits", maxReplaced + 1, window.toMinutes(), exception);
        }
        onResponse.accept(response);
        return response;
    }

    private synchronized StreamThreadExceptionResponse decide(Throwable exception) {
        if (causedByError(exception)) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        Instant now = clock.instant();
        while (!replaced.isEmpty() && !replaced.peekFirst().isAfter(now.minus(window))) {
            replaced.removeFirst();
        }
        if (replaced.size() >= maxReplaced) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replaced.addLast(now);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** Streams hands over its own exceptions wrapping the cause. */
    private static boolean causedByError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Error) {
                return true;
            }
        }
        return false;
    }
}
