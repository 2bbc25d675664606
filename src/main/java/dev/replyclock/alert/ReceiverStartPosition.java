package dev.replyclock.alert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a receiver added by a reload starts: a consumer group with no committed offsets would start at the
 * beginning of the alerts topic (the workers' {@code auto.offset.reset} is {@code earliest}, right for a first
 * start and for a group whose offsets were lost) and page people about days-old alerts. So a group that has
 * never committed gets the current end of the topic (the last committed alert, as {@code read_committed}
 * sees it) committed before its worker starts; a group with offsets keeps them.
 */
final class ReceiverStartPosition {

    private static final Logger log = LoggerFactory.getLogger(ReceiverStartPosition.class);
    private static final long TIMEOUT_SECONDS = 30;

    private ReceiverStartPosition() {
    }

    static void atEndIfNew(Properties client, String groupId, String alertsTopic) {
        try (Admin admin = Admin.create(client)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (committed.values().stream().anyMatch(o -> o != null)) {
                return;
            }
            List<TopicPartition> partitions = admin.describeTopics(List.of(alertsTopic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(alertsTopic).partitions().stream()
                    .map(p -> new TopicPartition(alertsTopic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            ends.forEach((tp, info) -> start.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(groupId, start).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("new receiver group {} starts at the end of {}", groupId, alertsTopic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while placing " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot place the new receiver group " + groupId + " at the end of "
                    + alertsTopic + ": " + e.getMessage(), e);
        }
    }
}
