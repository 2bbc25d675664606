package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery pipeline of one receiver, on its own thread and in its own consumer group
 * ({@code <application-id>-notifier-<receiver>}), so that a slow or dead receiver only delays itself:
 * read alert -> route -> notification log (skip what was delivered) -> silences and inhibition -> group
 * buffer (held for group_wait / repeat_interval, or at once) -> retry lane (most urgent first; a failed
 * notification waits apart for its next attempt, so it holds back only the later alerts of its own
 * conversation) -> one call through the circuit breaker -> record every member in the notification log ->
 * commit. After the retry budget the alerts go to the undelivered topic with the reason.
 *
 * <p>At least once survives grouping and retries: offsets are committed explicitly, per partition no further
 * than the lowest offset still held in the buffer or the lane, so a crash re-reads every held alert (and the
 * notification log skips what was already sent).
 */
final class ReceiverWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReceiverWorker.class);

    private final Receiver receiver;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String alertsTopic;
    private final String undeliveredTopic;
    private final NotificationLog notificationLog;
    private final KafkaProducer<String, byte[]> undelivered;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final Duration breakerRest;
    /** When the open breaker lets a probe through; written by its transition events, on this thread. */
    private Instant restingUntil = Instant.MIN;
    private final Properties client;
    private final java.util.function.Supplier<Route> route;
    private final SilenceStore silences;
    private final Inhibition inhibition;
    private final GroupBuffer buffer;
    private final RetryLane lane;
    /** Per partition: the offset after the last record handled, and the offset last committed. */
    private final Map<Integer, Long> handledUpTo = new HashMap<>();
    private final Map<Integer, Long> committed = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile long lastPollNanos;
    private volatile boolean polled;
    private final java.util.concurrent.atomic.AtomicLong queueDepth = new java.util.concurrent.atomic.AtomicLong();

    ReceiverWorker(Receiver receiver, Properties client, String groupId, String alertsTopic, String undeliveredTopic,
                   NotificationLog notificationLog, KafkaProducer<String, byte[]> undelivered,
                   DeliveryPolicy policy, DeliveryMetrics metrics, Clock clock,
                   java.util.function.Supplier<Route> route, SilenceStore silences, Inhibition inhibition) {
        this.receiver = receiver;
        this.route = route;
        this.silences = silences;
        this.inhibition = inhibition;
        this.buffer = new GroupBuffer(clock);
        this.lane = new RetryLane(clock, policy, new SplittableRandom());
        this.client = client;
        this.alertsTopic = alertsTopic;
        this.undeliveredTopic = undeliveredTopic;
        this.notificationLog = notificationLog;
        this.undelivered = undelivered;
        this.metrics = metrics;
        this.clock = clock;
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000); // a crashed instance's receivers move over sooner
        // A round of first tries to a receiver that times out, before its breaker opens, must fit in one interval.
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.breaker = policy.circuit().breaker(receiver.name(), clock);
        this.breakerRest = policy.circuit().openFor();
        breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                restingUntil = clock.instant().plus(breakerRest);
            }
        });
        metrics.circuitState(receiver.name(), () -> breaker.getState().name().toLowerCase());
        metrics.deliveryQueue(receiver.name(), queueDepth::get);
        metrics.receiverAtZero(receiver.name()); // every series of the receiver on /metrics from the start
    }

    String receiverName() {
        return receiver.name();
    }

    KafkaConsumer<String, byte[]> consumer() {
        return consumer;
    }

    boolean isConsuming() {
        // A poll may wait for a round of calls (max.poll.interval 30 min): older than that, it is stuck.
        return polled && running.get() && System.nanoTime() - lastPollNanos < Duration.ofMinutes(31).toNanos();
    }

    /** The longest poll: held groups are flushed between polls, so a due group waits at most this long. */
    private static final Duration MAX_POLL = Duration.ofMillis(200);

    @Override
    public void run() {
        try {
            notificationLog.load(client);
            consumer.subscribe(List.of(alertsTopic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Their new owner re-reads from the committed offset, which is never past a held alert.
                    commitHandled(false);
                    List<Integer> gone = partitions.stream().map(TopicPartition::partition).toList();
                    buffer.dropPartitions(gone);
                    lane.dropPartitions(gone);
                    gone.forEach(p -> {
                        handledUpTo.remove(p);
                        committed.remove(p);
                    });
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout());
                lastPollNanos = System.nanoTime();
                polled = true;
                // This receiver's queue is its consumer group's lag on the alerts topic, plus what it holds.
                long lag = records.count() + buffer.heldCount() + lane.heldCount();
                for (TopicPartition tp : consumer.assignment()) {
                    lag += consumer.currentLag(tp).orElse(0);
                }
                queueDepth.set(lag);
                for (ConsumerRecord<String, byte[]> r : records) {
                    handle(r);
                    handledUpTo.put(r.partition(), r.offset() + 1);
                }
                for (GroupBuffer.Due due : buffer.takeDueWithPositions()) {
                    enqueue(due.group(), due.positions(), true);
                }
                sendReady();
                pauseWhileTheLaneIsFull();
                commitHandled(true);
            }
        } catch (WakeupException e) {
            if (running.get()) {
                log.error("receiver {} stopped", receiver.name(), e);
            }
        } catch (RuntimeException e) {
            log.error("receiver {} stopped", receiver.name(), e);
        } finally {
            running.set(false);
            try {
                commitHandled(false);
            } catch (RuntimeException e) {
                log.debug("receiver {}: last commit on the way out failed: {}", receiver.name(), e.toString());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Short polls, shorter still when a held group or a retry is due sooner. */
    private Duration pollTimeout() {
        return java.util.stream.Stream.of(buffer.nextDue(), lane.nextDue()).flatMap(java.util.Optional::stream)
                .min(Instant::compareTo).map(due -> {
                    Duration left = Duration.between(clock.instant(), due);
                    return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_POLL) < 0 ? left : MAX_POLL;
                }).orElse(MAX_POLL);
    }

    /** The most alerts the lane holds before this worker stops reading (a dead receiver lags in Kafka, not here). */
    private static final int LANE_LIMIT = 1_000;

    private void pauseWhileTheLaneIsFull() {
        if (lane.heldCount() >= LANE_LIMIT) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /**
     * Commits, per partition, the offset after the last handled record, or the lowest offset still held in the
     * buffer or the retry lane if that is lower; the notification log is made durable first.
     */
    /**
     * @param async in the poll loop the next batch need not wait for the commit's round trip (a commit lost to
     *              a crash or a rebalance only means a redelivery, which the already durable log skips); on the
     *              way out the commit is synchronous
     */
    private void commitHandled(boolean async) {
        Map<Integer, Long> held = new HashMap<>(buffer.lowestHeldOffsets());
        lane.lowestHeldOffsets().forEach((p, o) -> held.merge(p, o, Math::min));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Map.Entry<Integer, Long> e : handledUpTo.entrySet()) {
            long target = Math.min(e.getValue(), held.getOrDefault(e.getKey(), Long.MAX_VALUE));
            if (target > committed.getOrDefault(e.getKey(), -1L)) {
                offsets.put(new TopicPartition(alertsTopic, e.getKey()), new OffsetAndMetadata(target));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        flushLog();
        if (async) {
            consumer.commitAsync(offsets, (done, e) -> {
                if (e != null) {
                    log.debug("receiver {}: offset commit failed, the log covers it: {}", receiver.name(), e.toString());
                }
            });
        } else {
            consumer.commitSync(offsets);
        }
        offsets.forEach((tp, o) -> committed.put(tp.partition(), o.offset()));
    }

    /** The notification log must be durable before the offsets that it covers are committed. */
    private void flushLog() {
        try {
            notificationLog.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the notification log", e);
        } catch (Exception e) {
            throw new IllegalStateException("the notification log cannot be written: " + e.getMessage(), e);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        Alert alert;
        try {
            alert = AlertJson.fromBytes(r.value());
        } catch (IOException e) {
            log.warn("skipping an unreadable alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            return;
        }
        inhibition.observe(alert); // an overload takes effect at once, in stream order, whoever it is routed to
        Route.Target target = route.get().targetsFor(alert, clock.instant()).stream()
                .filter(t -> t.receiver().equals(receiver.name())).findFirst().orElse(null);
        if (target == null || !receiver.takes(alert)) {
            return; // routed elsewhere, or not this receiver's kind of alert
        }
        alert = alert.withShownIn(target.zone()); // its times read in the zone of the route's calendar
        try (org.slf4j.MDC.MDCCloseable a = org.slf4j.MDC.putCloseable("alertId", alert.id());
             org.slf4j.MDC.MDCCloseable c = org.slf4j.MDC.putCloseable("conversationId", alert.conversationId())) {
            if (notificationLog.contains(alert.id())) {
                metrics.delivery(receiver.name(), "duplicate");
                return;
            }
            if (lane.holds(alert.id())) {
                return; // read again (a rebalance) while it waits for its retry: it is on its way already
            }
            if (heldBack(alert)) {
                return;
            }
            GroupBuffer.Position at = new GroupBuffer.Position(r.partition(), r.offset());
            buffer.offer(alert, target.grouping(), target.node(), at).ifPresent(now -> lane.add(now, List.of(at)));
        }
    }

    /**
     * Silenced or inhibited: counted, recorded as handled (not sent later by a restart either), not sent.
     * Judged on arrival and again when a held group goes out.
     */
    private boolean heldBack(Alert alert) {
        if (silences != null && silences.mutes(alert)) {
            metrics.silenced(receiver.name());
            notificationLog.record(alert.id(), clock.instant());
            return true;
        }
        if (inhibition.inhibits(alert)) {
            metrics.inhibited(receiver.name(), 1);
            notificationLog.record(alert.id(), clock.instant());
            return true;
        }
        return false;
    }

    /** @param waited true for a group that was held: a silence or an overload may have begun meanwhile */
    private void enqueue(AlertGroup group, List<GroupBuffer.Position> positions, boolean waited) {
        List<Alert> members = new java.util.ArrayList<>();
        List<GroupBuffer.Position> at = new java.util.ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            Alert a = group.alerts().get(i);
            if (!waited || !heldBack(a)) {
                members.add(a);
                at.add(positions.get(i));
            }
        }
        if (!members.isEmpty()) {
            lane.add(members.size() == group.alerts().size() ? group : new AlertGroup(group.key(), members), at);
        }
    }

    /** One call for each notification whose attempt is due, most urgent first. */
    private void sendReady() {
        for (RetryLane.Waiting w : lane.ready()) {
            if (!running.get()) {
                return; // stopping: what is left stays in the lane, uncommitted, for the next owner
            }
            attempt(w);
        }
    }

    private void attempt(RetryLane.Waiting w) {
        List<Alert> members = w.group().alerts();
        try {
            CircuitBreaker.decorateCheckedRunnable(breaker, () -> receiver.deliver(w.group())).run();
        } catch (CallNotPermittedException e) {
            Instant now = clock.instant();
            lane.postpone(w, restingUntil.isAfter(now) ? restingUntil : now.plus(breakerRest));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false); // neither delivered nor given up: it stays in the lane, so no commit passes it
            return;
        } catch (DeliveryException e) {
            if (!e.retryable()) {
                lane.done(w);
                members.forEach(a -> giveUp(a, e));
            } else if (lane.retryLater(w, e.retryAfter())) {
                metrics.deliveryRetry(receiver.name());
            } else {
                members.forEach(a -> giveUp(a, e));
            }
            return;
        } catch (Throwable e) {
            lane.done(w);
            members.forEach(a -> giveUp(a, e));
            return;
        }
        lane.done(w);
        Instant now = clock.instant();
        for (Alert a : members) {
            metrics.deliveryLatency(receiver.name(), Duration.between(a.createdAt(), now));
            metrics.delivery(receiver.name(), "sent");
            notificationLog.record(a.id(), now);
        }
        if (members.size() > 1) {
            metrics.grouped(receiver.name(), members.size());
        }
    }

    private void giveUp(Alert alert, Throwable e) {
        String reason = e instanceof DeliveryException d ? (d.retryable() ? "retries-exhausted" : "refused") : "error";
        log.warn("alert {} not delivered to {} ({}): {}", alert.id(), receiver.name(), reason, e.getMessage());
        metrics.delivery(receiver.name(), "failed");
        metrics.undelivered(receiver.name(), reason);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(undeliveredTopic, alert.conversationId(),
                AlertJson.toBytes(alert));
        record.headers().add("replyclock.undelivered.receiver", receiver.name().getBytes(StandardCharsets.UTF_8));
        record.headers().add("replyclock.undelivered.reason", reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add("replyclock.undelivered.detail",
                String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
        try {
            undelivered.send(record).get();
        } catch (Exception sendFailure) {
            log.error("alert {} for {} is neither delivered nor in {}: {}", alert.id(), receiver.name(),
                    undeliveredTopic, sendFailure.toString());
        }
    }

    void stop() {
        running.set(false);
        consumer.wakeup();
    }
}
