package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.BusinessCalendar;
import dev.replyclock.sla.SlaPolicies;
import dev.replyclock.sla.SlaPolicy;
import dev.replyclock.testing.TopologyHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SLA processor keeps, and for how long: first and next reply times, and deletion at the end of
 * the retention period through the same deadline index that fires alerts. And what becomes of the incidents
 * a wait opens (one per deadline that raised alerts): an ack acknowledges them and names who took the
 * conversation on every later alert; the end of the ladder (a reply, the end of retention) closes each one,
 * with its reason.
 */
class StateLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(90);

    @TempDir
    Path stateDir;
    private final MutableClock clock = new MutableClock(T0);
    private TopologyHarness h;
    private KeyValueStore<String, Object> store;

    @BeforeEach
    void start() {
        h = TopologyHarness.setup("lifecycle-test", stateDir, clock).pipeline(p -> p.withRetention(RETENTION)).start();
        store = h.store(ReplyclockTopology.CLOCKS_STORE);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void send(String conv, String direction, String text) {
        pipe(conv, "{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\"" + conv
                + "\",\"direction\":\"" + direction + "\",\"channel\":\"chat\",\"from\":\"x\",\"text\":\"" + text
                + "\",\"sentAt\":\"" + clock.instant() + "\"}");
    }

    private long replies(String clockKind) {
        return h.registry().find("replyclock.reply.time").tag("clock", clockKind).timers().stream()
                .mapToLong(t -> t.count()).sum();
    }

    @Test
    void firstReplyThenNextReplyAreMeasuredApart() {
        send("c1", "inbound", "What sizes do you have?");
        h.advance(Duration.ofMinutes(2));
        send("c1", "outbound", "S to XL");
        assertEquals(1, replies("first"));
        h.advance(Duration.ofMinutes(1));
        send("c1", "inbound", "And in blue?");
        h.advance(Duration.ofMinutes(3));
        send("c1", "outbound", "Yes");
        assertEquals(1, replies("first"));
        assertEquals(1, replies("next"), "a wait after a reply is a next reply time");
    }

    @Test
    void aFollowUpIsHeldToTheNextReplyTargetBecauseTheStoreRemembersTheReply() {
        h.spec().engine().updatePolicies(SlaPolicies.single(new SlaPolicy(Duration.ofMinutes(15),
                Duration.ofMinutes(5), Duration.ofMinutes(1), 0.8, Duration.ofMinutes(10), 3, BusinessCalendar.ALWAYS,
                Set.of(), Map.of(), Map.of(Tier.STANDARD, Duration.ofHours(1)))));
        send("c5", "inbound", "What sizes do you have?");
        h.advance(Duration.ofMinutes(2));
        send("c5", "outbound", "S to XL");
        h.advance(Duration.ofMinutes(1));
        send("c5", "inbound", "And in blue?");
        for (int minute = 1; minute <= 47; minute++) {
            h.advance(Duration.ofMinutes(1));
        }
        assertTrue(h.alertJson().isEmpty(), "no warning at 12 nor breach at 15 minutes: the follow-up has an hour");
        h.advance(Duration.ofMinutes(1));
        assertTrue(h.alertJson().readValue().contains("\"kind\":\"warning\""),
                "warning at 48 minutes, 0.8 of the hour");
    }

    @Test
    void aRepliedConversationIsDeletedWhenRetentionEnds() {
        send("c2", "inbound", "What sizes do you have?");
        send("c2", "outbound", "S to XL");
        assertNotNull(store.get("c2"), "the reply is remembered for the next wait");
        h.advance(RETENTION.minusMinutes(1));
        assertNotNull(store.get("c2"));
        h.advance(Duration.ofMinutes(2));
        assertNull(store.get("c2"), "nothing is kept past privacy.retention");
        assertEquals(1.0, h.registry().get("replyclock.expired.conversations").counter().count());
    }

    @Test
    void anUnansweredConversationIsDeletedAfterItsLadderAndRetention() {
        send("c3", "inbound", "Do you ship to Belgium?");
        for (int minute = 1; minute <= 46; minute++) {
            h.advance(Duration.ofMinutes(1)); // warning at 12, breach at 15, escalations at 25, 35, 45
        }
        assertEquals(5, h.alertJson().readValuesToList().size(), "warning, breach, 3 escalations");
        assertEquals(1.0, openGauge());
        h.advance(RETENTION);
        assertNull(store.get("c3"));
        assertEquals(0.0, openGauge());
        List<String> atExpiry = h.alertJson().readValuesToList();
        assertEquals(1, atExpiry.size(), "one incident (one deadline) to close: " + atExpiry);
        assertTrue(atExpiry.get(0).contains("\"kind\":\"closed\"") && atExpiry.get(0).contains("\"reason\":\"expired\""),
                atExpiry.get(0));
    }

    @Test
    void anAcknowledgementForAnUnknownConversationKeepsNothing() {
        String json = "{\"messageId\":\"a1\",\"conversationId\":\"c4\",\"direction\":\"ack\",\"sentAt\":\"" + T0 + "\"}";
        h.in().pipeInput("c4".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
        assertNull(store.get("c4"));
        assertFalse(h.driver().producedTopicNames().contains("dlq"), "an ack is a valid record");
    }

    private double openGauge() {
        return h.registry().find("replyclock.open.conversations").gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    private void ack(String conv, String by) {
        pipe(conv, "{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\"" + conv
                + "\",\"direction\":\"ack\",\"sentAt\":\"" + clock.instant() + "\"" + (by == null ? "" : ",\"by\":\"" + by + "\"")
                + "}");
    }

    private void pipe(String conv, String json) {
        h.in().pipeInput(conv.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    private List<Alert> read() {
        return h.alertJson().readValuesToList().stream().map(json -> {
            try {
                return AlertJson.fromBytes(json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<Alert> ofKind(List<Alert> all, AlertKind kind) {
        return all.stream().filter(a -> a.kind() == kind).toList();
    }

    private static Set<Instant> deadlines(List<Alert> all) {
        return all.stream().map(Alert::deadline).collect(Collectors.toSet());
    }

    @Test
    void aReplyClosesEveryIncidentTheWaitOpenedAlsoThoseOfEarlierDeadlines() {
        send("c1", "inbound", "J'ai besoin d'une réponse urgente");       // urgent: a signal, first incident
        h.advance(Duration.ofMinutes(1));
        send("c1", "inbound", "C'est inadmissible, je veux un remboursement"); // complaint: a tighter deadline
        List<Alert> opened = read();
        assertEquals(2, deadlines(ofKind(opened, AlertKind.SIGNAL)).size(), "two deadlines, two incidents: " + opened);
        h.advance(Duration.ofSeconds(20));
        send("c1", "outbound", "Nous regardons cela tout de suite");
        List<Alert> closed = ofKind(read(), AlertKind.CLOSED);
        assertEquals(deadlines(ofKind(opened, AlertKind.SIGNAL)), deadlines(closed), "one closed per incident");
        closed.forEach(a -> assertEquals(Alert.CLOSED_REPLIED, ((ConversationAlert) a).reason()));
    }

    @Test
    void aWaitThatRaisedNoAlertHasNoIncidentToClose() {
        send("c2", "inbound", "What sizes do you have?");
        h.advance(Duration.ofMinutes(2));
        send("c2", "outbound", "S to XL");
        assertTrue(h.alertJson().isEmpty(), "a standard wait answered before its warning");
    }

    @Test
    void anAckAcknowledgesTheIncidentsAndWhoTookItIsShownOnTheLaterAlerts() {
        send("c3", "inbound", "C'est inadmissible, je veux un remboursement");
        Alert signal = read().get(0);
        h.advance(Duration.ofSeconds(30));
        ack("c3", "alice");
        List<Alert> acked = read();
        assertEquals(1, acked.size(), acked.toString());
        assertEquals(AlertKind.ACKNOWLEDGED, acked.get(0).kind());
        assertEquals(signal.deadline(), acked.get(0).deadline(), "the incident of the signal: same dedup key");
        assertEquals("alice", ((ConversationAlert) acked.get(0)).ackedBy());

        h.advance(Duration.ofMinutes(5));
        assertTrue(h.alertJson().isEmpty(), "the ack stops the ladder: no breach");
        ack("c3", "bob");
        assertTrue(h.alertJson().isEmpty(), "a second ack of the same deadline tells nobody again");
        send("c3", "outbound", "Voici votre remboursement");
        List<Alert> closed = read();
        assertEquals(1, closed.size(), closed.toString());
        assertEquals(AlertKind.CLOSED, closed.get(0).kind());
        assertEquals("bob", ((ConversationAlert) closed.get(0)).ackedBy(), "the last ack names who has it");
    }

    @Test
    void anAckWithoutByStillAcknowledges() {
        send("c4", "inbound", "J'ai besoin d'une réponse urgente");
        read();
        ack("c4", null);
        List<Alert> acked = read();
        assertEquals(List.of(AlertKind.ACKNOWLEDGED), acked.stream().map(Alert::kind).toList());
        assertEquals(null, ((ConversationAlert) acked.get(0)).ackedBy());
    }

    @Test
    void aBreachThenAReplyGivesResolvedAndClosesTheIncident() {
        send("c5", "inbound", "C'est inadmissible, je veux un remboursement");
        h.advance(Duration.ofMinutes(2));
        read();
        send("c5", "outbound", "Désolé du retard");
        List<Alert> end = read();
        assertEquals(List.of(AlertKind.RESOLVED, AlertKind.CLOSED), end.stream().map(Alert::kind).toList(),
                "resolved for people, then closed for the incident");
        assertEquals(end.get(0).deadline(), end.get(1).deadline());
    }
}
