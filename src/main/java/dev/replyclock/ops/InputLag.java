package dev.replyclock.ops;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of the input topic that the Streams app's consumer group has not processed yet: per partition the
 * end offset minus the committed offset (from the start of the log where nothing is committed), summed. Read
 * from the broker by an Admin client on its own thread, not from the Streams consumer: the consumer's
 * {@code records-lag-max} is only measured when it fetches, so it goes blank (NaN) or vanishes exactly when the
 * app is stuck or dead, while this one keeps growing. Unknown (NaN) until the first measurement succeeds, and
 * again when the broker does not answer.
 */
public final class InputLag implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InputLag.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;
    private final String groupId;
    private final String topic;
    private final ScheduledExecutorService measures = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "replyclock-input-lag");
        t.setDaemon(true);
        return t;
    });
    private volatile double records = Double.NaN;

    /**
     * @param groupId the Streams app's group (its application id)
     * @param topic   the input topic ({@code kafka.topics.messages})
     */
    public InputLag(Properties client, String groupId, String topic, Duration every) {
        this.groupId = groupId;
        this.topic = topic;
        Properties p = new Properties();
        p.putAll(client);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "replyclock-input-lag");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(p);
        measures.scheduleWithFixedDelay(this::measure, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last measurement, NaN when unknown. */
    public double records() {
        return records;
    }

    private void measure() {
        try {
            records = lag();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            records = Double.NaN;
            log.debug("input lag not measured: {}", e.toString());
        }
    }

    private long lag() throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            lag += Math.max(0, end.get(tp) - (c == null ? start.get(tp) : c.offset()));
        }
        return lag;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> found = admin.listOffsets(request).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        measures.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
