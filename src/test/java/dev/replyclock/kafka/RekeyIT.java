package dev.replyclock.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.cli.Daemon;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.testing.InProcessDaemon;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest.rekey: auto} (the default) on the embedded broker: a record without a key, as {@code kcat}
 * without {@code -K} produces it, is re-keyed through {@code <application-id>-rekey} and gets its signal alert.
 */
class RekeyIT {

    @TempDir
    Path work;

    @Test
    void aRecordWithoutAKeyGetsItsSignalAlert() throws Exception {
        Path alertsFile = work.resolve("alerts.jsonl");
        ReplyclockConfig cfg = ConfigLoader.builtIn(InProcessDaemon.settings(work,
                Map.of("alerts.receivers", InProcessDaemon.logReceiver(alertsFile))));
        Instant t0 = Instant.parse("2026-11-24T09:00:00Z");
        try (Daemon daemon = Daemon.start(cfg, new MutableClock(t0), new PrintStream(PrintStream.nullOutputStream()));
             KafkaProducer<String, byte[]> producer = InProcessDaemon.producer(daemon)) {
            String json = "{\"messageId\":\"m-1\",\"conversationId\":\"c-kcat\",\"direction\":\"inbound\","
                    + "\"channel\":\"chat\",\"from\":\"x\",\"text\":\"Mon colis est arrivé cassé\",\"sentAt\":\"" + t0 + "\"}";
            producer.send(new ProducerRecord<>(cfg.kafka().topics().messages(), null,
                    json.getBytes(StandardCharsets.UTF_8))).get();

            await().atMost(Duration.ofSeconds(60)).until(() -> signalled(alertsFile, "c-kcat"));
            assertEquals(1.0, daemon.registry().get("replyclock.rekeyed").counter().count());
            assertEquals(0.0, daemon.registry().find("replyclock.dead.letters").counters().stream()
                    .mapToDouble(c -> c.count()).sum(), "nothing dead-lettered");

            // Customer messages in transit: gone within privacy.erasure-bound, as every topic the daemon creates.
            String rekey = ReplyclockTopology.rekeyTopic(cfg.kafka().applicationId());
            String half = String.valueOf(cfg.privacy().erasureBound().dividedBy(2).toMillis());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    daemon.bootstrapServers()))) {
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, rekey);
                Config c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
                assertEquals(half, c.get("segment.ms").value(), "segment.ms");
                assertEquals(half, c.get("max.compaction.lag.ms").value(), "max.compaction.lag.ms");
                assertTrue(Long.parseLong(c.get("retention.ms").value()) <= Long.parseLong(half),
                        "retention.ms " + c.get("retention.ms").value());
                assertEquals(String.valueOf(StreamsSettings.DEAD_LETTER_MAX_BYTES), c.get("max.message.bytes").value());
            }
        }
    }

    private static boolean signalled(Path alertsFile, String conversationId) throws Exception {
        if (!Files.exists(alertsFile)) {
            return false;
        }
        for (String line : Files.readAllLines(alertsFile)) {
            var a = AlertJson.fromBytes(line.getBytes(StandardCharsets.UTF_8));
            if (a instanceof ConversationAlert c && conversationId.equals(c.conversationId())
                    && a.kind() == AlertKind.SIGNAL) {
                return true;
            }
        }
        return false;
    }
}
