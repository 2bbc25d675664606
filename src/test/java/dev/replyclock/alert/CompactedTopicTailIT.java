package dev.replyclock.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
import dev.replyclock.testing.TestBroker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compacted-topic tail behind {@link SilenceStore} and {@link OverloadStore}, on a real broker: it reads
 * from the beginning, tombstones included, says when it has read to the end, and keeps reading afterwards.
 */
class CompactedTopicTailIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();
    private static Properties client;

    @BeforeAll
    static void client() {
        client = broker.client();
    }

    private static String compacted(String topic, int partitions) {
        TopicSetup.ensure(client, Map.of(topic, partitions), Duration.ofSeconds(60),
                Map.of(topic, Map.of("cleanup.policy", "compact")));
        return topic;
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static CompactedTopicTail<String> tail(String topic, List<String> seen) {
        return new CompactedTopicTail<>(client, topic, new StringDeserializer(), "test-tail",
                r -> seen.add(r.key() + "=" + r.value()), "nothing");
    }

    @Test
    void aTailThatEndsOnAnErrorSaysSoAndAClosedOneDoesNot() throws Exception {
        String topic = compacted("tail-failing", 1);
        send(topic, "a", "1");
        CompactedTopicTail<String> failing = new CompactedTopicTail<>(client, topic, new StringDeserializer(),
                "test-tail-failing", r -> {
                    throw new IllegalStateException("a callback that cannot take the record");
                }, "nothing");
        failing.start();
        await().atMost(Duration.ofSeconds(30)).until(failing::failed);
        assertEquals("test-tail-failing", failing.threadName());
        failing.close();

        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CompactedTopicTail<String> healthy = tail(topic, seen);
        healthy.start();
        assertTrue(healthy.awaitLoaded(Duration.ofSeconds(30)));
        assertFalse(healthy.failed());
        healthy.close();
        assertFalse(healthy.failed(), "closed on purpose is not a failure");
    }

    @Test
    void readsEverythingFromTheBeginningTombstonesIncludedBeforeSayingItIsLoaded() throws Exception {
        String topic = compacted("tail-existing", 1);
        send(topic, "a", "1");
        send(topic, "b", "2");
        send(topic, "a", null);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (CompactedTopicTail<String> tail = tail(topic, seen)) {
            tail.start();
            assertTrue(tail.awaitLoaded(Duration.ofSeconds(30)), "read to its end");
            assertEquals(List.of("a=1", "b=2", "a=null"), List.copyOf(seen));
        }
    }

    @Test
    void anEmptyTopicOfSeveralPartitionsIsLoadedAtOnceAndLaterRecordsStillArrive() throws Exception {
        String topic = compacted("tail-empty", 3);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (CompactedTopicTail<String> tail = tail(topic, seen)) {
            tail.start();
            assertTrue(tail.awaitLoaded(Duration.ofSeconds(30)), "read to its end");
            assertEquals(List.of(), List.copyOf(seen));
            send(topic, "late", "x");
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("late=x"));
        }
    }

    @Test
    void notLoadedBeforeItIsStarted() {
        String topic = compacted("tail-unstarted", 1);
        try (CompactedTopicTail<String> tail = tail(topic, new ArrayList<>())) {
            assertFalse(tail.awaitLoaded(Duration.ofMillis(100)));
        }
    }

    @Test
    void aSilenceMadeByOneInstanceMutesInAnotherStartedLaterUntilItIsDeleted() throws Exception {
        String topic = compacted("tail-silences", 1);
        Alert complaint = Alert.about("c-1").kind(AlertKind.BREACH).tier(Tier.COMPLAINT).channel("email")
                .openedAt(Instant.now()).deadline(Instant.now()).createdAt(Instant.now()).build();
        try (SilenceStore first = new SilenceStore(client, topic, Clock.systemUTC())) {
            first.start();
            Silence s = first.create(new ObjectMapper().readTree(
                    "{\"matchers\": {\"tier\": \"complaint\"}, \"duration\": \"1h\"}"), "lead");
            try (SilenceStore second = new SilenceStore(client, topic, Clock.systemUTC())) {
                second.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> second.mutes(complaint));
                assertEquals(List.of(s), second.all());
                assertTrue(first.delete(s.id()));
                await().atMost(Duration.ofSeconds(10)).until(() -> !second.mutes(complaint));
                assertEquals(List.of(), second.all());
            }
        }
    }
}
