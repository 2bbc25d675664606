package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import java.time.Clock;

/**
 * Stage 4, inhibit: while a team's overload alert fires, that team's pages of the inhibited kinds are counted,
 * recorded as handled and not sent ({@link Inhibition}). Judged on arrival, and again when a held group goes out.
 */
final class InhibitStage {

    private final String receiver;
    private final Inhibition inhibition;
    private final DeliveryLog log;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    InhibitStage(String receiver, Inhibition inhibition, DeliveryLog log, DeliveryMetrics metrics, Clock clock) {
        this.receiver = receiver;
        this.inhibition = inhibition;
        this.log = log;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Every alert read, before routing: an overload takes effect at once, in stream order, whichever
     * receivers it is routed to.
     */
    void observe(Alert alert) {
        inhibition.observe(alert);
    }

    boolean inhibits(Alert alert) {
        if (!inhibition.inhibits(alert)) {
            return false;
        }
        metrics.inhibited(receiver, 1);
        log.record(alert.id(), clock.instant());
        return true;
    }
}
