package dev.replyclock.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.Tier;
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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * refuses an alert sends it to the undelivered topic with the reason; a flaky receiver never delays a
 * complaint, and a conversation's alerts keep their order while one of them is retried.
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
                ConversationAlert a = Alert.about("c-" + i).kind(AlertKind.BREACH).tier(Tier.COMPLAINT).channel("chat").openedAt(t)
                        .deadline(t).createdAt(t).build();
                alerts.add(a);
                p.send(new ProducerRecord<>(topic, a.conversationId(), AlertJson.toBytes(a))).get();
            }
        }
        return alerts;
    }

    /** Sends the alerts in this order to partition 0, so that the notifier reads them in this order. */
    private static void send(String topic, Alert... alerts) throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            for (Alert a : alerts) {
                String key = a instanceof ConversationAlert c ? c.conversationId() : null;
                p.send(new ProducerRecord<>(topic, 0, key, AlertJson.toBytes(a))).get();
            }
        }
    }

    private static Alert alert(String conversation, Tier tier, AlertKind kind) {
        Instant now = Instant.now();
        return Alert.about(conversation).kind(kind).tier(tier).channel("chat").team("billing").openedAt(now)
                .deadline(now).createdAt(now).build();
    }

    private static Notifier notifier(String run, Notifier.Topics t, List<Receiver> receivers, SimpleMeterRegistry registry) {
        return notifier(run, t, receivers, registry, FAST);
    }

    private static Notifier notifier(String run, Notifier.Topics t, List<Receiver> receivers, SimpleMeterRegistry registry,
                                     DeliveryPolicy policy) {
        Notifier n = new Notifier(Notifier.Settings.of(client, run, t, policy,
                new ReplyclockMetrics(registry, SlaPolicy.DEFAULT), Clock.systemUTC()), receivers);
        n.start();
        return n;
    }

    private static String secret() {
        return "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pagerDutyFollowsTheIncidentToItsCloseWhileSlackGetsOnlyThePageWithItsTimeInTheRoutesZone() throws Exception {
        Notifier.Topics t = topics("incident");
        Instant deadline = Instant.parse("2026-11-24T11:17:00Z");
        Alert signal = Alert.about("c-1").kind(AlertKind.SIGNAL).tier(Tier.COMPLAINT).channel("chat").team("billing")
                .openedAt(deadline.minusSeconds(60)).deadline(deadline).createdAt(Instant.now()).build();
        Alert acked = Alert.about("c-1").kind(AlertKind.ACKNOWLEDGED).tier(Tier.COMPLAINT).channel("chat")
                .team("billing").openedAt(deadline.minusSeconds(60)).deadline(deadline).createdAt(Instant.now())
                .ackedBy("alice").build();
        Alert closed = Alert.about("c-1").kind(AlertKind.CLOSED).tier(Tier.COMPLAINT).channel("chat").team("billing")
                .openedAt(deadline.minusSeconds(60)).deadline(deadline).createdAt(Instant.now())
                .reason(Alert.CLOSED_REPLIED).build();
        send(t.alerts(), signal, acked, closed);
        dev.replyclock.sla.BusinessCalendar paris = new dev.replyclock.sla.BusinessCalendar("paris",
                java.time.ZoneId.of("Europe/Paris"), Map.of(), d -> false);
        Route route = new Route(Map.of(), List.of("pd", "slack"), false, List.of(), GroupSettings.INHERIT, paris);
        try (RecordingHttpServer http = new RecordingHttpServer();
             Notifier n = new Notifier(Notifier.Settings.of(client, "incident", t, FAST,
                     new ReplyclockMetrics(new SimpleMeterRegistry(), SlaPolicy.DEFAULT), Clock.systemUTC())
                     .withRoute(route), List.of(
                     new PagerDutyReceiver("pd", http.url("/pd"), "routing-key", "en", Duration.ofSeconds(2)),
                     new SlackReceiver("slack", http.url("/slack"), "en", Duration.ofSeconds(2))))) {
            n.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> http.requests().stream()
                    .filter(r -> r.path().equals("/pd")).count() == 3);
            List<String> actions = http.requests().stream().filter(r -> r.path().equals("/pd"))
                    .map(r -> r.body().replaceAll(".*\"event_action\":\"([a-z]+)\".*", "$1")).toList();
            assertEquals(List.of("trigger", "acknowledge", "resolve"), actions);
            List<RecordingHttpServer.Request> slack = http.requests().stream().filter(r -> r.path().equals("/slack")).toList();
            assertEquals(1, slack.size(), "people get the page, not the incident's updates");
            assertTrue(slack.get(0).body().contains("12:17 CET"), slack.get(0).body());
        }
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
                 KafkaConsumer<String, byte[]> c = undeliveredReader(t)) {
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
                ConversationAlert a = Alert.about("r-" + tier.wireName()).kind(AlertKind.BREACH).tier(tier).channel("chat")
                        .openedAt(now).deadline(now).createdAt(now).build();
                p.send(new ProducerRecord<>(t.alerts(), a.conversationId(), AlertJson.toBytes(a))).get();
            }
        }
        Notifier n = new Notifier(Notifier.Settings.of(client, "routed", t, FAST,
                new ReplyclockMetrics(new SimpleMeterRegistry(), SlaPolicy.DEFAULT), Clock.systemUTC())
                .withRoute(route),
                List.of(new LogReceiver("pager", pager.toString(), "json", System.out),
                        new LogReceiver("rest", rest.toString(), "json", System.out)));
        n.start();
        try (n) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lines(pager) == 1 && lines(rest) == 2);
        }
        assertTrue(Files.readString(pager).contains("\"tier\":\"complaint\""));
        assertTrue(!Files.readString(rest).contains("\"tier\":\"complaint\""));
    }

    private static WebhookReceiver hook(RecordingHttpServer server) {
        return new WebhookReceiver("hook", server.url("/"), secret(), Duration.ofSeconds(2), Clock.systemUTC());
    }

    /** The ids the server accepted (answered 2xx), in the order it accepted them. */
    private static List<String> acceptedIds(RecordingHttpServer server, List<String> accepted,
                                            java.util.function.Predicate<RecordingHttpServer.Request> refuse, int status) {
        server.answer(r -> {
            if (refuse.test(r)) {
                return new RecordingHttpServer.Response(status, Map.of(), "not now");
            }
            accepted.add(r.header("webhook-id"));
            return RecordingHttpServer.Response.ok();
        });
        return accepted;
    }

    private static long requestsFor(RecordingHttpServer server, Alert a) {
        return server.requests().stream().filter(r -> a.id().equals(r.header("webhook-id"))).count();
    }

    @Test
    void alertAfterTwoTransient503sIsNotHeldByTheBreaker() throws Exception {
        Notifier.Topics t = topics("transient");
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            server.answerInTurn(503, 503);
            Alert first = alert("t-1", Tier.URGENT, AlertKind.BREACH);
            send(t.alerts(), first);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (Notifier n = notifier("transient", t, List.of(hook(server)), registry, DeliveryPolicy.DEFAULT)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> requestsFor(server, first) == 3);
                // The next alerts, a complaint's breach among them, come after the receiver has recovered.
                Alert complaint = alert("t-2", Tier.COMPLAINT, AlertKind.BREACH);
                Alert next = alert("t-3", Tier.URGENT, AlertKind.WARNING);
                send(t.alerts(), complaint, next);
                await().atMost(Duration.ofSeconds(5)).until(() -> requestsFor(server, complaint) == 1
                        && requestsFor(server, next) == 1);
                assertEquals(1.0, registry.get("replyclock.receiver.circuit.state").tag("state", "closed").gauge().value(),
                        "two failures in three calls are not a sustained failure");
            }
        }
    }

    @Test
    void aComplaintIsNotDelayedBehindADigestTheReceiverRefuses() throws Exception {
        Notifier.Topics t = topics("digest-refused");
        // Five calls 1, 2, 4, 4 s apart at most: the old worker held everything behind the digest for 5-11 s.
        DeliveryPolicy policy = new DeliveryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(5));
        try (RecordingHttpServer server = new RecordingHttpServer();
             KafkaConsumer<String, byte[]> undelivered = undeliveredReader(t)) {
            List<String> accepted = acceptedIds(server, new CopyOnWriteArrayList<>(),
                    r -> r.body().contains("\"kind\":\"digest\""), 500);
            Instant now = Instant.now();
            Alert digest = Alert.aboutTeam("billing").kind(AlertKind.DIGEST).tier(Tier.STANDARD).at(now).createdAt(now)
                    .build();
            Alert complaint = alert("d-1", Tier.COMPLAINT, AlertKind.BREACH);
            send(t.alerts(), digest, complaint);
            try (Notifier n = notifier("digest-refused", t, List.of(hook(server)), new SimpleMeterRegistry(), policy)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> accepted.contains(complaint.id()));
                assertTrue(requestsFor(server, digest) < policy.attempts(), "the complaint went before the digest's budget");
                List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> got = new CopyOnWriteArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    undelivered.poll(Duration.ofMillis(200)).forEach(got::add);
                    return !got.isEmpty();
                });
                assertEquals(digest.id(), AlertJson.fromBytes(got.get(0).value()).id());
                assertEquals("retries-exhausted", header(got.get(0), "replyclock.undelivered.reason"));
                assertEquals(policy.attempts(), requestsFor(server, digest), "given up after its budget");
            }
        }
    }

    @Test
    void aResolvedIsNeverSentBeforeItsBreachWhileTheBreachIsRetried() throws Exception {
        Notifier.Topics t = topics("order");
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            Alert breach = alert("o-1", Tier.COMPLAINT, AlertKind.BREACH);
            Alert resolved = alert("o-1", Tier.COMPLAINT, AlertKind.RESOLVED);
            Alert other = alert("o-2", Tier.STANDARD, AlertKind.BREACH);
            java.util.concurrent.atomic.AtomicInteger breachCalls = new java.util.concurrent.atomic.AtomicInteger();
            List<String> accepted = acceptedIds(server, new CopyOnWriteArrayList<>(),
                    r -> breach.id().equals(r.header("webhook-id")) && breachCalls.incrementAndGet() <= 2, 503);
            send(t.alerts(), breach, resolved, other);
            try (Notifier n = notifier("order", t, List.of(hook(server)), new SimpleMeterRegistry(), DeliveryPolicy.DEFAULT)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() == 3);
            }
            assertEquals(List.of(other.id(), breach.id(), resolved.id()), accepted,
                    "another conversation's alert is not held up; the resolved comes after its breach");
            assertEquals(1, requestsFor(server, resolved), "never tried before its breach was accepted");
        }
    }

    @Test
    void anAlertWaitingForItsRetryIsDeliveredAfterARestart() throws Exception {
        Notifier.Topics t = topics("retry-restart");
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            AtomicBoolean up = new AtomicBoolean(false);
            Alert retried = alert("r-1", Tier.URGENT, AlertKind.BREACH);
            Alert later = alert("r-2", Tier.URGENT, AlertKind.BREACH);
            List<String> accepted = acceptedIds(server, new CopyOnWriteArrayList<>(),
                    r -> !up.get() && retried.id().equals(r.header("webhook-id")), 503);
            send(t.alerts(), retried, later);
            try (Notifier n = notifier("retry-restart", t, List.of(hook(server)), new SimpleMeterRegistry(),
                    DeliveryPolicy.DEFAULT)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> accepted.contains(later.id())
                        && requestsFor(server, retried) >= 2);
            }
            // Stopped while the first alert waits for its next attempt: its offset was not committed.
            up.set(true);
            try (Notifier n = notifier("retry-restart", t, List.of(hook(server)), new SimpleMeterRegistry(),
                    DeliveryPolicy.DEFAULT)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> accepted.contains(retried.id()));
            }
            assertEquals(List.of(later.id(), retried.id()), accepted, "each once");
        }
    }

    private static KafkaConsumer<String, byte[]> undeliveredReader(Notifier.Topics t) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, t.undelivered() + "-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(t.undelivered()));
        return c;
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static long lines(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
}
