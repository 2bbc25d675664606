package dev.replyclock.ops;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether the process still does its job, for {@code /health/live} and the dead-exit watchdog: false once a
 * part that never comes back on its own has stopped. Unlike {@link Readiness}, a broker outage or a
 * rebalance is not a reason (they heal; a restart would not help).
 *
 * @param reason one line for operators, without customer data
 */
public record Liveness(boolean live, String reason) {

    public static final Liveness LIVE = new Liveness(true, "live");

    /**
     * @param streams     the Streams client's state, null before it exists
     * @param stopping    true once the daemon closes itself: a client going NOT_RUNNING is then expected
     * @param deadThreads the notifier's threads that ended on an error (receiver workers, topic tails)
     */
    public static Liveness judge(KafkaStreams.State streams, boolean stopping, List<String> deadThreads) {
        if (stopping) {
            return LIVE; // a SIGTERM in progress: the stop budget, not the probe, bounds it
        }
        boolean streamsDead = streams == KafkaStreams.State.ERROR || streams == KafkaStreams.State.PENDING_ERROR
                || streams == KafkaStreams.State.NOT_RUNNING || streams == KafkaStreams.State.PENDING_SHUTDOWN;
        if (!streamsDead && deadThreads.isEmpty()) {
            return LIVE;
        }
        StringBuilder reason = new StringBuilder();
        if (streamsDead) {
            reason.append("the Streams client is ").append(streams);
        }
        if (!deadThreads.isEmpty()) {
            reason.append(reason.length() > 0 ? "; " : "").append("thread(s) ended on an error: ")
                    .append(String.join(", ", deadThreads));
        }
        return new Liveness(false, reason.toString());
    }
}
