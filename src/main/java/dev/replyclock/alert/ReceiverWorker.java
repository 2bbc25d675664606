package dev.replyclock.alert;

import dev.replyclock.ops.ReplyclockMetrics;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 * buffer (held for group_wait / repeat_interval, or at once) -> retry with backoff and jitter around a
 * circuit breaker -> record every member in the notification log -> commit. After the retry budget the
 * alerts go to the undelivered topic with the reason, and the worker moves on.
 *
 * <p>At least once survives grouping: offsets are committed explicitly, per partition no further than the
 * lowest offset still held in the buffer, so a crash re-reads every held alert (and the notification log
 * skips what was already sent).
 */
final class ReceiverWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReceiverWorker.class);

    private final Receiver receiver;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String alertsTopic;
    private final String undeliveredTopic;
    private final NotificationLog notificationLog;
    private final KafkaProducer<String, byte[]> undelivered;
    private final ReplyclockMetrics metrics;
    private final Clock clock;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Properties client;
    private final java.util.function.Supplier<Route> route;
    private final SilenceStore silences;
    private final Inhibition inhibition;
    private final GroupBuffer buffer;
    /** Per partition: the offset after the last record handled, and the offset last committed. */
    private final Map<Integer, Long> handledUpTo = new HashMap<>();
    private final Map<Integer, Long> committed = new HashMap<>();
    private boolean abandoned;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile long lastPollNanos;
    private volatile boolean polled;
    private final java.util.concurrent.atomic.AtomicLong queueDepth = new java.util.concurrent.atomic.AtomicLong();

    ReceiverWorker(Receiver receiver, Properties client, String groupId, String alertsTopic, String undeliveredTopic,
                   NotificationLog notificationLog, KafkaProducer<String, byte[]> undelivered,
                   DeliveryPolicy policy, ReplyclockMetrics metrics, Clock clock,
                   java.util.function.Supplier<Route> route, SilenceStore silences, Inhibition inhibition) {
        this.receiver = receiver;
        this.route = route;
        this.silences = silences;
        this.inhibition = inhibition;
        this.buffer = new GroupBuffer(clock);
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
        // The retry budget of a whole batch must fit in one poll interval.
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.breaker = CircuitBreaker.of(receiver.name(), CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(policy.openFor())
                .recordException(e -> e instanceof DeliveryException d && d.retryable())
                .build());
        IntervalBiFunction<Object> backoff = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof DeliveryException d && d.retryAfter() != null) {
                return d.retryAfter().toMillis(); // the receiver said when
            }
            if (outcome.isLeft() && outcome.getLeft() instanceof CallNotPermittedException) {
                return policy.openFor().toMillis() / 2; // the breaker is open: check again later
            }
            long exp = policy.initialBackoff().toMillis() << Math.min(20, attempt - 1);
            long capped = Math.min(exp, policy.maxBackoff().toMillis());
            return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1); // "equal jitter"
        };
        this.retry = Retry.of(receiver.name(), RetryConfig.custom()
                .maxAttempts(policy.attempts())
                .intervalBiFunction(backoff)
                .retryOnException(e -> e instanceof DeliveryException d ? d.retryable() : e instanceof CallNotPermittedException)
                .build());
        retry.getEventPublisher().onRetry(e -> metrics.deliveryRetry(receiver.name()));
        metrics.circuitState(receiver.name(), () -> breaker.getState().name().toLowerCase());
        metrics.deliveryQueue(receiver.name(), queueDepth::get);
        metrics.inhibited(receiver.name(), 0); // present on /metrics from the start
        metrics.grouped(receiver.name(), 0);
    }

    String receiverName() {
        return receiver.name();
    }

    KafkaConsumer<String, byte[]> consumer() {
        return consumer;
    }

    boolean isConsuming() {
        // A poll may wait for a whole batch's retries (max.poll.interval 30 min): older than that, it is stuck.
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
                long lag = records.count() + buffer.heldCount();
                for (TopicPartition tp : consumer.assignment()) {
                    lag += consumer.currentLag(tp).orElse(0);
                }
                queueDepth.set(lag);
                for (ConsumerRecord<String, byte[]> r : records) {
                    handle(r);
                    handledUpTo.put(r.partition(), r.offset() + 1);
                }
                for (AlertGroup due : buffer.takeDue()) {
                    deliverGroup(due, true);
                }
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

    /** Short polls, shorter still when a held group is due sooner. */
    private Duration pollTimeout() {
        return buffer.nextDue().map(due -> {
            Duration left = Duration.between(clock.instant(), due);
            return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_POLL) < 0 ? left : MAX_POLL;
        }).orElse(MAX_POLL);
    }

    /**
     * Commits, per partition, the offset after the last handled record, or the lowest offset still held in the
     * buffer if that is lower; the notification log is made durable first.
     */
    /**
     * @param async in the poll loop the next batch need not wait for the commit's round trip (a commit lost to
     *              a crash or a rebalance only means a redelivery, which the already durable log skips); on the
     *              way out the commit is synchronous
     */
    private void commitHandled(boolean async) {
        if (abandoned) {
            return;
        }
        Map<Integer, Long> held = buffer.lowestHeldOffsets();
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
        if (target == null) {
            return; // routed elsewhere
        }
        try (org.slf4j.MDC.MDCCloseable a = org.slf4j.MDC.putCloseable("alertId", alert.id());
             org.slf4j.MDC.MDCCloseable c = org.slf4j.MDC.putCloseable("conversationId", alert.conversationId())) {
            if (notificationLog.contains(alert.id())) {
                metrics.delivery(receiver.name(), "duplicate");
                return;
            }
            if (heldBack(alert)) {
                return;
            }
            buffer.offer(alert, target.grouping(), target.node(), new GroupBuffer.Position(r.partition(), r.offset()))
                    .ifPresent(now -> deliverGroup(now, false));
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
    private void deliverGroup(AlertGroup group, boolean waited) {
        List<Alert> members = waited ? group.alerts().stream().filter(a -> !heldBack(a)).toList() : group.alerts();
        if (members.isEmpty()) {
            return;
        }
        AlertGroup toSend = members.size() == group.alerts().size() ? group : new AlertGroup(group.key(), members);
        CheckedRunnable call = Retry.decorateCheckedRunnable(retry,
                CircuitBreaker.decorateCheckedRunnable(breaker, () -> receiver.deliver(toSend)));
        try {
            call.run();
            Instant now = clock.instant();
            for (Alert a : members) {
                metrics.deliveryLatency(receiver.name(), Duration.between(a.createdAt(), now));
                metrics.delivery(receiver.name(), "sent");
                notificationLog.record(a.id(), now);
            }
            if (members.size() > 1) {
                metrics.grouped(receiver.name(), members.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
            abandoned = true; // neither delivered nor given up: no commit may pass it
        } catch (Throwable e) {
            members.forEach(a -> giveUp(a, e));
        }
    }

    private void giveUp(Alert alert, Throwable e) {
        String reason = e instanceof DeliveryException d ? (d.retryable() ? "retries-exhausted" : "refused")
                : e instanceof CallNotPermittedException ? "circuit-open" : "error";
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
