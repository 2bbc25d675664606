package dev.replyclock.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The {@link DeliveryLog} of one receiver on a compacted Kafka topic keyed {@code receiver/alertId}: read at
 * start, consulted before sending, written after a successful send, so that a restart or a rebalance does not
 * send again what a receiver already has.
 */
final class NotificationLog implements DeliveryLog {

    private final String topic;
    private final String receiver;
    private final KafkaProducer<String, String> producer;
    private final List<java.util.concurrent.Future<?>> pending = new java.util.ArrayList<>();
    /** The newest deliveries; older ones are beyond any redelivery a rebalance or restart could cause. */
    private static final int REMEMBERED = 200_000;
    private final Set<String> delivered = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    NotificationLog(String topic, String receiver, KafkaProducer<String, String> producer) {
        this.topic = topic;
        this.receiver = receiver;
        this.producer = producer;
    }

    /** Reads the topic to its current end; entries of other receivers are skipped. */
    void load(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String prefix = receiver + "/";
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        delivered.add(r.key().substring(prefix.length()));
                    }
                }
            }
        }
    }

    @Override
    public boolean contains(String alertId) {
        return delivered.contains(alertId);
    }

    /**
     * Records a delivery; the write is asynchronous, and {@link #flush} makes every recorded delivery durable
     * before the consumer offset moves on.
     */
    @Override
    public void record(String alertId, Instant at) {
        pending.add(producer.send(new ProducerRecord<>(topic, receiver + "/" + alertId, at.toString())));
        delivered.add(alertId);
    }

    @Override
    public void flush() throws ExecutionException, InterruptedException, TimeoutException {
        for (java.util.concurrent.Future<?> f : pending) {
            f.get(30, TimeUnit.SECONDS);
        }
        pending.clear();
    }
}
