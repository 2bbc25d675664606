package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * Stage 3, mute: an alert an active silence matches is counted and recorded as handled (so that a restart
 * does not send it later either), and not sent. Judged on arrival, and again when a held group goes out.
 */
final class SilenceStage {

    private final String receiver;
    private final Predicate<Alert> silenced;
    private final DeliveryLog log;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    /** @param silenced whether an active silence matches the alert now ({@link SilenceStore#mutes}) */
    SilenceStage(String receiver, Predicate<Alert> silenced, DeliveryLog log, DeliveryMetrics metrics, Clock clock) {
        this.receiver = receiver;
        this.silenced = silenced;
        this.log = log;
        this.metrics = metrics;
        this.clock = clock;
    }

    boolean mutes(Alert alert) {
        if (!silenced.test(alert)) {
            return false;
        }
        metrics.silenced(receiver);
        log.record(alert.id(), clock.instant());
        return true;
    }
}
