package dev.replyclock.alert;

import dev.replyclock.model.Alert;

/**
 * Stage 2, dedup: Kafka delivers at least once, so an alert may be read again (a rebalance, a restart); one
 * the receiver already has, or one already waiting in the retry lane, goes no further.
 */
final class DedupStage {

    private final String receiver;
    private final DeliveryLog log;
    private final RetryLane lane;
    private final DeliveryMetrics metrics;

    DedupStage(String receiver, DeliveryLog log, RetryLane lane, DeliveryMetrics metrics) {
        this.receiver = receiver;
        this.log = log;
        this.lane = lane;
        this.metrics = metrics;
    }

    boolean seen(Alert alert) {
        if (log.contains(alert.id())) {
            metrics.delivery(receiver, "duplicate");
            return true;
        }
        return lane.holds(alert.id()); // waiting for its retry: it is on its way already, not counted again
    }
}
