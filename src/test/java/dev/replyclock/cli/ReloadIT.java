package dev.replyclock.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.config.ConfigLoader;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload (POST /-/reload, as SIGHUP does): new targets apply to the next deadlines at once; a bad file is
 * refused with its problems (secret-looking values masked) and the running configuration is kept.
 */
class ReloadIT {

    private static final String TOKEN = "reload-token-0123456789";

    @TempDir
    Path work;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));

    private String config(String complaintTarget) {
        return InProcessDaemon.configFile(work,
                "http.api-token-file: " + work.resolve("token"),
                "sla.targets.complaint: " + complaintTarget,
                "alerts.receivers: " + InProcessDaemon.logReceiver(work.resolve("alerts.jsonl")));
    }

    @Test
    void aReloadChangesTheNextDeadlinesAndABadFileIsRefused() throws Exception {
        Path file = work.resolve("replyclock.yaml");
        try (Daemon daemon = start(file);
             KafkaProducer<String, byte[]> producer = InProcessDaemon.producer(daemon)) {
            send(producer, "before", clock.instant());
            assertEquals(clock.instant().plus(Duration.ofMinutes(1)), signal("before").deadline());

            Files.writeString(file, config("2m"));
            assertEquals(401, reload(daemon, null).statusCode());
            HttpResponse<String> ok = reload(daemon, TOKEN);
            assertEquals(200, ok.statusCode(), ok.body());
            send(producer, "after", clock.instant());
            assertEquals(clock.instant().plus(Duration.ofMinutes(2)), signal("after").deadline());

            Files.writeString(file, config("soon"));
            HttpResponse<String> refused = reload(daemon, TOKEN);
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("\"key\":\"sla.targets.complaint\""), refused.body());

            // A config problem never echoes a secret: a webhook URL's path is the Slack secret.
            Files.writeString(file, config("1m") + "\nalerts.slack-webhook: https://hooks.slack.com/services/T01/B02/Zq8SecretPath\n");
            HttpResponse<String> masked = reload(daemon, TOKEN);
            assertEquals(400, masked.statusCode());
            assertTrue(masked.body().contains("https://hooks.slack.com/***"), masked.body());
            assertFalse(masked.body().contains("Zq8SecretPath") || masked.body().contains("T01"), masked.body());
            send(producer, "kept", clock.instant());
            assertEquals(clock.instant().plus(Duration.ofMinutes(2)), signal("kept").deadline(),
                    "the running configuration is kept");
        }
    }

    @Test
    void aReloadSaysWhichChangedKeysItAppliedAndWhichNeedARestartAndKeepsListingThemUntilThen() throws Exception {
        Path file = work.resolve("replyclock.yaml");
        try (Daemon daemon = start(file)) {
            HttpResponse<String> same = reload(daemon, TOKEN);
            assertEquals(200, same.statusCode(), same.body());
            assertEquals(List.of(), strings(same, "applied"), "nothing changed");
            assertEquals(List.of(), strings(same, "needsRestart"));

            Files.writeString(file, config("2m") + String.join("\n",
                    "alerts.overload.threshold: 5",
                    "alerts.digest.every: 10m",
                    "alerts.include-excerpt: true",
                    "alerts.overload.inhibits: [breach]",
                    "alerts.templates.en.signal: 'Heads up: {tier}'",
                    "alerts.link-template: 'https://desk.example/c/{conversationId}'",
                    "logging.format: json", ""));
            HttpResponse<String> r = reload(daemon, TOKEN);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(List.of("alerts.link-template", "alerts.templates.en.signal", "sla.targets.complaint"),
                    strings(r, "applied"), r.body());
            List<String> restart = List.of("alerts.digest.every", "alerts.include-excerpt", "alerts.overload.inhibits",
                    "alerts.overload.threshold", "logging.format");
            assertEquals(restart, strings(r, "needsRestart"), r.body());
            assertTrue(json(r).path("message").asText().contains("needs a restart"), r.body());

            HttpResponse<String> again = reload(daemon, TOKEN);
            assertEquals(List.of(), strings(again, "applied"), "applied keys now run with their new values");
            assertEquals(restart, strings(again, "needsRestart"), "still waiting for a restart");
        }
    }

    /** The daemon on {@code file}, written with a 1-minute complaint target, its clock at {@link #clock}'s start. */
    private Daemon start(Path file) throws Exception {
        Files.writeString(work.resolve("token"), TOKEN);
        Files.writeString(file, config("1m"));
        return Daemon.start(ConfigLoader.load(file, Map.of()), file, clock, new PrintStream(PrintStream.nullOutputStream()));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(HttpResponse<String> r) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    private static List<String> strings(HttpResponse<String> r, String field) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        json(r).path(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String conv, Instant at) throws Exception {
        String json = "{\"messageId\":\"" + conv + "\",\"conversationId\":\"" + conv + "\",\"direction\":\"inbound\","
                + "\"channel\":\"chat\",\"from\":\"x\",\"text\":\"the lamp arrived broken\",\"sentAt\":\"" + at + "\"}";
        producer.send(new ProducerRecord<>("support.messages", conv, json.getBytes(StandardCharsets.UTF_8))).get();
    }

    private Alert signal(String conv) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Path alerts = work.resolve("alerts.jsonl");
            if (!Files.exists(alerts)) {
                return Optional.<Alert>empty();
            }
            for (String line : Files.readAllLines(alerts)) {
                Alert a = AlertJson.fromBytes(line.getBytes(StandardCharsets.UTF_8));
                if (a instanceof ConversationAlert c && conv.equals(c.conversationId())
                        && a.kind() == AlertKind.SIGNAL) {
                    return Optional.of(a);
                }
            }
            return Optional.<Alert>empty();
        }, Optional::isPresent).orElseThrow();
    }

    private static HttpResponse<String> reload(Daemon daemon, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(daemon.httpBaseUrl() + "/-/reload"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
