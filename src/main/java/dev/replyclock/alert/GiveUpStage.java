package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 7b, give up: an alert the receiver refused, or did not take within the retry budget, is counted and
 * handed to the undelivered topic with the reason, where an operator can see and replay it.
 */
final class GiveUpStage {

    private static final Logger logger = LoggerFactory.getLogger(GiveUpStage.class);

    /** Where given-up alerts go ({@link UndeliveredTopic}); it reports its own failures. */
    interface Sink {
        void put(Alert alert, String reason, String detail);
    }

    private final String receiver;
    private final Sink undelivered;
    private final DeliveryMetrics metrics;

    GiveUpStage(String receiver, Sink undelivered, DeliveryMetrics metrics) {
        this.receiver = receiver;
        this.undelivered = undelivered;
        this.metrics = metrics;
    }

    /** {@code retries-exhausted}, {@code refused} (a permanent failure) or {@code error} (anything else thrown). */
    static String reason(Throwable e) {
        return e instanceof DeliveryException d ? (d.retryable() ? "retries-exhausted" : "refused") : "error";
    }

    void giveUp(List<Alert> alerts, Throwable e) {
        String reason = reason(e);
        for (Alert alert : alerts) {
            logger.warn("alert {} not delivered to {} ({}): {}", alert.id(), receiver, reason, e.getMessage());
            metrics.delivery(receiver, "failed");
            metrics.undelivered(receiver, reason);
            undelivered.put(alert, reason, String.valueOf(e.getMessage()));
        }
    }
}
