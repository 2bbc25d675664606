package dev.replyclock.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.config.ConfigLoader;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.testing.InProcessDaemon;
import dev.replyclock.testing.RecordingHttpServer;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload of alerts.receivers (POST /-/reload, as SIGHUP does) on a real broker with real webhooks: a
 * receiver added by a reload starts at the end (no history), a changed one is replaced, a bad one refuses the
 * whole reload and everything keeps running, a removed one finishes its in-flight alert and stops, and one
 * added back resumes from its committed offsets without sending again what it had delivered.
 */
class ReceiverReloadIT {

    private static final String TOKEN = "receiver-reload-token-0123456789";

    @TempDir
    Path work;

    private String config(String extraReceiver) {
        return InProcessDaemon.configFile(work,
                "http.api-token-file: " + work.resolve("token"),
                "alerts.retry.initial-backoff: 50ms",
                "alerts.receivers:",
                "  - {name: file, type: log, path: '" + work.resolve("alerts.jsonl") + "'}",
                extraReceiver == null ? "" : "  - " + extraReceiver);
    }

    private String webhook(RecordingHttpServer server) {
        return "{name: hook, type: webhook, url: '" + server.url("/hook") + "', secret-file: '"
                + work.resolve("webhook.secret") + "'}";
    }

    @Test
    void receiversAddedChangedRefusedAndRemovedByAReload() throws Exception {
        Files.writeString(work.resolve("token"), TOKEN);
        Files.writeString(work.resolve("webhook.secret"), "whsec_" + Base64.getEncoder().encodeToString(new byte[24]));
        Path file = work.resolve("replyclock.yaml");
        Files.writeString(file, config(null));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        try (Daemon daemon = Daemon.start(ConfigLoader.load(file, Map.of()), file, clock,
                new PrintStream(PrintStream.nullOutputStream()));
             KafkaProducer<String, byte[]> producer = InProcessDaemon.producer(daemon);
             RecordingHttpServer first = new RecordingHttpServer();
             RecordingHttpServer second = new RecordingHttpServer()) {
            // History on every partition, before the webhook exists.
            for (int i = 0; i < 6; i++) {
                send(producer, "history-" + i, clock.instant());
            }
            for (int i = 0; i < 6; i++) {
                awaitInFile("history-" + i);
            }

            // Added: starts at the end of the alerts topic.
            Files.writeString(file, config(webhook(first)));
            assertReloaded(daemon);
            send(producer, "added", clock.instant());
            awaitAt(first, "added");
            awaitInFile("added");
            assertEquals(List.of("added"), conversations(first), "the new receiver got no history");

            // Refused: a receiver that cannot start (its file's directory is a file) keeps everything as it was.
            Files.writeString(file, config("{name: broken, type: log, path: '" + work.resolve("token").resolve("x.jsonl")
                    + "'}"));
            HttpResponse<String> refused = reload(daemon);
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("alerts.receivers[1]"), refused.body());
            Files.writeString(file, config("{name: hook, type: webhook, url: '" + first.url("/hook") + "', secret-file: '"
                    + work.resolve("missing.secret") + "'}"));
            assertEquals(400, reload(daemon).statusCode(), "a receiver the config check refuses");
            send(producer, "kept", clock.instant());
            awaitAt(first, "kept");
            awaitInFile("kept");

            // Changed: the same name with another URL is replaced and goes on from its committed offsets.
            Files.writeString(file, config(webhook(second)));
            assertReloaded(daemon);
            send(producer, "changed", clock.instant());
            awaitAt(second, "changed");
            assertEquals(List.of("changed"), conversations(second), "nothing the old one delivered is sent again");
            assertEquals(List.of("added", "kept"), conversations(first));

            // Removed while delivering: the in-flight alert is finished, then the worker stops.
            CountDownLatch release = new CountDownLatch(1);
            second.answer(r -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return RecordingHttpServer.Response.ok();
            });
            send(producer, "in-flight", clock.instant());
            awaitAt(second, "in-flight");
            Files.writeString(file, config(null));
            assertReloaded(daemon);
            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> sent(daemon, "hook") == 4.0); // added, kept, changed, in-flight
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    daemon.registry().find("replyclock.delivery.queue.depth").tag("receiver", "hook").gauge() == null);
            send(producer, "after-removal", clock.instant());
            awaitInFile("after-removal");
            assertEquals(List.of("changed", "in-flight"), conversations(second), "a removed receiver sends nothing");

            // Added back: resumes from its committed offsets (gets what it missed), sends nothing twice.
            second.answer(r -> RecordingHttpServer.Response.ok());
            Files.writeString(file, config(webhook(second)));
            assertReloaded(daemon);
            send(producer, "back", clock.instant());
            awaitAt(second, "back");
            List<String> got = conversations(second);
            assertEquals(4, got.size(), "nothing twice: " + got);
            assertEquals(java.util.Set.of("changed", "in-flight", "after-removal", "back"), java.util.Set.copyOf(got));
            assertTrue(daemon.readiness().ready(), daemon.readiness().describe());
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(daemon.httpBaseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), "the stopped workers' meters do not break a scrape");
            assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("replyclock_delivery_queue_depth")
                    && l.contains("receiver=\"hook\"")), "the re-added receiver's own gauge");
        }
    }

    @Test
    void aChangedLinkTemplateReachesTheNextAlertsOfARunningReceiverAndNothingIsSentTwice() throws Exception {
        Files.writeString(work.resolve("token"), TOKEN);
        Files.writeString(work.resolve("webhook.secret"), "whsec_" + Base64.getEncoder().encodeToString(new byte[24]));
        Path file = work.resolve("replyclock.yaml");
        try (RecordingHttpServer hook = new RecordingHttpServer()) {
            Files.writeString(file, config(webhook(hook)));
            MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
            try (Daemon daemon = Daemon.start(ConfigLoader.load(file, Map.of()), file, clock,
                    new PrintStream(PrintStream.nullOutputStream()));
                 KafkaProducer<String, byte[]> producer = InProcessDaemon.producer(daemon)) {
                send(producer, "before", clock.instant());
                awaitAt(hook, "before");

                Files.writeString(file, config(webhook(hook)) + "alerts.link-template: 'https://desk.example/c/{conversationId}'\n");
                HttpResponse<String> r = reload(daemon);
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"applied\":[\"alerts.link-template\"]"), r.body());
                send(producer, "after", clock.instant());
                awaitAt(hook, "after");

                assertEquals(List.of("before", "after"), conversations(hook), "nothing sent twice");
                String after = hook.requests().stream().map(RecordingHttpServer.Request::body)
                        .filter(b -> b.contains("\"after\"")).findFirst().orElseThrow();
                assertTrue(after.contains("https://desk.example/c/after"), after);
            }
        }
    }

    private static double sent(Daemon daemon, String receiver) {
        var c = daemon.registry().find("replyclock.deliveries").tag("receiver", receiver).tag("outcome", "sent").counter();
        return c == null ? 0 : c.count();
    }

    private void assertReloaded(Daemon daemon) throws Exception {
        HttpResponse<String> r = reload(daemon);
        assertEquals(200, r.statusCode(), r.body());
    }

    /** The conversations of the signal alerts a webhook server received, in order. */
    private static List<String> conversations(RecordingHttpServer server) {
        return server.requests().stream().map(r -> {
            try {
                return AlertJson.fromBytes(r.body().getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).filter(a -> a.kind() == AlertKind.SIGNAL).map(a -> ((ConversationAlert) a).conversationId()).toList();
    }

    private static void awaitAt(RecordingHttpServer server, String conv) {
        await().atMost(Duration.ofSeconds(30)).until(() -> conversations(server).contains(conv));
    }

    private void awaitInFile(String conv) {
        Path alerts = work.resolve("alerts.jsonl");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(alerts) && Files.readAllLines(alerts).stream()
                .anyMatch(l -> l.contains("\"conversationId\":\"" + conv + "\"")));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String conv, Instant at) throws Exception {
        String json = "{\"messageId\":\"" + conv + "\",\"conversationId\":\"" + conv + "\",\"direction\":\"inbound\","
                + "\"channel\":\"chat\",\"from\":\"x\",\"text\":\"the lamp arrived broken\",\"sentAt\":\"" + at + "\"}";
        producer.send(new ProducerRecord<>("support.messages", conv, json.getBytes(StandardCharsets.UTF_8))).get();
    }

    private static HttpResponse<String> reload(Daemon daemon) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(daemon.httpBaseUrl() + "/-/reload"))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
