package dev.replyclock.privacy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.cli.Daemon;
import dev.replyclock.cli.Main;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.kafka.PrivacyOptions;
import dev.replyclock.model.MutableClock;
import dev.replyclock.testing.InProcessDaemon;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replyclock forget} against a running daemon on the embedded broker: the real command, the real
 * topology, the real topics.
 */
class ErasureIT {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration PIPELINE = Duration.ofSeconds(30);

    @TempDir
    static Path work;

    private static MutableClock clock;
    private static Daemon daemon;
    private static ReplyclockConfig config;
    private static Path configFile;
    private static Path alertsFile;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startDaemon() throws Exception {
        clock = new MutableClock(T0);
        alertsFile = work.resolve("alerts.jsonl");
        config = ConfigLoader.builtIn(InProcessDaemon.settings(work,
                Map.of("alerts.receivers", InProcessDaemon.logReceiver(alertsFile))));
        daemon = Daemon.start(config, clock, new PrintStream(PrintStream.nullOutputStream()));
        // What the operator's forget reads: the same key file (created by the daemon) and topics.
        configFile = Files.writeString(work.resolve("replyclock.yaml"),
                "privacy.pseudonym-key-file: " + config.privacy().pseudonymKeyFile() + "\n");
        producer = InProcessDaemon.producer(daemon);
        await().atMost(Duration.ofSeconds(60)).until(() -> daemon.readiness().ready());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void forgetErasesTheCustomersConversationsFromTheRunningDaemon() throws Exception {
        String open = "open-" + UUID.randomUUID();
        String replied = "replied-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        send(open, "inbound", "+33612345678", "Mon colis est arrivé cassé");
        send(replied, "inbound", "+33 6 12 34 56 78", "Le colis est arrivé cassé");
        send(replied, "outbound", "agent-7", "Nous vous renvoyons un colis");
        send(other, "inbound", "someone@example.com", "Le colis est arrivé cassé");
        await().atMost(PIPELINE).until(() -> alerted(open, "signal") && alerted(other, "signal"));
        await().atMost(PIPELINE).until(() -> indexed(Set.of(open, replied, other)));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute("forget",
                "--customer", "06 12 34 56 78", "--config", configFile.toString(),
                "--bootstrap", daemon.bootstrapServers(), "--timeout", "30s");

        assertEquals(0, exit, err.toString());
        String pseudonym = new Pseudonymizer(PseudonymKey.load(config.privacy().pseudonymKeyFile()), "FR")
                .pseudonym("+33612345678");
        assertTrue(out.toString().startsWith("forgot customer " + pseudonym + ": 2 conversations ("), out.toString());
        assertTrue(out.toString().contains(open + ": open reply clock"), out.toString());
        assertTrue(out.toString().contains(replied + ": closed marker"), out.toString());

        clock.advance(Duration.ofMinutes(2)); // past the complaint target of both open conversations
        await().atMost(PIPELINE).until(() -> alerted(other, "breach"));
        assertFalse(alerted(open, "breach"), "an erased conversation has no deadline left");

        StringWriter again = new StringWriter();
        assertEquals(0, Main.commandLine().setOut(new PrintWriter(again)).setErr(new PrintWriter(new StringWriter()))
                .execute("forget", "--customer", "+33612345678", "--config", configFile.toString(),
                        "--bootstrap", daemon.bootstrapServers(), "--timeout", "30s"));
        assertEquals("forgot customer " + pseudonym + ": 0 conversations (nothing was kept)", again.toString().trim());
    }

    private static void send(String conv, String direction, String from, String text) throws Exception {
        byte[] json = ("{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\"" + conv
                + "\",\"direction\":\"" + direction + "\",\"channel\":\"chat\",\"from\":\"" + from + "\",\"text\":\""
                + text + "\",\"sentAt\":\"" + clock.instant() + "\"}").getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(config.kafka().topics().messages(), conv, json)).get();
    }

    private static boolean alerted(String conv, String kind) throws IOException {
        if (!Files.exists(alertsFile)) {
            return false;
        }
        return Files.readAllLines(alertsFile, StandardCharsets.UTF_8).stream()
                .anyMatch(l -> l.contains("\"conversationId\":\"" + conv + "\"") && l.contains("\"kind\":\"" + kind + "\""));
    }

    /** Whether ingest's (pseudonym -> conversation) records of these conversations are committed. */
    private static boolean indexed(Set<String> conversations) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, daemon.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String topic = PrivacyOptions.customerIndexTopic(config.kafka().applicationId());
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(topic).forEach(pi -> parts.add(new TopicPartition(topic, pi.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            for (int i = 0; i < 5 && !seen.containsAll(conversations); i++) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    seen.add(r.value());
                }
            }
        }
        return seen.containsAll(conversations);
    }
}
