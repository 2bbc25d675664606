package dev.replyclock.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grouping and inhibition on a real broker with a real HTTP receiver: the alerts of one group within
 * group_wait arrive as one request; a complaint breach does not wait for its group, and a held alert is never
 * committed past (a restart delivers it); while a team's overload fires, its breaches are held back and other
 * teams' are not, whether the worker learns the overload on the alerts topic or from the overload topic.
 */
class GroupingIT {

    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("grouping-it-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static final DeliveryPolicy FAST = new DeliveryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(500));
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestBroker broker = new TestBroker();
    @TempDir
    static Path work;
    private static Properties client;

    @BeforeAll
    static void client() {
        client = broker.client();
    }

    /** The product's webhook receiver: one signed request per notification, a group as {"groupKey", "alerts": [...]}. */
    private static Receiver webhook(RecordingHttpServer server) {
        return new WebhookReceiver("hook", server.url("/"), SECRET, Duration.ofSeconds(5), Clock.systemUTC());
    }

    private static Notifier.Topics topics(String run) {
        Notifier.Topics t = new Notifier.Topics(run + ".alerts", run + ".undelivered", run + ".notifications");
        TopicSetup.ensure(client, Map.of(t.alerts(), 1, t.undelivered(), 1, t.notificationLog(), 1), Duration.ofSeconds(60),
                Map.of(t.notificationLog(), Map.of("cleanup.policy", "compact")));
        return t;
    }

    private static Alert page(String conversation, Tier tier, AlertKind kind, String team) {
        Instant now = Instant.now();
        return Alert.about(conversation).kind(kind).tier(tier).channel("chat").team(team).openedAt(now).deadline(now)
                .createdAt(now).build();
    }

    private static void publish(String topic, Alert... alerts) throws Exception {
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(client, new StringSerializer(), new ByteArraySerializer())) {
            for (Alert a : alerts) {
                String key = a instanceof ConversationAlert c ? c.conversationId() : a.team();
                p.send(new ProducerRecord<>(topic, key, AlertJson.toBytes(a))).get();
            }
        }
    }

    private static Route grouped(String groupWait, String receiver) {
        return new Route(Map.of(), List.of(receiver), false, List.of(), new GroupSettings(List.of("team"),
                dev.replyclock.model.DurationParser.parse(groupWait).orElseThrow(), Duration.ZERO), null);
    }

    private static Notifier notifier(String run, Notifier.Topics t, Receiver receiver, Route route,
                                     Inhibition inhibition, SimpleMeterRegistry registry) {
        Notifier n = new Notifier(Notifier.Settings.of(client, run, t, FAST,
                new ReplyclockMetrics(registry, SlaPolicy.DEFAULT), Clock.systemUTC())
                .withRoute(route).withInhibition(inhibition), List.of(receiver));
        n.start();
        return n;
    }

    private static List<List<String>> notifications(RecordingHttpServer server) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (RecordingHttpServer.Request r : server.requests()) {
            List<String> ids = new ArrayList<>();
            com.fasterxml.jackson.databind.JsonNode body = JSON.readTree(r.body());
            if (body.has("alerts")) {
                body.path("alerts").forEach(a -> ids.add(a.path("id").asText()));
            } else {
                ids.add(body.path("id").asText()); // a notification of one alert is the alert itself
            }
            out.add(ids);
        }
        return out;
    }

    private static long committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(client)) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return o == null ? -1 : o.offset();
        }
    }

    private static double count(SimpleMeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void alertsOfOneGroupWithinGroupWaitArriveAsOneRequest() throws Exception {
        Notifier.Topics t = topics("grouped");
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            Alert a = page("g-1", Tier.STANDARD, AlertKind.BREACH, "billing");
            Alert b = page("g-2", Tier.URGENT, AlertKind.WARNING, "billing");
            Alert c = page("g-3", Tier.STANDARD, AlertKind.ESCALATION, "billing");
            Alert other = page("g-4", Tier.STANDARD, AlertKind.BREACH, "shipping");
            publish(t.alerts(), a, b, c, other);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (Notifier n = notifier("grouped", t, webhook(server),
                    grouped("3s", "hook"), Inhibition.byDefault(), registry)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> server.requests().size() >= 2);
                await().atMost(Duration.ofSeconds(10)).until(() -> committed("grouped-notifier-hook", t.alerts()) == 4);
            }
            List<List<String>> got = notifications(server);
            assertEquals(2, got.size(), "one request per group: " + got);
            assertTrue(got.contains(List.of(a.id(), b.id(), c.id())), "billing's three alerts in one request: " + got);
            assertTrue(got.contains(List.of(other.id())), "shipping's alone: " + got);
            assertEquals(3.0, count(registry, "replyclock.grouped.alerts"), "alerts sent inside a group of 2+");
            assertEquals(4.0, count(registry, "replyclock.deliveries"));
        }
    }

    @Test
    void aComplaintBreachArrivesAtOnceAndAHeldAlertIsNeverCommittedPast() throws Exception {
        Notifier.Topics t = topics("urgent");
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            Alert held = page("u-1", Tier.STANDARD, AlertKind.BREACH, "billing");
            Alert breach = page("u-2", Tier.COMPLAINT, AlertKind.BREACH, "billing");
            publish(t.alerts(), held, breach);
            try (Notifier n = notifier("urgent", t, webhook(server),
                    grouped("1h", "hook"), Inhibition.byDefault(), new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> server.requests().size() == 1);
                assertEquals(List.of(List.of(breach.id())), notifications(server),
                        "the complaint's breach, alone, without waiting the group's hour");
                // The worker has handled both records, but the held one bounds the commit.
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .until(() -> committed("urgent-notifier-hook", t.alerts()) <= 0);
            }
            // A restart (here with no group_wait) reads the held alert again; the breach is not sent twice.
            try (Notifier n = notifier("urgent", t, webhook(server),
                    grouped("0s", "hook"), Inhibition.byDefault(), new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> server.requests().size() >= 2);
                await().atMost(Duration.ofSeconds(10)).until(() -> committed("urgent-notifier-hook", t.alerts()) == 2);
            }
            assertEquals(List.of(List.of(breach.id()), List.of(held.id())), notifications(server));
        }
    }

    @Test
    void whileATeamsOverloadFiresItsBreachesAreHeldBackAndOtherTeamsAreNot() throws Exception {
        Notifier.Topics t = topics("inhibit");
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            Alert overload = Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.COMPLAINT).level(1)
                    .at(Instant.now()).createdAt(Instant.now())
                    .conversations(List.of(
                            new Alert.OpenConversation("i-1", Tier.COMPLAINT, Instant.now(), Instant.now())))
                    .build();
            Alert billingBreach = page("i-1", Tier.COMPLAINT, AlertKind.BREACH, "billing");
            Alert billingSignal = page("i-2", Tier.COMPLAINT, AlertKind.SIGNAL, "billing");
            Alert shippingBreach = page("i-3", Tier.COMPLAINT, AlertKind.BREACH, "shipping");
            publish(t.alerts(), overload, billingBreach, billingSignal, shippingBreach);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (Notifier n = notifier("inhibit", t, webhook(server),
                    Route.everything(List.of("hook")), Inhibition.byDefault(), registry)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> notifications(server).contains(List.of(shippingBreach.id())));
            }
            assertEquals(List.of(List.of(overload.id()), List.of(billingSignal.id()), List.of(shippingBreach.id())),
                    notifications(server), "the overload itself, billing's signal and shipping's breach; not billing's breach");
            assertEquals(1.0, count(registry, "replyclock.inhibited"));
            // Handled: a restart does not send it later either.
            SimpleMeterRegistry again = new SimpleMeterRegistry();
            try (Notifier n = notifier("inhibit-again", t, webhook(server),
                    Route.everything(List.of("hook")), Inhibition.byDefault(), again)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> count(again, "replyclock.deliveries") == 4);
            }
            assertEquals(3, server.requests().size(), "nothing more was sent");
        }
    }

    @Test
    void theOverloadTopicKeepsTheStateAcrossRestartsAndItsTombstoneEndsIt() throws Exception {
        Notifier.Topics t = topics("overload-topic");
        String overloadTopic = "overload-topic.overload";
        TopicSetup.ensure(client, Map.of(overloadTopic, 1), Duration.ofSeconds(60),
                Map.of(overloadTopic, Map.of("cleanup.policy", "compact")));
        Alert firing = Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.COMPLAINT).level(1)
                .at(Instant.now()).createdAt(Instant.now()).build();
        publish(overloadTopic, firing);
        try (RecordingHttpServer server = new RecordingHttpServer();
             OverloadStore store = new OverloadStore(client, overloadTopic, new OverloadState())) {
            assertTrue(store.start(Duration.ofSeconds(30)), "read to its end");
            assertEquals(Set.of("billing"), store.state().firingTeams());
            Alert billingBreach = page("o-1", Tier.COMPLAINT, AlertKind.BREACH, "billing");
            Alert shippingBreach = page("o-2", Tier.COMPLAINT, AlertKind.BREACH, "shipping");
            publish(t.alerts(), billingBreach, shippingBreach);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (Notifier n = notifier("overload-topic", t, webhook(server),
                    Route.everything(List.of("hook")), new Inhibition(Inhibition.DEFAULT_KINDS, store.state()), registry)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> server.requests().size() == 1
                        && count(registry, "replyclock.inhibited") == 1);
                assertEquals(List.of(List.of(shippingBreach.id())), notifications(server));
                // The Streams side deletes the team's entry when the overload is over.
                try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(client, new StringSerializer(),
                        new ByteArraySerializer())) {
                    p.send(new ProducerRecord<>(overloadTopic, "billing", null)).get();
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> store.state().firingTeams().isEmpty());
                Alert later = page("o-3", Tier.COMPLAINT, AlertKind.BREACH, "billing");
                publish(t.alerts(), later);
                await().atMost(Duration.ofSeconds(30)).until(() -> server.requests().size() == 2);
                assertEquals(List.of(later.id()), notifications(server).get(1));
            }
        }
    }

    @Test
    void aReloadedRouteBringsItsGroupingAlong() throws Exception {
        Notifier.Topics t = topics("reload");
        try (RecordingHttpServer server = new RecordingHttpServer()) {
            Alert held = page("r-1", Tier.STANDARD, AlertKind.BREACH, "billing");
            publish(t.alerts(), held);
            try (Notifier n = notifier("reload", t, webhook(server),
                    grouped("1h", "hook"), Inhibition.byDefault(), new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> committed("reload-notifier-hook", t.alerts()) == 0);
                n.updateRoute(grouped("0s", "hook"));
                Alert next = page("r-2", Tier.STANDARD, AlertKind.BREACH, "shipping");
                publish(t.alerts(), next);
                await().atMost(Duration.ofSeconds(30)).until(() -> server.requests().size() == 1);
                assertEquals(List.of(List.of(next.id())), notifications(server),
                        "a new group under the reloaded route goes at once; the waiting one keeps its send time");
            }
        }
    }
}
