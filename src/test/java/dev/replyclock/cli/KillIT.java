package dev.replyclock.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.kafka.EmbeddedKafka;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.testing.InProcessDaemon;
import dev.replyclock.testing.RecordingHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon (the runnable jar in a child JVM) killed with SIGKILL while deadlines are pending, then started
 * again: every pending deadline fires exactly once, and a receiver that honours the alert id (webhook-id)
 * sees every alert. The broker runs in this JVM so that it outlives the daemon. Deadlines are real (4 s):
 * a child JVM cannot share a test clock.
 */
class KillIT {

    @TempDir
    Path dir;

    @Test
    void afterSigkillEveryPendingDeadlineFiresOnceAndNothingIsLost() throws Exception {
        int conversations = 20;
        try (EmbeddedKafka broker = EmbeddedKafka.start(0, dir.resolve("kafka"));
             RecordingHttpServer hook = new RecordingHttpServer()) {
            Map<String, Alert> accepted = new ConcurrentHashMap<>();
            hook.answer(r -> {
                try {
                    accepted.put(r.header("webhook-id"), AlertJson.fromBytes(r.body().getBytes(StandardCharsets.UTF_8)));
                } catch (java.io.IOException e) {
                    return new RecordingHttpServer.Response(400, Map.of(), "not an alert");
                }
                return RecordingHttpServer.Response.ok();
            });
            Files.writeString(dir.resolve("hook.secret"),
                    "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
            Path config = dir.resolve("replyclock.yaml");
            Files.writeString(config, String.join("\n",
                    "kafka.bootstrap-servers: " + broker.bootstrapServers(),
                    "kafka.state-dir: " + dir.resolve("streams"),
                    "http.port: 0",
                    "privacy.pseudonym-key-file: " + dir.resolve("pseudonym.key"),
                    // A message already older than its target when processed is stale by design (measured, no
                    // alerts): the targets leave a slow CI machine room to process the burst before they pass.
                    "sla.targets.complaint: 12s",
                    "sla.targets.urgent: 13s",
                    "sla.targets.standard: 14s",
                    "sla.escalation.every: 0s",
                    // 20 open conversations of the team 'default' are a team overload, which holds back their
                    // breaches (alerts.overload.inhibits): this test is about a kill, not about overload.
                    "alerts.overload.threshold: 0",
                    "alerts.receivers: [{name: hook, type: webhook, url: '" + hook.url("/hook")
                            + "', secret-file: '" + dir.resolve("hook.secret") + "'}]", ""));
            Process first = start(config, dir.resolve("first.out"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(dir.resolve("first.out"))
                        .contains("replyclock is running"));
                awaitReady(dir.resolve("first.out"));
                send(broker, conversations);
                await().atMost(Duration.ofSeconds(30)).until(() -> count(accepted, AlertKind.SIGNAL) == conversations);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("signals at the webhook: " + count(accepted, AlertKind.SIGNAL) + " of "
                        + conversations + "; the daemon said:\n" + Files.readString(dir.resolve("first.out")), e);
            } finally {
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no flush, no commit, no goodbye
            }
            Process second = start(config, dir.resolve("second.out"));
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> count(accepted, AlertKind.BREACH) == conversations);
                await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("breaches at the webhook: " + count(accepted, AlertKind.BREACH) + " of "
                        + conversations + ", on the alerts topic: " + committedBreaches(broker).size()
                        + "; the second daemon said:\n" + Files.readString(dir.resolve("second.out")), e);
            } finally {
                second.destroy();
                second.waitFor(50, TimeUnit.SECONDS);
            }
            assertEquals(conversations, count(accepted, AlertKind.SIGNAL), "every signal delivered");
            assertEquals(conversations, count(accepted, AlertKind.BREACH), "every breach delivered");
            Map<String, Integer> breaches = committedBreaches(broker);
            assertEquals(conversations, breaches.size());
            breaches.forEach((conv, n) -> assertEquals(1, n, "one breach on the alerts topic for " + conv));
        }
    }

    /** Streams running and the notifier consuming: messages sent now are processed at once, not after a rebalance. */
    private static void awaitReady(Path output) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ready: (http://\\S+/health/ready)")
                .matcher(Files.readString(output));
        if (!m.find()) {
            throw new AssertionError("the daemon did not say where its readiness is:\n" + Files.readString(output));
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest ready = java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1))).build();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                http.send(ready, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private Process start(Path config, Path output) throws Exception {
        return InProcessDaemon.runJar(dir, config, output);
    }

    private static long count(Map<String, Alert> accepted, AlertKind kind) {
        return accepted.values().stream().filter(a -> a.kind() == kind)
                .map(a -> a instanceof ConversationAlert c ? c.conversationId() : null).distinct().count();
    }

    private static void send(EmbeddedKafka broker, int n) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String conv = "kill-" + i;
                producer.send(new ProducerRecord<>("support.messages", conv, "{\"messageId\":\"" + conv
                        + "\",\"conversationId\":\"" + conv + "\",\"direction\":\"inbound\",\"channel\":\"chat\","
                        + "\"from\":\"x\",\"text\":\"the parcel arrived broken\",\"sentAt\":\"" + Instant.now() + "\"}")).get();
            }
        }
    }

    private static Map<String, Integer> committedBreaches(EmbeddedKafka broker) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor("support.alerts").stream()
                    .map(pi -> new TopicPartition(pi.topic(), pi.partition())).collect(Collectors.toList());
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    Alert a = AlertJson.fromBytes(r.value());
                    if (a instanceof ConversationAlert breach && breach.kind() == AlertKind.BREACH) {
                        out.merge(breach.conversationId(), 1, Integer::sum);
                    }
                }
            }
        }
        return out;
    }
}
