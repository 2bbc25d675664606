package dev.replyclock.kafka;

import dev.replyclock.config.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates replyclock's topics when they are missing and waits until every partition has a leader.
 * The wait matters: producing right after creation can stall for minutes (KAFKA-15591), and
 * {@code describeTopics} can report a partition before it accepts writes; {@code listOffsets} answers
 * only once each partition is really led.
 */
public final class TopicSetup {

    /** The retention of the topics that only carry erasure requests and the customer index to their processor. */
    static final Duration PRIVACY_TRANSIT = Duration.ofDays(7);

    private TopicSetup() {
    }

    /**
     * @param erasureBound {@code privacy.erasure-bound}: every compacted and internal topic is configured so that
     *                     an erased or expired value is gone from the broker within it ({@link TopicConfigs})
     */
    public static void ensureTopics(String bootstrapServers, KafkaSettings kafka, Duration erasureBound,
                                    Duration timeout) {
        Map<String, Integer> wanted = new HashMap<>();
        wanted.put(kafka.topics().messages(), kafka.partitions());
        wanted.put(kafka.topics().alerts(), kafka.partitions());
        wanted.put(kafka.topics().deadLetter(), 1);
        wanted.put(kafka.topics().undelivered(), 1);
        wanted.put(kafka.topics().notificationLog(), kafka.partitions());
        wanted.put(kafka.topics().silences(), 1);
        wanted.put(kafka.topics().overload(), 1);
        // The SLA processor -> team view topic (key = team). One partition: teams are few and their changes
        // small, so one task holds the whole team view (each team's changes in order) and the app starts with
        // one team task and its changelogs instead of one per messages partition.
        wanted.put(ReplyclockTopology.teamLoadTopic(kafka.applicationId()), 1);
        if (kafka.rekey()) {
            // Messages re-keyed by conversationId: co-partitioned with the messages topic, which the same task reads.
            wanted.put(ReplyclockTopology.rekeyTopic(kafka.applicationId()), kafka.partitions());
        }
        wanted.put(kafka.topics().privacyRequests(), kafka.partitions());
        wanted.put(kafka.topics().privacyResults(), 1);
        // The erasure's internal topics: the customer index co-partitioned with the requests, erase commands
        // with the messages (both privacy-requests and messages have kafka.partitions partitions).
        wanted.put(PrivacyOptions.customerIndexTopic(kafka.applicationId()), kafka.partitions());
        wanted.put(PrivacyOptions.eraseTopic(kafka.applicationId()), kafka.partitions());
        ensure(kafka.clientConfig(bootstrapServers), wanted, timeout, configs(kafka, erasureBound));
    }

    /** The configs of the topics that need some; the messages, alerts and undelivered topics are their owners'. */
    static Map<String, Map<String, String>> configs(KafkaSettings kafka, Duration erasureBound) {
        TopicConfigs c = new TopicConfigs(erasureBound);
        String app = kafka.applicationId();
        return Map.of(kafka.topics().notificationLog(), c.compactedFor(Duration.ofDays(7)),
                kafka.topics().silences(), c.compacted(),
                kafka.topics().overload(), c.compacted(),
                kafka.topics().deadLetter(), c.deadLetters(kafka.deadLetterRetention()),
                ReplyclockTopology.teamLoadTopic(app), c.transit(PRIVACY_TRANSIT),
                // Pseudonyms and conversation ids in transit: a week covers a daemon that was down, unless the
                // erasure bound is shorter; the results name the customer and its conversations.
                kafka.topics().privacyRequests(), c.transit(PRIVACY_TRANSIT),
                kafka.topics().privacyResults(), c.transit(Duration.ofDays(30)),
                PrivacyOptions.customerIndexTopic(app), c.transit(PRIVACY_TRANSIT),
                PrivacyOptions.eraseTopic(app), c.transit(PRIVACY_TRANSIT),
                // Customer messages in transit (ingest.rekey: auto), as large as the messages topic takes them.
                ReplyclockTopology.rekeyTopic(app), c.messagesInTransit(PRIVACY_TRANSIT));
    }

    public static void ensure(String bootstrapServers, Map<String, Integer> partitionsByTopic, Duration timeout) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        ensure(p, partitionsByTopic, timeout, Map.of());
    }

    /**
     * @param client  the admin client's settings: bootstrap servers and, for a secured cluster, TLS/SASL
     * @param configs topic configs of the topics that need some (the notification log is compacted)
     */
    public static void ensure(Properties client, Map<String, Integer> partitionsByTopic, Duration timeout,
                              Map<String, Map<String, String>> configs) {
        Properties p = new Properties();
        p.putAll(client);
        String bootstrapServers = p.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> toCreate = new ArrayList<>();
            partitionsByTopic.forEach((topic, partitions) -> {
                if (!existing.contains(topic)) {
                    toCreate.add(new NewTopic(topic, Optional.of(partitions), Optional.empty())
                            .configs(configs.getOrDefault(topic, Map.of())));
                }
            });
            if (!toCreate.isEmpty()) {
                try {
                    admin.createTopics(toCreate).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(admin, partitionsByTopic.keySet(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create or find the topics " + partitionsByTopic.keySet()
                    + " at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private static void awaitLeaders(Admin admin, Set<String> topics, long deadlineNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                        .get(remainingMillis(deadlineNanos), TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                described.values().forEach(d -> d.partitions().forEach(
                        pi -> latest.put(new TopicPartition(d.name(), pi.partition()), OffsetSpec.latest())));
                admin.listOffsets(latest).all().get(remainingMillis(deadlineNanos), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadlineNanos) {
                    throw e;
                }
                Thread.sleep(100); // a partition without a leader yet: ask again shortly
            }
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
