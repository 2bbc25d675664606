package dev.replyclock.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.cli.Daemon;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.testing.TestBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable timers: deadlines live in Kafka (changelogged stores), not in a process. A daemon that stops with
 * deadlines pending and comes back with an empty local state, or an instance that leaves a group of two,
 * loses no deadline and fires none twice. The broker runs apart from the daemons so it outlives them.
 */
class RestartIT {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final TestBroker broker = new TestBroker();
    @TempDir
    static Path work;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(broker.client(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    private static ReplyclockConfig config(String app, String instance) throws Exception {
        return ConfigLoader.builtIn(Map.of(
                "kafka.bootstrap-servers", broker.bootstrapServers(),
                "kafka.application-id", app,
                "kafka.topics.messages", app + ".messages",
                "kafka.topics.alerts", app + ".alerts",
                "kafka.topics.dead-letter", app + ".dlq",
                "kafka.state-dir", work.resolve(app + "-" + instance).toString(),
                "http.port", "0",
                "privacy.pseudonym-key-file", work.resolve("pseudonym.key").toString(),
                "alerts.receivers", "[{name: file, type: log, path: '" + work.resolve(app + "-" + instance + ".jsonl") + "'}]"));
    }

    @Test
    void pendingDeadlinesFireOnceAfterARestartWithEmptyLocalState() throws Exception {
        MutableClock clock = new MutableClock(T0);
        ReplyclockConfig cfg = config("restart", "a");
        List<String> conversations = conversations(30);
        Daemon first = Daemon.start(cfg, clock, quiet());
        try {
            conversations.forEach(c -> send(cfg, c, "Le produit est arrivé cassé, c'est inadmissible", clock.instant()));
            await().atMost(WAIT).until(() -> alerts(cfg, AlertKind.SIGNAL).keySet().containsAll(conversations));
        } finally {
            first.close();
        }
        // Lose the local RocksDB state: the next instance must rebuild the clocks from the changelogs.
        deleteRecursively(cfg.kafka().stateDir());
        clock.advance(Duration.ofMinutes(2)); // every complaint deadline passes while no daemon runs

        Daemon second = Daemon.start(cfg, clock, quiet());
        try {
            await().atMost(WAIT).until(() -> alerts(cfg, AlertKind.BREACH).keySet().containsAll(conversations));
            clock.advance(Duration.ofSeconds(1));
            Map<String, Integer> breaches = alerts(cfg, AlertKind.BREACH);
            conversations.forEach(c -> assertEquals(1, breaches.get(c), "one breach for " + c));
            assertEquals(Set.copyOf(conversations), Set.copyOf(alerts(cfg, AlertKind.SIGNAL).keySet()).stream()
                    .filter(conversations::contains).collect(Collectors.toSet()));
            alerts(cfg, AlertKind.SIGNAL).forEach((c, n) -> assertEquals(1, n, "signal not repeated for " + c));
        } finally {
            second.close();
        }
    }

    @Test
    void twoInstancesShareTheConversationsAndASurvivorTakesOverTheTimers() throws Exception {
        MutableClock clock = new MutableClock(T0);
        ReplyclockConfig a = config("shared", "a");
        ReplyclockConfig b = config("shared", "b");
        List<String> conversations = conversations(30);
        Daemon first = Daemon.start(a, clock, quiet());
        Daemon second = Daemon.start(b, clock, quiet());
        try {
            await().atMost(WAIT).until(() -> first.readiness().ready() && second.readiness().ready());
            conversations.forEach(c -> send(a, c, "URGENT: where is my order?", clock.instant()));
            await().atMost(WAIT).until(() -> alerts(a, AlertKind.SIGNAL).keySet().containsAll(conversations));
            await().atMost(WAIT).until(() -> open(first) + open(second) == conversations.size());
            assertTrue(open(first) > 0 && open(second) > 0,
                    "both instances own conversations: " + open(first) + " / " + open(second));
        } finally {
            second.close();
        }
        try {
            clock.advance(Duration.ofMinutes(6)); // past every urgent deadline: the survivor must fire them all
            await().atMost(WAIT).until(() -> alerts(a, AlertKind.BREACH).keySet().containsAll(conversations));
            alerts(a, AlertKind.BREACH).forEach((c, n) -> assertEquals(1, n, "one breach for " + c));
        } finally {
            first.close();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static List<String> conversations(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("c-" + i + "-" + UUID.randomUUID());
        }
        return out;
    }

    private static void send(ReplyclockConfig cfg, String conv, String text, Instant at) {
        String json = "{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\"" + conv
                + "\",\"direction\":\"inbound\",\"channel\":\"email\",\"from\":\"a@example.com\",\"text\":\"" + text
                + "\",\"sentAt\":\"" + at + "\"}";
        try {
            producer.send(new ProducerRecord<>(cfg.kafka().topics().messages(), conv,
                    json.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Committed alerts of one kind on the alerts topic, counted per conversation. */
    private static Map<String, Integer> alerts(ReplyclockConfig cfg, AlertKind kind) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = c.partitionsFor(cfg.kafka().topics().alerts()).stream()
                    .map(pi -> new org.apache.kafka.common.TopicPartition(pi.topic(), pi.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = c.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    Alert alert = AlertJson.fromBytes(r.value());
                    if (alert instanceof ConversationAlert about && about.kind() == kind) {
                        counts.merge(about.conversationId(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static double open(Daemon d) {
        return d.registry().find("replyclock.open.conversations").gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    private static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
