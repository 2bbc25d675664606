package dev.replyclock.alert;

import dev.replyclock.ops.ReplyclockMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code support.alerts} in its own consumer group and hands each alert to every receiver, at least
 * once: offsets are committed only after delivery, and it reads only committed alerts
 * ({@code read_committed}), so an alert of an aborted transaction is never sent. Deduplication by alert id
 * and receiver keeps a re-read alert from being sent twice while this process lives.
 *
 * <p>Thin on purpose for now (see the delivery issue): routing, per-receiver queues, a circuit breaker and a
 * notification log on a compacted topic come next; today a failing receiver is retried a few times, then
 * the alert is counted as failed for it and the others go on.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final int ATTEMPTS = 3;
    private static final int REMEMBERED = 100_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final List<Receiver> receivers;
    private final ReplyclockMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Map<String, Boolean> delivered = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile long lastPollNanos;

    public Notifier(String bootstrapServers, String groupId, String topic, List<Receiver> receivers,
                    ReplyclockMetrics metrics) {
        this(props(bootstrapServers), groupId, topic, receivers, metrics);
    }

    private static Properties props(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

    /** @param client the consumer's connection settings: bootstrap servers and, for a secured cluster, TLS/SASL */
    public Notifier(Properties client, String groupId, String topic, List<Receiver> receivers,
                    ReplyclockMetrics metrics) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.receivers = List.copyOf(receivers);
        this.metrics = metrics;
        this.thread = new Thread(this::run, "replyclock-notifier");
    }

    public KafkaConsumer<String, byte[]> consumer() {
        return consumer;
    }

    public void start() {
        thread.start();
    }

    /** True while the loop polls: the readiness probe's half of "the notifier is consuming". */
    public boolean isConsuming() {
        return thread.isAlive() && System.nanoTime() - lastPollNanos < Duration.ofSeconds(15).toNanos();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                lastPollNanos = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : records) {
                    handle(r);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("the notifier stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        Alert alert;
        try {
            alert = AlertJson.fromBytes(r.value());
        } catch (IOException e) {
            log.warn("skipping an unreadable alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                    e.getMessage());
            return;
        }
        for (Receiver receiver : receivers) {
            String key = alert.id() + '/' + receiver.name();
            if (delivered.containsKey(key)) {
                metrics.delivery(receiver.name(), "duplicate");
                continue;
            }
            if (deliverWithRetries(receiver, alert)) {
                delivered.put(key, Boolean.TRUE);
                metrics.delivery(receiver.name(), "sent");
            } else {
                metrics.delivery(receiver.name(), "failed");
            }
        }
    }

    private boolean deliverWithRetries(Receiver receiver, Alert alert) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                receiver.deliver(alert);
                return true;
            } catch (Exception e) {
                log.warn("receiver {} failed on alert {} (attempt {}/{}): {}", receiver.name(), alert.id(),
                        attempt, ATTEMPTS, e.toString());
                if (attempt < ATTEMPTS && !sleep(200L << attempt)) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(5));
            receivers.forEach(Receiver::close);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        receivers.forEach(Receiver::close);
    }
}
