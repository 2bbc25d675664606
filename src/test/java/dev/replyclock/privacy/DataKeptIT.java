package dev.replyclock.privacy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.cli.Daemon;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.kafka.ReplyclockTopology;
import dev.replyclock.model.MutableClock;
import dev.replyclock.testing.InProcessDaemon;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the broker keeps of a customer, read back from the broker of a running daemon: the dead letters (no
 * phone number, e-mail address or text of a record that decoded; only a redacted preview of one that did not)
 * and the configs of every topic that holds state or carries it (erased values gone within
 * {@code privacy.erasure-bound}, dead letters kept {@code kafka.topics.dead-letter-retention}).
 */
class DataKeptIT {

    private static final String PHONE = "+33 6 98 76 54 32";
    private static final String EMAIL = "planted.secret@example.org";
    private static final String TEXT = "Zorglub-planted-sentence";
    private static final List<String> SECRETS = List.of(PHONE, "698765432", "6 98 76 54 32", EMAIL);
    private static final Duration BOUND = Duration.ofDays(2);
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(3);

    @TempDir
    static Path work;

    private static ReplyclockConfig config;
    private static Daemon daemon;

    @BeforeAll
    static void startDaemon() throws Exception {
        // ingest.rekey: strict, so that a record keyed by a phone number is a key-mismatch dead letter (with auto,
        // the default, it is re-keyed: RekeyIT, which also checks the rekey topic's bounded configs).
        config = ConfigLoader.builtIn(InProcessDaemon.settings(work, Map.of(
                "privacy.erasure-bound", "2d", "kafka.topics.dead-letter-retention", "3d", "ingest.rekey", "strict")));
        daemon = Daemon.start(config, new MutableClock(Instant.parse("2026-11-24T09:00:00Z")),
                new PrintStream(PrintStream.nullOutputStream()));
        await().atMost(Duration.ofSeconds(60)).until(() -> daemon.readiness().ready());
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void aDeadLetterKeepsWhatFixesTheProducerAndNoPhoneNumberEmailOrText() throws Exception {
        String sentence = TEXT + " mon colis est arrivé cassé, appelez le " + PHONE + " ou " + EMAIL;
        byte[] decoded = ("{\"messageId\":\"m-dk\",\"conversationId\":\"dk-1\",\"direction\":\"inbound\","
                + "\"channel\":\"sms\",\"from\":\"" + PHONE + "\",\"text\":\"" + sentence + "\","
                + "\"sentAt\":\"2026-11-24T10:00:00+01:00\",\"team\":\"billing\"}").getBytes(StandardCharsets.UTF_8);
        byte[] undecoded = ("{oops " + PHONE + " " + EMAIL).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = InProcessDaemon.producer(daemon)) {
            // Keyed by the customer's number instead of the conversation: a key-mismatch, decoded.
            ProducerRecord<String, byte[]> mismatched = new ProducerRecord<>(config.kafka().topics().messages(), PHONE,
                    decoded);
            mismatched.headers().add("x-customer-email", EMAIL.getBytes(StandardCharsets.UTF_8));
            producer.send(mismatched).get();
            producer.send(new ProducerRecord<>(config.kafka().topics().messages(), "dk-2", undecoded)).get();
        }
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            letters.clear();
            letters.addAll(deadLetters());
            return letters.size() >= 2;
        });

        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            List<String> kept = new ArrayList<>();
            kept.add(letter.key() == null ? "" : utf8(letter.key()));
            kept.add(utf8(letter.value()));
            for (Header h : letter.headers()) {
                kept.add(h.key() + "=" + utf8(h.value()));
            }
            for (String secret : SECRETS) {
                kept.forEach(k -> assertFalse(k.contains(secret), "a dead letter keeps '" + secret + "': " + kept));
            }
        }
        ConsumerRecord<byte[], byte[]> mismatch = byReason(letters, "key-mismatch");
        JsonNode envelope = new ObjectMapper().readTree(mismatch.value());
        assertEquals("m-dk", envelope.path("messageId").asText());
        assertEquals("dk-1", envelope.path("conversationId").asText());
        assertEquals("inbound", envelope.path("direction").asText());
        assertEquals("sms", envelope.path("channel").asText());
        assertEquals("2026-11-24T10:00+01:00", envelope.path("sentAt").asText());
        assertEquals("billing", envelope.path("team").asText());
        assertTrue(envelope.path("from").asText().startsWith("cust_"), "the customer as a pseudonym: " + envelope);
        assertEquals(sentence.length(), envelope.path("textChars").asInt());
        assertFalse(utf8(mismatch.value()).contains(TEXT), "no text of a record that decoded");
        assertEquals("[phone]", utf8(mismatch.key()), "the key it had, redacted");
        assertEquals("the record key must be the conversationId", header(mismatch, "replyclock.dlq.detail"));
        assertEquals(config.kafka().topics().messages(), header(mismatch, "replyclock.dlq.topic"));
        assertNotNull(header(mismatch, "replyclock.dlq.offset"));
        assertEquals(null, header(mismatch, "replyclock.dlq.preview"), "no preview of a record that decoded");
        assertEquals(null, header(mismatch, "x-customer-email"), "not the producer's headers");

        ConsumerRecord<byte[], byte[]> notJson = byReason(letters, "not-json");
        JsonNode preview = new ObjectMapper().readTree(notJson.value());
        assertEquals("{oops [phone] [email]", preview.path("preview").asText());
        assertEquals(undecoded.length, preview.path("bytes").asInt());
    }

    @Test
    void everyStateAndInternalTopicKeepsAnErasedValueAtMostTheErasureBound() throws Exception {
        String half = String.valueOf(BOUND.dividedBy(2).toMillis());
        String app = config.kafka().applicationId();
        var t = config.kafka().topics();
        // Written by others, bounded by their owners' retention (deploy/README.md, "Topic retention").
        Set<String> theirs = Set.of(t.messages(), t.alerts(), t.undelivered());
        Map<String, Map<String, String>> configs = new HashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, daemon.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> !name.startsWith("__") && !theirs.contains(name))
                    .collect(Collectors.toCollection(TreeSet::new));
            List<ConfigResource> resources = topics.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> described = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            described.forEach((r, c) -> {
                Map<String, String> values = new HashMap<>();
                c.entries().forEach(e -> values.put(e.name(), e.value()));
                configs.put(r.name(), values);
            });
        }
        Set<String> expected = new TreeSet<>(Set.of(t.deadLetter(), t.notificationLog(), t.silences(), t.overload(),
                t.privacyRequests(), t.privacyResults(), app + "-team-load", app + "-customer-index",
                app + "-conversation-erase"));
        for (String store : List.of(ReplyclockTopology.CLOCKS_STORE,
                ReplyclockTopology.CUSTOMER_INDEX_STORE, ReplyclockTopology.CUSTOMER_INDEX_EXPIRY_STORE,
                ReplyclockTopology.TEAM_OPEN_STORE, ReplyclockTopology.TEAM_OVERLOAD_STORE,
                ReplyclockTopology.TEAM_DIGEST_STORE)) {
            expected.add(app + "-" + store + "-changelog");
        }
        assertTrue(configs.keySet().containsAll(expected), "missing: " + expected.stream()
                .filter(n -> !configs.containsKey(n)).toList());

        Map<String, String> dlq = configs.remove(t.deadLetter());
        assertEquals(String.valueOf(DEAD_LETTER_RETENTION.toMillis()), dlq.get("retention.ms"));
        assertEquals(half, dlq.get("segment.ms"));
        configs.forEach((topic, c) -> {
            assertEquals(half, c.get("segment.ms"), topic + " segment.ms");
            assertEquals(half, c.get("max.compaction.lag.ms"), topic + " max.compaction.lag.ms");
            if (!c.get("cleanup.policy").contains("compact")) {
                assertTrue(Long.parseLong(c.get("retention.ms")) <= Long.parseLong(half),
                        topic + " keeps records " + c.get("retention.ms") + " ms");
            }
        });
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        String topic = config.kafka().topics().deadLetter();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, daemon.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            while (c.position(tp) < end) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    private static ConsumerRecord<byte[], byte[]> byReason(List<ConsumerRecord<byte[], byte[]>> letters, String reason) {
        return letters.stream().filter(r -> reason.equals(header(r, "replyclock.dlq.reason"))).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + reason));
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? null : utf8(h.value());
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
