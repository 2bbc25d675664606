package dev.replyclock.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.cli.Daemon;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.model.MutableClock;
import dev.replyclock.testing.DeadLetters;
import dev.replyclock.testing.InProcessDaemon;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poison flood: 10,000 bad records (not JSON, missing fields, 2 MB texts, invalid UTF-8, wrong types,
 * bad keys) among 100,000 good ones. Every bad one lands in the dead-letter topic with its reason, every good
 * one is processed, and the daemon stays ready throughout.
 */
class PoisonFloodIT {

    private static final int GOOD = 100_000;
    private static final int BAD = 10_000;

    @TempDir
    Path work;

    @Test
    void everyBadRecordIsDeadLetteredAndEveryGoodOneProcessed() throws Exception {
        // strict: a record keyed otherwise is one of the poisons here (auto would re-key it, see RekeyIT).
        ReplyclockConfig cfg = ConfigLoader.builtIn(InProcessDaemon.settings(work,
                Map.of("alerts.receivers", InProcessDaemon.logReceiver(work.resolve("alerts.jsonl")),
                        "ingest.rekey", "strict")));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        try (Daemon daemon = Daemon.start(cfg, clock, new PrintStream(PrintStream.nullOutputStream()))) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, daemon.bootstrapServers());
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
            p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
            Map<String, Integer> expectedReasons = new HashMap<>();
            Random random = new Random(7);
            String twoMegabytes = "x".repeat(2 * 1024 * 1024);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                List<Future<RecordMetadata>> sends = new java.util.ArrayList<>();
                int bad = 0;
                for (int i = 0; i < GOOD + BAD; i++) {
                    String conv = "c" + (i % 5000);
                    if (i % 11 == 10 && bad < BAD) {
                        bad++;
                        int kind = random.nextInt(6);
                        byte[] value = switch (kind) {
                            case 0 -> "{not json".getBytes(StandardCharsets.UTF_8);
                            case 1 -> "{\"messageId\":\"m\",\"direction\":\"inbound\"}".getBytes(StandardCharsets.UTF_8);
                            case 2 -> (bad % 500 == 0 ? good(conv, i, twoMegabytes) : good(conv, i, "x").replace("\"text\":\"x\"", "\"text\":7"))
                                    .getBytes(StandardCharsets.UTF_8);
                            case 3 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{'};
                            case 4 -> good(conv, i, "hello").replaceAll("\"direction\":\"[a-z]+\"", "\"direction\":\"sideways\"")
                                    .getBytes(StandardCharsets.UTF_8);
                            default -> good(conv, i, "hello").getBytes(StandardCharsets.UTF_8);
                        };
                        byte[] key = kind == 5 ? "some-other-key".getBytes(StandardCharsets.UTF_8) : conv.getBytes(StandardCharsets.UTF_8);
                        sends.add(producer.send(new ProducerRecord<>(cfg.kafka().topics().messages(), key, value)));
                    } else {
                        String text = i % 3 == 0 ? "Le colis est arrivé cassé" : "Quels sont vos horaires ?";
                        sends.add(producer.send(new ProducerRecord<>(cfg.kafka().topics().messages(),
                                conv.getBytes(StandardCharsets.UTF_8), good(conv, i, text).getBytes(StandardCharsets.UTF_8))));
                    }
                }
                for (Future<RecordMetadata> f : sends) {
                    f.get();
                }
                assertEquals(BAD, bad);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> counted(daemon, "replyclock.messages")
                    + counted(daemon, "replyclock.dead.letters") >= GOOD + BAD);
            assertEquals(GOOD, (long) counted(daemon, "replyclock.messages"), "every good record processed");
            assertTrue(daemon.readiness().ready(), daemon.readiness().describe());
            // The last transaction of dead letters may still be open: wait for it to commit.
            Map<String, Integer> reasons = await().atMost(Duration.ofSeconds(30)).until(
                    () -> DeadLetters.reasons(daemon.bootstrapServers(), cfg.kafka().topics().deadLetter()),
                    r -> r.values().stream().mapToInt(Integer::intValue).sum() >= BAD);
            assertEquals(BAD, reasons.values().stream().mapToInt(Integer::intValue).sum(), reasons.toString());
            for (String reason : List.of("not-json", "missing-field", "wrong-type", "bad-value", "key-mismatch", "too-large")) {
                assertTrue(reasons.getOrDefault(reason, 0) > 0, "reason " + reason + " in " + reasons);
            }
            assertEquals(BAD, (long) counted(daemon, "replyclock.dead.letters"));
        }
    }

    private static String good(String conv, int i, String text) {
        return "{\"messageId\":\"m" + i + "\",\"conversationId\":\"" + conv + "\",\"direction\":\""
                + (i % 4 == 3 ? "outbound" : "inbound") + "\",\"channel\":\"chat\",\"from\":\"x\",\"text\":\"" + text
                + "\",\"sentAt\":\"2026-11-24T09:00:00Z\"}";
    }

    private static double counted(Daemon daemon, String counter) {
        return daemon.registry().find(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
