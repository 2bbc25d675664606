package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Stage 6, send: one call to the receiver for each notification whose attempt is due in the retry lane, most
 * urgent first, through the receiver's circuit breaker. A failure waits apart in the lane for its next attempt
 * (so it holds back only the later alerts of its own conversation); an open breaker postpones without spending
 * the budget; the outcome goes to the record or the give-up stage.
 */
final class SendStage {

    private final Receiver receiver;
    private final RetryLane lane;
    private final CircuitBreaker breaker;
    private final Duration breakerRest;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final RecordStage record;
    private final GiveUpStage giveUp;
    /** When the open breaker lets a probe through; written by its transition events, on the sending thread. */
    private Instant restingUntil = Instant.MIN;

    SendStage(Receiver receiver, RetryLane lane, DeliveryPolicy.Circuit circuit, Clock clock,
              DeliveryMetrics metrics, RecordStage record, GiveUpStage giveUp) {
        this.receiver = receiver;
        this.lane = lane;
        this.clock = clock;
        this.metrics = metrics;
        this.record = record;
        this.giveUp = giveUp;
        this.breaker = circuit.breaker(receiver.name(), clock);
        this.breakerRest = circuit.openFor();
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                restingUntil = clock.instant().plus(breakerRest);
            }
        });
        metrics.circuitState(receiver.name(), () -> breaker.getState().name().toLowerCase());
    }

    /** A notification to send now (behind any earlier one of its conversations). */
    void add(AlertGroup group, List<GroupBuffer.Position> positions) {
        lane.add(group, positions);
    }

    /**
     * @param running false once the worker is stopping: what is left stays in the lane, uncommitted
     * @return false when the thread was interrupted during a call (the worker stops)
     */
    boolean sendReady(BooleanSupplier running) {
        for (RetryLane.Waiting w : lane.ready()) {
            if (!running.getAsBoolean()) {
                return true;
            }
            if (!attempt(w)) {
                return false;
            }
        }
        return true;
    }

    private boolean attempt(RetryLane.Waiting w) {
        List<Alert> members = w.group().alerts();
        try {
            CircuitBreaker.decorateCheckedRunnable(breaker, () -> receiver.deliver(w.group())).run();
        } catch (CallNotPermittedException e) {
            Instant now = clock.instant();
            lane.postpone(w, restingUntil.isAfter(now) ? restingUntil : now.plus(breakerRest));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // neither delivered nor given up: it stays in the lane, so no commit passes it
        } catch (DeliveryException e) {
            if (!e.retryable()) {
                lane.done(w);
                giveUp.giveUp(members, e);
            } else if (lane.retryLater(w, e.retryAfter())) {
                metrics.deliveryRetry(receiver.name());
            } else {
                giveUp.giveUp(members, e);
            }
            return true;
        } catch (Throwable e) {
            lane.done(w);
            giveUp.giveUp(members, e);
            return true;
        }
        lane.done(w);
        record.delivered(members);
        return true;
    }
}
