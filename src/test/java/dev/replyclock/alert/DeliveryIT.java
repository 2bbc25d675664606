package dev.replyclock.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.classify.Tier;
import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.sla.SlaPolicy;
import dev.replyclock.testing.RecordingHttpServer;
import dev.replyclock.testing.TestBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier on a real broker with real HTTP receivers: a receiver that is down comes back and gets every
 * alert once, while the others are not held up; a restarted notifier does not resend; a receiver that
 * refuses an alert sends it to the undelivered topic with the reason.
 */
class DeliveryIT {

    private static final DeliveryPolicy FAST = new DeliveryPolicy(30, Duration.ofMillis(50), Duration.ofMillis(400),
            Duration.ofMillis(500));

    @RegisterExtension
    static final TestBroker broker = new TestBroker();
    @TempDir
    static Path work;
    private static Properties client;

    @BeforeAll
    static void client() {
        client = broker.client();
    }

    private static Notifier.Topics topics(String run) {
        Notifier.Topics t = new Notifier.Topics(run + ".alerts", run + ".undelivered", run + ".notifications");
        TopicSetup.ensure(client, Map.of(t.alerts(), 2, t.undelivered(), 1, t.notificationLog(), 1), Duration.ofSeconds(60),
                Map.of(t.notificationLog(), Map.of("cleanup.policy", "compact")));
        return t;
    }

    private static List<Alert> publish(String topic, int n) throws Exception {
        List<Alert> alerts = new ArrayList<>();
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                Instant t = Instant.now();
                Alert a = Alert.of("c-" + i, Tier.COMPLAINT, AlertKind.BREACH, 0, "chat", t, t, t, List.of());
                alerts.add(a);
                p.send(new ProducerRecord<>(topic, a.conversationId(), AlertJson.toBytes(a))).get();
            }
        }
        return alerts;
    }

    private static Notifier notifier(String run, Notifier.Topics t, List<Receiver> receivers, SimpleMeterRegistry registry) {
        Notifier n = new Notifier(client, run, t, receivers, FAST, new ReplyclockMetrics(registry, SlaPolicy.DEFAULT),
                Clock.systemUTC());
        n.start();
        return n;
    }

    private static String secret() {
        return "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReceiverDownThenBackGetsEveryAlertOnceAndTheOthersAreNotHeldUp() throws Exception {
        Notifier.Topics t = topics("down");
        try (RecordingHttpServer flaky = new RecordingHttpServer()) {
            AtomicBoolean up = new AtomicBoolean(false);
            List<String> accepted = new CopyOnWriteArrayList<>();
            flaky.answer(r -> {
                if (!up.get()) {
                    return new RecordingHttpServer.Response(503, Map.of(), "down");
                }
                accepted.add(r.header("webhook-id"));
                return RecordingHttpServer.Response.ok();
            });
            Path logFile = work.resolve("down-log.jsonl");
            List<Alert> alerts = publish(t.alerts(), 20);
            try (Notifier n = notifier("down", t, List.of(
                    new WebhookReceiver("hook", flaky.url("/hook"), secret(), Duration.ofSeconds(2), Clock.systemUTC()),
                    new LogReceiver("file", logFile.toString(), "json", System.out)), new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> lines(logFile) == 20);
                assertTrue(accepted.isEmpty(), "the log receiver got everything while the webhook was down");
                up.set(true);
                await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 20);
            }
            assertEquals(20, accepted.size(), "each alert once: " + accepted);
            assertEquals(alerts.stream().map(Alert::id).collect(Collectors.toSet()), Set.copyOf(accepted));
            assertEquals(20, lines(logFile), "the log receiver got each alert once");
        }
    }

    @Test
    void aRestartedNotifierDoesNotResendWhatWasDelivered() throws Exception {
        Notifier.Topics t = topics("restart");
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            List<String> accepted = new CopyOnWriteArrayList<>();
            server.answer(r -> {
                accepted.add(r.header("webhook-id"));
                return RecordingHttpServer.Response.ok();
            });
            publish(t.alerts(), 10);
            try (Notifier n = notifier("restart", t, List.of(new WebhookReceiver("hook", server.url("/"), secret(),
                    Duration.ofSeconds(2), Clock.systemUTC())), new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() == 10);
            }
            // A new group reads the alerts from the beginning: only the notification log stands in the way.
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (Notifier n = notifier("restart-again", t, List.of(new WebhookReceiver("hook", server.url("/"), secret(),
                    Duration.ofSeconds(2), Clock.systemUTC())), registry)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> registry.find("replyclock.deliveries")
                        .tag("outcome", "duplicate").counters().stream().mapToDouble(c -> c.count()).sum() == 10);
            }
            assertEquals(10, accepted.size(), "nothing was sent twice");
        }
    }

    @Test
    void aRefusedAlertGoesToTheUndeliveredTopicWithTheReason() throws Exception {
        Notifier.Topics t = topics("refused");
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            server.answer(r -> new RecordingHttpServer.Response(400, Map.of(), "bad request"));
            List<Alert> alerts = publish(t.alerts(), 1);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (Notifier n = notifier("refused", t, List.of(new SlackReceiver("slack", server.url("/"), "en",
                    Duration.ofSeconds(2))), registry);
                 KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                         ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                         ConsumerConfig.GROUP_ID_CONFIG, "undelivered-reader",
                         ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                         new StringDeserializer(), new ByteArrayDeserializer())) {
                c.subscribe(List.of(t.undelivered()));
                List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> got = new CopyOnWriteArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    c.poll(Duration.ofMillis(200)).forEach(got::add);
                    return !got.isEmpty();
                });
                assertEquals(alerts.get(0).id(), AlertJson.fromBytes(got.get(0).value()).id());
                assertEquals("refused", header(got.get(0), "replyclock.undelivered.reason"));
                assertEquals("slack", header(got.get(0), "replyclock.undelivered.receiver"));
                assertEquals(1, server.requests().size(), "a 400 is not retried");
                assertEquals(1.0, registry.get("replyclock.undelivered").tag("reason", "refused").counter().count());
            }
        }
    }

    @Test
    void alertsGoOnlyWhereTheRouteSendsThem() throws Exception {
        Notifier.Topics t = topics("routed");
        Path pager = work.resolve("routed-pager.jsonl");
        Path rest = work.resolve("routed-rest.jsonl");
        Route route = new Route(Map.of(), List.of("rest"), false, List.of(
                new Route(Map.of("tier", Set.of("complaint")), List.of("pager"), false, List.of())));
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            Instant now = Instant.now();
            for (Tier tier : Tier.values()) {
                Alert a = Alert.of("r-" + tier.wireName(), tier, AlertKind.BREACH, 0, "chat", now, now, now, List.of());
                p.send(new ProducerRecord<>(t.alerts(), a.conversationId(), AlertJson.toBytes(a))).get();
            }
        }
        Notifier n = new Notifier(client, "routed", t, List.of(new LogReceiver("pager", pager.toString(), "json", System.out),
                new LogReceiver("rest", rest.toString(), "json", System.out)), FAST,
                new ReplyclockMetrics(new SimpleMeterRegistry(), SlaPolicy.DEFAULT), Clock.systemUTC(), route, null);
        n.start();
        try (n) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(pager) == 1 && lines(rest) == 2);
        }
        assertTrue(Files.readString(pager).contains("\"tier\":\"complaint\""));
        assertTrue(!Files.readString(rest).contains("\"tier\":\"complaint\""));
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static long lines(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
}
