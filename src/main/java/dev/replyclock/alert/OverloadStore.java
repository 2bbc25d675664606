package dev.replyclock.alert;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the compacted overload topic ({@code kafka.topics.overload}: key = team, value = the overload alert's
 * JSON, level 1 firing, level 0 or a tombstone over) into an {@link OverloadState}, like {@link SilenceStore}
 * does for silences, so that a restarted notifier knows at once which teams are overloaded.
 */
public final class OverloadStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OverloadStore.class);

    private final String topic;
    private final OverloadState state;
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread tail;

    public OverloadStore(Properties client, String topic, OverloadState state) {
        this.topic = topic;
        this.state = state;
        Properties c = new Properties();
        c.putAll(client);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        this.tail = new Thread(this::tail, "replyclock-overload");
        tail.setDaemon(true);
    }

    /**
     * Starts tailing and waits (up to {@code wait}) until the topic has been read to its end, so that the
     * receivers start with the current overload state.
     *
     * @return false when the topic was not read to its end in time (the tail goes on)
     */
    public boolean start(Duration wait) {
        tail.start();
        try {
            return loaded.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public OverloadState state() {
        return state;
    }

    private void tail() {
        try {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    apply(r);
                }
                if (loaded.getCount() > 0 && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    log.debug("overload state loaded: {} team(s) firing", state.firingTeams().size());
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the overload topic {} cannot be read: inhibition now learns only from the alerts topic", topic, e);
        } finally {
            loaded.countDown();
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            state.over(r.key(), Instant.ofEpochMilli(r.timestamp()));
            return;
        }
        try {
            Alert a = AlertJson.fromBytes(r.value());
            if (a.kind() == AlertKind.OVERLOAD) {
                state.update(r.key(), a.level() >= 1, a.createdAt());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("skipping an unreadable overload record at {}-{}@{} ({} bytes): {}", r.topic(), r.partition(),
                    r.offset(), r.value().length, e.getMessage());
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            tail.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
