package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.ConversationAlert;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The delivery of one receiver as Alertmanager's stage list, with no Kafka in it ({@link ReceiverWorker} reads
 * the alerts topic and commits): an alert read goes through
 * <ol>
 *   <li>{@link RouteStage route}: is it this receiver's, and how is it grouped here;</li>
 *   <li>{@link DedupStage dedup}: the receiver has it already, or it waits in the retry lane;</li>
 *   <li>{@link SilenceStage mute}: an active silence matches it;</li>
 *   <li>{@link InhibitStage inhibit}: its team's overload fires;</li>
 *   <li>{@link GroupBuffer group}: held for group_wait / repeat_interval, or on at once (a complaint's pages);
 *   a held group is muted and inhibited again when it goes out;</li>
 *   <li>{@link SendStage send}: the retry lane (most urgent first, a failure waits apart) and the breaker;</li>
 *   <li>{@link RecordStage record} in the notification log, or {@link GiveUpStage give up} to the undelivered
 *   topic.</li>
 * </ol>
 * Every alert still held (in the group buffer or the lane) keeps its position: the source commits no further
 * than {@link #lowestHeldOffsets}. Used by one thread (not thread-safe).
 */
final class DeliveryPipeline {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPipeline.class);

    private final RouteStage route;
    private final DedupStage dedup;
    private final SilenceStage silence;
    private final InhibitStage inhibit;
    private final GroupBuffer group;
    private final SendStage send;
    private final RetryLane lane;
    private final DeliveryLog deliveryLog;

    /**
     * @param silenced    whether an active silence matches an alert now
     * @param undelivered where given-up alerts go
     * @param jitter      the random half of each retry's backoff
     */
    DeliveryPipeline(Receiver receiver, Supplier<Route> routes, Predicate<Alert> silenced, Inhibition inhibition,
                     DeliveryLog deliveryLog, GiveUpStage.Sink undelivered, DeliveryPolicy policy,
                     DeliveryMetrics metrics, Clock clock, RandomGenerator jitter) {
        String name = receiver.name();
        this.deliveryLog = deliveryLog;
        this.lane = new RetryLane(clock, policy, jitter);
        this.route = new RouteStage(routes, receiver, clock);
        this.dedup = new DedupStage(name, deliveryLog, lane, metrics);
        this.silence = new SilenceStage(name, silenced, deliveryLog, metrics, clock);
        this.inhibit = new InhibitStage(name, inhibition, deliveryLog, metrics, clock);
        this.group = new GroupBuffer(clock);
        this.send = new SendStage(receiver, lane, policy.circuit(), clock, metrics,
                new RecordStage(name, deliveryLog, metrics, clock), new GiveUpStage(name, undelivered, metrics));
    }

    /** An alert read at {@code at}: through the stages up to the group buffer or the retry lane, or dropped. */
    void accept(Alert alert, GroupBuffer.Position at) {
        inhibit.observe(alert); // an overload takes effect at once, in stream order, whoever it is routed to
        Optional<RouteStage.Routed> routed = route.select(alert);
        if (routed.isEmpty()) {
            return;
        }
        Alert a = routed.get().alert();
        try (MDC.MDCCloseable id = MDC.putCloseable("alertId", a.id());
             MDC.MDCCloseable c = MDC.putCloseable("conversationId",
                     a instanceof ConversationAlert about ? about.conversationId() : null)) {
            if (dedup.seen(a) || silence.mutes(a) || inhibit.inhibits(a)) {
                return;
            }
            group.offer(a, routed.get().grouping(), routed.get().node(), at)
                    .ifPresent(now -> send.add(now, List.of(at)));
        }
    }

    /**
     * Between reads: the held groups whose time has come, then one call per due notification.
     *
     * @param running false once the source is stopping: what is not sent yet stays held
     * @return false when the thread was interrupted (the source stops)
     */
    boolean sendDue(BooleanSupplier running) {
        for (GroupBuffer.Due due : group.takeDueWithPositions()) {
            stillWanted(due);
        }
        return send.sendReady(running);
    }

    /** A silence or an overload may have begun while a group was held: its members are judged again. */
    private void stillWanted(GroupBuffer.Due due) {
        List<Alert> members = new ArrayList<>();
        List<GroupBuffer.Position> at = new ArrayList<>();
        for (int i = 0; i < due.positions().size(); i++) {
            Alert a = due.group().alerts().get(i);
            if (!silence.mutes(a) && !inhibit.inhibits(a)) {
                members.add(a);
                at.add(due.positions().get(i));
            }
        }
        if (!members.isEmpty()) {
            send.add(members.size() == due.group().alerts().size() ? due.group()
                    : new AlertGroup(due.group().key(), members), at);
        }
    }

    /**
     * An alert as read from the alerts topic; one that cannot be read, or an empty record (nothing writes
     * tombstones there, but one must not stop the receiver), is logged and skipped.
     */
    void accept(byte[] json, GroupBuffer.Position at) {
        Alert alert;
        try {
            alert = AlertJson.fromBytes(json == null ? new byte[0] : json);
        } catch (IOException e) {
            log.warn("skipping an unreadable alert at partition {} offset {}: {}", at.partition(), at.offset(),
                    e.getMessage());
            return;
        }
        accept(alert, at);
    }

    /** When the next held group or retry is due, if any: the source waits no longer for new alerts. */
    Optional<Instant> nextDue() {
        return Stream.of(group.nextDue(), lane.nextDue()).flatMap(Optional::stream).min(Instant::compareTo);
    }

    /** Per partition, the lowest offset still held in the group buffer or the retry lane. */
    Map<Integer, Long> lowestHeldOffsets() {
        Map<Integer, Long> held = new HashMap<>(group.lowestHeldOffsets());
        lane.lowestHeldOffsets().forEach((p, o) -> held.merge(p, o, Math::min));
        return held;
    }

    /** Alerts held in the group buffer and the retry lane. */
    long heldCount() {
        return group.heldCount() + (long) lane.heldCount();
    }

    /** Alerts in the retry lane. */
    int waitingToSend() {
        return lane.heldCount();
    }

    /** Forgets what was read from partitions the source no longer owns: their new owner reads them again. */
    void dropPartitions(Collection<Integer> partitions) {
        group.dropPartitions(partitions);
        lane.dropPartitions(partitions);
    }

    /** The notification log must be durable before the offsets that it covers are committed. */
    void flushLog() {
        try {
            deliveryLog.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the notification log", e);
        } catch (Exception e) {
            throw new IllegalStateException("the notification log cannot be written: " + e.getMessage(), e);
        }
    }
}
