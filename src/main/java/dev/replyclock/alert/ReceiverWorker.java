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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery pipeline of one receiver, on its own thread and in its own consumer group
 * ({@code <application-id>-notifier-<receiver>}), so that a slow or dead receiver only delays itself:
 * read alert -> notification log (skip what was delivered) -> retry with backoff and jitter around a
 * circuit breaker -> record in the notification log -> commit. After the retry budget the alert goes to
 * the undelivered topic with the reason, and the worker moves on.
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
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile long lastPollNanos;
    private volatile boolean polled;
    private final java.util.concurrent.atomic.AtomicLong queueDepth = new java.util.concurrent.atomic.AtomicLong();

    ReceiverWorker(Receiver receiver, Properties client, String groupId, String alertsTopic, String undeliveredTopic,
                   NotificationLog notificationLog, KafkaProducer<String, byte[]> undelivered,
                   DeliveryPolicy policy, ReplyclockMetrics metrics, Clock clock,
                   java.util.function.Supplier<Route> route, SilenceStore silences) {
        this.receiver = receiver;
        this.route = route;
        this.silences = silences;
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

    @Override
    public void run() {
        try {
            notificationLog.load(client);
            consumer.subscribe(List.of(alertsTopic));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                lastPollNanos = System.nanoTime();
                polled = true;
                // This receiver's queue is its consumer group's lag on the alerts topic.
                long lag = records.count();
                for (org.apache.kafka.common.TopicPartition tp : consumer.assignment()) {
                    lag += consumer.currentLag(tp).orElse(0);
                }
                queueDepth.set(lag);
                for (ConsumerRecord<String, byte[]> r : records) {
                    handle(r);
                }
                if (!records.isEmpty()) {
                    flushLog();
                    // Asynchronous: the next batch need not wait for the commit's round trip. A commit lost to
                    // a crash or a rebalance only means a redelivery, which the (already durable) log skips.
                    consumer.commitAsync((offsets, e) -> {
                        if (e != null) {
                            log.debug("receiver {}: offset commit failed, the log covers it: {}", receiver.name(), e.toString());
                        }
                    });
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                log.error("receiver {} stopped", receiver.name(), e);
            }
        } catch (RuntimeException e) {
            log.error("receiver {} stopped", receiver.name(), e);
        } finally {
            running.set(false);
            // close() waits for the async commits in flight; no commit of the positions here: after an error
            // they may cover alerts not yet delivered.
            consumer.close(Duration.ofSeconds(5));
        }
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
        if (!route.get().receiversFor(alert).contains(receiver.name())) {
            return; // routed elsewhere
        }
        try (org.slf4j.MDC.MDCCloseable a = org.slf4j.MDC.putCloseable("alertId", alert.id());
             org.slf4j.MDC.MDCCloseable c = org.slf4j.MDC.putCloseable("conversationId", alert.conversationId())) {
            deliverOnce(alert);
        }
    }

    private void deliverOnce(Alert alert) {
        if (notificationLog.contains(alert.id())) {
            metrics.delivery(receiver.name(), "duplicate");
            return;
        }
        if (silences != null && silences.mutes(alert)) {
            metrics.silenced(receiver.name());
            notificationLog.record(alert.id(), clock.instant()); // muted is done: not sent later by a restart
            return;
        }
        CheckedRunnable call = Retry.decorateCheckedRunnable(retry,
                CircuitBreaker.decorateCheckedRunnable(breaker, () -> receiver.deliver(alert)));
        try {
            call.run();
            metrics.deliveryLatency(receiver.name(), Duration.between(alert.createdAt(), clock.instant()));
            metrics.delivery(receiver.name(), "sent");
            notificationLog.record(alert.id(), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        } catch (Throwable e) {
            giveUp(alert, e);
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
