package dev.replyclock.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.cli.Daemon;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stopped for 20 s and started again on the same port and data directory, with the daemon
 * running in this JVM the whole time: {@code /health/ready} says not ready during the outage and ready
 * again after it without any restart of the daemon, and the deadlines that fell due during the outage
 * fire once after it (read committed), none twice.
 */
class BrokerOutageIT {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void aBrokerOutageMakesTheDaemonNotReadyThenItRecoversAndTheDueDeadlinesFireOnce() throws Exception {
        int port = freePort();
        Path data = work.resolve("kafka");
        MutableClock clock = new MutableClock(T0);
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            conversations.add("outage-" + i + "-" + UUID.randomUUID());
        }
        EmbeddedKafka broker = EmbeddedKafka.start(port, data);
        ReplyclockConfig cfg = ConfigLoader.builtIn(Map.of(
                "kafka.bootstrap-servers", broker.bootstrapServers(),
                "kafka.application-id", "outage",
                "kafka.state-dir", work.resolve("streams").toString(),
                "http.port", "0",
                "privacy.pseudonym-key-file", work.resolve("pseudonym.key").toString(),
                "alerts.receivers", "[{name: file, type: log, path: '" + work.resolve("alerts.jsonl") + "'}]"));
        Daemon daemon = null;
        try {
            daemon = Daemon.start(cfg, clock, new PrintStream(PrintStream.nullOutputStream()));
            Daemon d = daemon;
            await().atMost(WAIT).until(() -> readyStatus(d) == 200);
            try (KafkaProducer<String, byte[]> producer = producer(broker)) {
                for (String c : conversations) {
                    producer.send(new ProducerRecord<>(cfg.kafka().topics().messages(), c, complaint(c, clock.instant())))
                            .get();
                }
            }
            EmbeddedKafka before = broker;
            await().atMost(WAIT).until(() -> alerts(before, cfg, AlertKind.SIGNAL).keySet().containsAll(conversations));

            long stoppedAt = System.nanoTime();
            broker.close();
            await().atMost(WAIT).until(() -> readyStatus(d) == 503);
            // Every complaint's warning (48 s) and breach (1 min) fall due while the broker is down.
            long advancedAt = System.nanoTime();
            clock.advance(Duration.ofMinutes(2));
            long left = OUTAGE.toNanos() - (System.nanoTime() - stoppedAt);
            if (left > 0) {
                Thread.sleep(left / 1_000_000); // the outage itself lasts 20 s of real time: not a deadline
            }
            assertEquals(503, readyStatus(d), "still not ready while the broker is down");

            broker = EmbeddedKafka.start(port, data);
            long restartedAt = System.nanoTime();
            EmbeddedKafka back = broker;
            await().atMost(WAIT).until(() -> readyStatus(d) == 200);
            long readyAgain = System.nanoTime();
            await().atMost(WAIT).until(() -> alerts(back, cfg, AlertKind.BREACH).keySet().containsAll(conversations));
            // Once all are there, none may come twice: the counts stay at one while the pipeline keeps running.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    alerts(back, cfg, AlertKind.BREACH).values().stream().allMatch(n -> n == 1)
                            && alerts(back, cfg, AlertKind.WARNING).isEmpty());
            System.out.printf("broker outage: not ready after %d ms, ready again %d ms after the restart%n",
                    (advancedAt - stoppedAt) / 1_000_000, (readyAgain - restartedAt) / 1_000_000);
            Map<String, Integer> breaches = alerts(back, cfg, AlertKind.BREACH);
            Map<String, Integer> warnings = alerts(back, cfg, AlertKind.WARNING);
            Map<String, Integer> signals = alerts(back, cfg, AlertKind.SIGNAL);
            for (String c : conversations) {
                assertEquals(1, breaches.get(c), "one breach for " + c);
                // the clock passed warning and breach at once: only the breach is sent (SlaEngine.due)
                assertEquals(null, warnings.get(c), "no late warning after the breach for " + c);
                assertEquals(1, signals.get(c), "the signal not repeated for " + c);
            }
        } finally {
            if (daemon != null) {
                daemon.close();
            }
            broker.close();
        }
    }

    private static int readyStatus(Daemon d) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(d.httpBaseUrl() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static byte[] complaint(String conv, Instant at) {
        return ("{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\"" + conv
                + "\",\"direction\":\"inbound\",\"channel\":\"email\",\"from\":\"a@example.com\","
                + "\"text\":\"Le produit est arrivé cassé, c'est inadmissible\",\"sentAt\":\"" + at + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer(EmbeddedKafka broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Committed alerts of one kind on the alerts topic, counted per conversation. */
    private static Map<String, Integer> alerts(EmbeddedKafka broker, ReplyclockConfig cfg, AlertKind kind)
            throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(cfg.kafka().topics().alerts()).stream()
                    .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
