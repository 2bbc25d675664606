package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Stage 7a, record: the receiver accepted a notification; each member goes into the notification log (a
 * restarted notifier resends nothing) and into the delivery metrics.
 */
final class RecordStage {

    private final String receiver;
    private final DeliveryLog log;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    RecordStage(String receiver, DeliveryLog log, DeliveryMetrics metrics, Clock clock) {
        this.receiver = receiver;
        this.log = log;
        this.metrics = metrics;
        this.clock = clock;
    }

    void delivered(List<Alert> members) {
        Instant now = clock.instant();
        for (Alert a : members) {
            metrics.deliveryLatency(receiver, Duration.between(a.createdAt(), now));
            metrics.delivery(receiver, "sent");
            log.record(a.id(), now);
        }
        if (members.size() > 1) {
            metrics.grouped(receiver, members.size());
        }
    }
}
