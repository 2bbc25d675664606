package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import dev.replyclock.testing.RecordingHttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each receiver's wire format, against a real HTTP server (or a real SMTP server, GreenMail). */
class ReceiversTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final RecordingHttpServer server = new RecordingHttpServer();
    private final ObjectMapper json = new ObjectMapper();

    private static ConversationAlert alert(AlertKind kind) {
        return Alert.about("conv-42").kind(kind).tier(Tier.COMPLAINT).channel("sms").openedAt(T0)
                .deadline(T0.plusSeconds(60)).createdAt(T0.plusSeconds(65))
                .signals(List.of(new Signal("damage", Tier.COMPLAINT, "casse", 3, 8))).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void webhookSignatureVerifiesWithTheSecret() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        Clock clock = Clock.fixed(T0.plusSeconds(70), ZoneOffset.UTC);
        new WebhookReceiver("hook", server.url("/hook"), secret, TIMEOUT, clock).deliver(alert(AlertKind.BREACH));
        RecordingHttpServer.Request r = server.requests().get(0);
        Alert sent = AlertJson.fromBytes(r.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(alert(AlertKind.BREACH).id(), r.header("webhook-id"));
        assertEquals(sent.id(), r.header("webhook-id"));
        assertEquals(String.valueOf(T0.plusSeconds(70).getEpochSecond()), r.header("webhook-timestamp"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, r.header("webhook-signature"));
    }

    @Test
    void slackEscapesAmpersandAndAngleBracketsAndSendsBlocks() throws Exception {
        Alert a = Alert.about("<conv&42>").kind(AlertKind.SIGNAL).tier(Tier.URGENT).channel("chat").openedAt(T0)
                .deadline(T0.plusSeconds(300)).createdAt(T0).build();
        new SlackReceiver("slack", server.url("/slack"), "en", TIMEOUT).deliver(a);
        JsonNode body = json.readTree(server.requests().get(0).body());
        assertTrue(body.get("text").asText().contains("&lt;conv&amp;42&gt;"), body.toString());
        assertEquals("section", body.at("/blocks/0/type").asText());
        assertFalse(body.toString().contains("<conv"), "raw angle brackets would be read as Slack markup");
    }

    @Test
    void slackRateLimitCarriesRetryAfter() {
        server.answer(r -> new RecordingHttpServer.Response(429, Map.of("Retry-After", "7"), "slow down"));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> new SlackReceiver("slack", server.url("/slack"), "en", TIMEOUT).deliver(alert(AlertKind.SIGNAL)));
        assertTrue(e.retryable());
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
    }

    @Test
    void aClientErrorIsNotRetriedAServerErrorIs() {
        server.answer(r -> new RecordingHttpServer.Response(400, Map.of(), "bad"));
        assertFalse(assertThrows(DeliveryException.class, () -> new SlackReceiver("s", server.url("/"), "en", TIMEOUT)
                .deliver(alert(AlertKind.SIGNAL))).retryable());
        server.answer(r -> new RecordingHttpServer.Response(503, Map.of(), "down"));
        assertTrue(assertThrows(DeliveryException.class, () -> new SlackReceiver("s", server.url("/"), "en", TIMEOUT)
                .deliver(alert(AlertKind.SIGNAL))).retryable());
    }

    @Test
    void teamsGetsAnAdaptiveCardInFrench() throws Exception {
        new TeamsReceiver("teams", server.url("/teams"), "fr", TIMEOUT).deliver(alert(AlertKind.BREACH));
        JsonNode body = json.readTree(server.requests().get(0).body());
        assertEquals("message", body.get("type").asText());
        assertEquals("application/vnd.microsoft.card.adaptive", body.at("/attachments/0/contentType").asText());
        assertEquals("AdaptiveCard", body.at("/attachments/0/content/type").asText());
        assertEquals("Délai de réponse dépassé (réclamation)", body.at("/attachments/0/content/body/0/text").asText());
    }

    @Test
    void teamsEscapesMarkdownSoNoDisguisedLinkOrFormattingReachesTheCard() throws Exception {
        String sneaky = "[Refund form](https://evil.example/x) **URGENT** _now_\n- step\n1. two `code` <b>";
        Alert a = Alert.about("c_[1](https://evil.example/c)").kind(AlertKind.BREACH).tier(Tier.COMPLAINT)
                .channel("chat").openedAt(T0).deadline(T0.plusSeconds(60)).createdAt(T0.plusSeconds(70))
                .excerpt(sneaky).build();
        new TeamsReceiver("teams", server.url("/teams"), "en", TIMEOUT).deliver(a);
        JsonNode body = json.readTree(server.requests().get(0).body());
        String card = body.at("/attachments/0/content/body").toString();
        assertFalse(card.contains("[Refund form](") || card.contains("[1](") || card.contains("**URGENT**"), card);
        String excerpt = "";
        for (JsonNode block : body.at("/attachments/0/content/body")) {
            if (block.path("isSubtle").asBoolean()) {
                excerpt = block.get("text").asText();
            }
        }
        assertEquals("“\\[Refund form\\](https://evil.example/x) \\*\\*URGENT\\*\\* \\_now\\_\n\\- step\n1\\. two \\`code\\` \\<b\\>”",
                excerpt, "every Markdown character escaped, the URL left visible as plain text");
    }

    @Test
    void pagerDutyTriggersThenResolvesOneIncidentPerDeadline() throws Exception {
        PagerDutyReceiver pd = new PagerDutyReceiver("pd", server.url("/v2/enqueue"), "routing-key-1", "en", TIMEOUT);
        pd.deliver(alert(AlertKind.BREACH));
        pd.deliver(alert(AlertKind.RESOLVED));
        JsonNode trigger = json.readTree(server.requests().get(0).body());
        JsonNode resolve = json.readTree(server.requests().get(1).body());
        assertEquals("trigger", trigger.get("event_action").asText());
        assertEquals("critical", trigger.at("/payload/severity").asText());
        assertEquals("replyclock", trigger.at("/payload/source").asText());
        assertEquals("routing-key-1", trigger.get("routing_key").asText());
        assertEquals("resolve", resolve.get("event_action").asText());
        assertEquals(trigger.get("dedup_key").asText(), resolve.get("dedup_key").asText());
        assertEquals("conv-42:" + T0.plusSeconds(60).toEpochMilli(), trigger.get("dedup_key").asText());
    }

    @Test
    void pagerDutyAcknowledgesOnAnAckAndResolvesWhenTheLadderIsClosed() throws Exception {
        PagerDutyReceiver pd = new PagerDutyReceiver("pd", server.url("/v2/enqueue"), "routing-key-1", "en", TIMEOUT);
        pd.deliver(alert(AlertKind.SIGNAL));
        pd.deliver(alert(AlertKind.ACKNOWLEDGED).withAckedBy("alice"));
        pd.deliver(alert(AlertKind.CLOSED).withReason(Alert.CLOSED_EXPIRED));
        List<JsonNode> events = server.requests().stream().map(r -> {
            try {
                return json.readTree(r.body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertEquals(List.of("trigger", "acknowledge", "resolve"), events.stream().map(e -> e.get("event_action").asText()).toList());
        assertEquals(1, events.stream().map(e -> e.get("dedup_key").asText()).distinct().count(), "one incident");
    }

    @Test
    void withResolveOnAckPagerDutyResolvesTheIncidentOnTheAck() throws Exception {
        PagerDutyReceiver pd = new PagerDutyReceiver("pd", server.url("/v2/enqueue"), "routing-key-1", "en", TIMEOUT,
                AlertText.DEFAULT, true);
        pd.deliver(alert(AlertKind.ACKNOWLEDGED));
        assertEquals("resolve", json.readTree(server.requests().get(0).body()).get("event_action").asText());
    }

    @Test
    void receiversThatWriteToPeopleSkipIncidentUpdatesAndMachinesTakeThem() throws Exception {
        Alert closed = alert(AlertKind.CLOSED).withReason(Alert.CLOSED_REPLIED);
        Alert acked = alert(AlertKind.ACKNOWLEDGED);
        List<Receiver> people = List.of(new SlackReceiver("s", server.url("/s"), "en", TIMEOUT),
                new TeamsReceiver("t", server.url("/t"), "en", TIMEOUT));
        for (Receiver r : people) {
            assertFalse(r.takes(closed), r.name());
            assertFalse(r.takes(acked), r.name());
            assertTrue(r.takes(alert(AlertKind.RESOLVED)), r.name());
        }
        PagerDutyReceiver pd = new PagerDutyReceiver("pd", server.url("/v2/enqueue"), "k", "en", TIMEOUT);
        assertTrue(pd.takes(closed) && pd.takes(acked));
        assertEquals("closed", KafkaReceiver.cloudEvent(closed).at("/data/kind").asText());
        assertEquals("replied", KafkaReceiver.cloudEvent(closed).at("/data/reason").asText());
    }

    @Test
    void smsPostsATwilioShapedFormWithBasicAuthAndIdempotencyKey() throws Exception {
        new SmsReceiver("sms", server.url("/Messages.json"), "AC123", "secret-token", "+33700000000",
                List.of("+33612345678"), "en", TIMEOUT).deliver(alert(AlertKind.BREACH));
        RecordingHttpServer.Request r = server.requests().get(0);
        String form = URLDecoder.decode(r.body(), StandardCharsets.UTF_8);
        assertTrue(form.contains("To=+33612345678") && form.contains("From=+33700000000"), form);
        assertTrue(form.contains("Body=Reply promise broken (complaint)"), form);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("AC123:secret-token".getBytes(StandardCharsets.UTF_8)),
                r.header("Authorization"));
        assertEquals(alert(AlertKind.BREACH).id() + ":+33612345678", r.header("Idempotency-Key"));
    }

    @Test
    void emailArrivesOverSmtpWithTheAlertIdAsMessageId() throws Exception {
        new EmailReceiver("mail", "127.0.0.1", ServerSetupTest.SMTP.getPort(), false, null, null,
                "replyclock@example.com", "lead@example.com", "en", TIMEOUT).deliver(alert(AlertKind.ESCALATION));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("[replyclock] Still no reply, level 0 (complaint)", received[0].getSubject());
        assertEquals("<" + alert(AlertKind.ESCALATION).id() + "@replyclock>", received[0].getMessageID());
        assertEquals("lead@example.com", received[0].getAllRecipients()[0].toString());
    }

    @Test
    void anUnreachableSmtpServerIsRetryable() throws Exception {
        EmailReceiver mail = new EmailReceiver("mail", "127.0.0.1", 1, false, null, null, "a@example.com",
                "b@example.com", "en", Duration.ofMillis(500));
        assertTrue(assertThrows(DeliveryException.class, () -> mail.deliver(alert(AlertKind.BREACH))).retryable());
    }

    @Test
    void kafkaReceiverWritesCloudEvents() {
        JsonNode event = KafkaReceiver.cloudEvent(alert(AlertKind.WARNING));
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals(alert(AlertKind.WARNING).id(), event.get("id").asText());
        assertEquals("dev.replyclock.alert.warning", event.get("type").asText());
        assertEquals("conv-42", event.at("/data/conversationId").asText());
    }
}
