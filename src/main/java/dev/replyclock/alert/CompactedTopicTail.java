package dev.replyclock.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic (String keys) from its beginning on a daemon thread and hands every record, tombstones
 * included, to a callback, for as long as it runs; {@link #awaitLoaded} tells when it has read up to the end
 * offsets the topic had when the tail started. Outside Kafka Streams (whose GlobalKTable needs a Streams app)
 * the Kafka clients have no such "table into memory" reader, hence this small one. No consumer group: every
 * instance reads everything, committed records only.
 */
public final class CompactedTopicTail<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicTail.class);

    private final String topic;
    private final Consumer<ConsumerRecord<String, V>> onRecord;
    private final String whenUnreadable;
    private final KafkaConsumer<String, V> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread thread;

    /**
     * @param threadName     the name of the tailing thread
     * @param onRecord       called on the tailing thread for each record in offset order; it handles its own
     *                       bad records (an exception escaping it stops the tail)
     * @param whenUnreadable what the operator loses when the topic cannot be read, for the error log
     */
    public CompactedTopicTail(Properties client, String topic, Deserializer<V> values, String threadName,
                              Consumer<ConsumerRecord<String, V>> onRecord, String whenUnreadable) {
        this.topic = topic;
        this.onRecord = onRecord;
        this.whenUnreadable = whenUnreadable;
        Properties c = new Properties();
        c.putAll(client);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), values);
        this.thread = new Thread(this::tail, threadName);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Waits (up to {@code wait}) until the topic has been read to its end as of the start.
     *
     * @return false when it was not in time (the tail goes on); true also when the tail stopped on an error
     */
    public boolean awaitLoaded(Duration wait) {
        try {
            return loaded.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void tail() {
        try {
            List<TopicPartition> parts = partitions(Duration.ofSeconds(30));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (running.get()) {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
                    onRecord.accept(r);
                }
                if (loaded.getCount() > 0 && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    log.debug("{} read to its end", topic);
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the topic {} cannot be read: {}", topic, whenUnreadable, e);
        } finally {
            loaded.countDown();
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The topic's partitions; a topic created a moment ago may have none in the metadata yet, so ask again. */
    private List<TopicPartition> partitions(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, wait).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            if (!parts.isEmpty() || System.nanoTime() > deadline || !running.get()) {
                if (parts.isEmpty()) {
                    throw new IllegalStateException("the topic " + topic + " has no partitions after " + wait);
                }
                return parts;
            }
            try {
                Thread.sleep(100); // a back-off between metadata requests, not a wait for an effect
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
    }

    /** True when the tail ended on an error, not by {@link #close}: the topic is no longer read. */
    public boolean failed() {
        return running.get() && thread.getState() == Thread.State.TERMINATED;
    }

    public String threadName() {
        return thread.getName();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
