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
import dev.replyclock.testing.DeadLetters;
import dev.replyclock.testing.ExtremeRecords;
import dev.replyclock.testing.InProcessDaemon;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13, "never silent": the records that used to stop Kafka Streams for good (a year-one message and its
 * staff reply, whose measured reply time overflowed; a year that overflows epoch millis; 70,000-character
 * ids and policy keys the store format could not write; U+0000 in a team) are dead-lettered with their
 * reasons, and a normal complaint sent after them still gets its signal alert within seconds, with the daemon
 * ready and running. The whole daemon, in this JVM, on its embedded broker.
 */
class ExtremeRecordsIT {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final String LONG = "x".repeat(70_000);

    @TempDir
    Path work;

    @Test
    void extremeRecordsAreDeadLetteredWithTheirReasonsAndTheNextComplaintStillAlerts() throws Exception {
        Path alertsFile = work.resolve("alerts.jsonl");
        ReplyclockConfig cfg = ConfigLoader.builtIn(InProcessDaemon.settings(work,
                Map.of("alerts.receivers", InProcessDaemon.logReceiver(alertsFile))));
        MutableClock clock = new MutableClock(T0);
        try (Daemon daemon = Daemon.start(cfg, clock, new PrintStream(PrintStream.nullOutputStream()));
             KafkaProducer<String, byte[]> producer = InProcessDaemon.producer(daemon)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> daemon.readiness().ready());
            String topic = cfg.kafka().topics().messages();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (Bad bad : extremeRecords()) {
                sends.add(producer.send(new ProducerRecord<>(topic, bad.key(), bad.value().getBytes(StandardCharsets.UTF_8))));
            }
            String complaint = message("c-normal", "inbound", T0.toString(), Map.of());
            sends.add(producer.send(new ProducerRecord<>(topic, "c-normal", complaint.getBytes(StandardCharsets.UTF_8))));
            for (Future<RecordMetadata> f : sends) {
                f.get();
            }

            Alert signal = await().atMost(Duration.ofSeconds(20)).until(() -> signalOf(alertsFile, "c-normal"),
                    a -> a != null);
            assertEquals(AlertKind.SIGNAL, signal.kind());
            assertEquals(200, readyStatus(daemon), daemon.readiness().describe());
            assertTrue(daemon.readiness().ready(), daemon.readiness().describe());
            Map<String, Integer> reasons = await().atMost(Duration.ofSeconds(30)).until(
                    () -> DeadLetters.reasons(daemon.bootstrapServers(), cfg.kafka().topics().deadLetter()),
                    r -> r.values().stream().mapToInt(Integer::intValue).sum() >= 10);
            assertEquals(Map.of("out-of-range", 4, "too-long", 3, "bad-characters", 2, "not-json", 1), reasons);
            assertEquals(0.0, daemon.registry().find("replyclock.dead.letters").tag("reason", "processing-error")
                    .counters().stream().mapToDouble(c -> c.count()).sum(), "the bounds caught them all at ingest");
        }
    }

    /** One record to send: its key and its value. */
    private record Bad(String key, String value) {
    }

    /** Every kind of record the issue names, in the order they are sent. */
    private static List<Bad> extremeRecords() {
        return List.of(
                new Bad("c-year-one", message("c-year-one", "inbound", "0001-01-01T00:00:00Z", Map.of())),
                new Bad("c-year-one", message("c-year-one", "outbound", "0001-01-01T00:00:00Z", Map.of())),
                new Bad("c-min-year", message("c-min-year", "inbound", "-999999999-01-01T00:00:00Z", Map.of())),
                new Bad("c-max-year", message("c-max-year", "inbound", "+999999999-12-31T23:59:59Z", Map.of())),
                new Bad("c-long-channel", message("c-long-channel", "inbound", T0.toString(), Map.of("channel", LONG))),
                new Bad("c-long-team", message("c-long-team", "inbound", T0.toString(), Map.of("team", LONG))),
                new Bad(LONG, message(LONG, "inbound", T0.toString(), Map.of())),
                new Bad("c-nul-team", message("c-nul-team", "inbound", T0.toString(), Map.of("team", "billing\u0000x"))),
                new Bad("c-surrogate", message("c-surrogate\uD800", "inbound", T0.toString(), Map.of())),
                new Bad("c-deep", "{\"extra\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
    }

    private static String message(String conv, String direction, String sentAt, Map<String, String> more) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("messageId", "m-" + direction + "-" + conv.hashCode(),
                "conversationId", conv, "direction", direction, "channel", "chat", "from", "+33612345678",
                "text", "Bonjour, mon colis est arrivé cassé", "sentAt", sentAt));
        fields.putAll(more);
        return ExtremeRecords.message(fields);
    }

    private static Alert signalOf(Path alertsFile, String conv) throws Exception {
        if (!Files.exists(alertsFile)) {
            return null;
        }
        for (String line : Files.readAllLines(alertsFile, StandardCharsets.UTF_8)) {
            Alert a = AlertJson.fromBytes(line.getBytes(StandardCharsets.UTF_8));
            if (a instanceof ConversationAlert c && conv.equals(c.conversationId()) && a.kind() == AlertKind.SIGNAL) {
                return a;
            }
        }
        return null;
    }

    private static int readyStatus(Daemon daemon) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(daemon.httpBaseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
