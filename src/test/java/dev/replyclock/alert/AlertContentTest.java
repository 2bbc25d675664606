package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import dev.replyclock.privacy.Excerpter;
import dev.replyclock.privacy.Redactor;
import dev.replyclock.testing.RecordingHttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What alerts say, in each receiver's real wire format (a real HTTP server, a real SMTP server): templates per
 * language, the team's language, the inbox link, the redacted excerpt, team alerts and groups.
 */
class AlertContentTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String LINK = "https://inbox.example.com/conversations/{conversationId}";
    private final RecordingHttpServer server = new RecordingHttpServer();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        server.close();
    }

    private static AlertText text(Map<String, String> teamLanguages, String link) {
        return new AlertText("en", teamLanguages, Map.of(), link, new Redactor("FR"));
    }

    private static ConversationAlert breach(String conversationId, String team) {
        return Alert.about(conversationId).kind(AlertKind.BREACH).tier(Tier.COMPLAINT).channel("email").team(team)
                .openedAt(T0).deadline(T0.plusSeconds(60)).createdAt(T0.plusSeconds(65))
                .signals(List.of(new Signal("damage", Tier.COMPLAINT, "casse", 3, 8))).build();
    }

    private static Alert.OpenConversation open(String id, Tier tier, int minutesAgo) {
        return new Alert.OpenConversation(id, tier, T0.minusSeconds(60L * minutesAgo), T0.plusSeconds(60));
    }

    private JsonNode onlyRequest() throws Exception {
        assertEquals(1, server.requests().size(), "one request");
        return json.readTree(server.requests().get(0).body());
    }

    private SlackReceiver slack(AlertText text) {
        return new SlackReceiver("slack", server.url("/slack"), null, TIMEOUT, text);
    }

    @Test
    void frenchTeamGetsFrenchText() throws Exception {
        AlertText text = text(Map.of("facturation", "fr"), "");
        slack(text).deliver(breach("c-1", "facturation"));
        JsonNode fr = onlyRequest();
        assertTrue(fr.get("text").asText().startsWith("Délai de réponse dépassé (réclamation): Conversation c-1 · attente 1m05s"),
                fr.toString());
        assertTrue(fr.get("text").asText().contains("motif : damage (casse) · équipe facturation"), fr.toString());

        new TeamsReceiver("teams", server.url("/teams"), null, TIMEOUT, text).deliver(breach("c-2", "returns"));
        JsonNode en = json.readTree(server.requests().get(1).body());
        assertEquals("Reply promise broken (complaint)", en.at("/attachments/0/content/body/0/text").asText(),
                "a team without a language gets alerts.language");
        assertEquals("Reply promise broken (complaint)", text.render(breach("c-3", null), "en").title());
        assertEquals("Délai de réponse dépassé (réclamation)", text.render(breach("c-3", null), "fr").title(),
                "without a team language, the receiver's language");
        assertEquals("Délai de réponse dépassé (réclamation)", text.render(breach("c-4", "facturation"), "en").title(),
                "the team's language comes first");
    }

    @Test
    void timesAreShownInTheZoneOfTheAlertsCalendarElseAlertsTimeZoneWithTheZoneNamed() throws Exception {
        AlertText text = ConfigLoader.builtIn(Map.of("alerts.team-languages", "{billing: fr}")).content().text();
        Alert a = breach("c-42", "billing");
        assertTrue(text.render(a.withShownIn(java.time.ZoneId.of("Europe/Paris")), null).details()
                .contains("échéance 10:01 CET"), text.render(a.withShownIn(java.time.ZoneId.of("Europe/Paris")), null).details());
        assertTrue(text.render(a, null).details().contains("échéance 09:01 UTC"), "alerts.time-zone is UTC by default");
        Alert summer = Alert.about("c-7").kind(AlertKind.BREACH).tier(Tier.URGENT).channel("chat").openedAt(T0)
                .deadline(Instant.parse("2026-07-01T10:17:00Z")).createdAt(T0).build()
                .withShownIn(java.time.ZoneId.of("Europe/Paris"));
        assertTrue(text.render(summer, "en").details().contains("deadline 12:17 CEST"), "DST: the zone's summer name");

        AlertText toronto = ConfigLoader.builtIn(Map.of("alerts.time-zone", "America/Toronto")).content().text();
        assertTrue(toronto.render(breach("c-42", null), "en").details().contains("deadline 04:01 EST"),
                toronto.render(breach("c-42", null), "en").details());
        assertTrue(refusedKeys(Map.of("alerts.time-zone", "Paris")).contains("alerts.time-zone"));
    }

    private static String refusedKeys(Map<String, String> settings) {
        try {
            ConfigLoader.builtIn(settings);
            return "";
        } catch (dev.replyclock.config.ConfigException e) {
            return e.getMessage();
        }
    }

    @Test
    void whoAcknowledgedIsShownOnTheLaterAlerts() {
        ConversationAlert resolved = Alert.about("c-42").kind(AlertKind.RESOLVED).tier(Tier.COMPLAINT).channel("chat").openedAt(T0)
                .deadline(T0.plusSeconds(60)).createdAt(T0.plusSeconds(300)).ackedBy("alice").build();
        assertTrue(text(Map.of(), "").render(resolved, "en").details().contains("taken by alice"));
        assertTrue(text(Map.of(), "").render(resolved, "fr").details().contains("pris en charge par alice"));
        assertTrue(text(Map.of(), "").render(resolved.withAckedBy("bob@example.com"), "en").details().contains("taken by [email]"),
                "masked like every value that does not come from the config");
    }

    @Test
    void templateOverrideFromConfigIsUsed() throws Exception {
        AlertText text = ConfigLoader.builtIn(Map.of(
                "alerts.templates.en.breach", "\"{team}: {conversationId} waited {waited}, due {deadline} ({why})\"",
                "alerts.templates.fr.warning", "\"Bientôt en retard : {conversationId}\"")).content().text();
        new EmailReceiver("mail", "127.0.0.1", ServerSetupTest.SMTP.getPort(), false, null, null,
                "replyclock@example.com", "lead@example.com", null, TIMEOUT, text).deliver(breach("c-42", "billing"));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("[replyclock] billing: c-42 waited 1m05s, due 09:01 UTC (damage (casse))", received[0].getSubject());
        Alert warning = Alert.about("c-42").kind(AlertKind.WARNING).tier(Tier.URGENT).channel("chat").openedAt(T0)
                .deadline(T0.plusSeconds(300)).createdAt(T0.plusSeconds(240)).build();
        assertEquals("Reply due soon (urgent)", text.render(warning, "en").title(), "the other keys keep their defaults");
        assertEquals("Bientôt en retard : c-42", text.render(warning, "fr").title());
        assertEquals("Nouveau message urgent", text.render(Alert.about("c-42").kind(AlertKind.SIGNAL).tier(Tier.URGENT)
                .channel("chat").openedAt(T0).deadline(T0.plusSeconds(300)).createdAt(T0).build(), "fr").title());
    }

    @Test
    void linkTemplateIsRenderedAndEncoded() throws Exception {
        AlertText text = text(Map.of(), LINK);
        String id = "conv 42/é&x?";
        String encoded = "https://inbox.example.com/conversations/conv%2042%2F%C3%A9%26x%3F";
        Alert a = breach(id, null);

        slack(text).deliver(a);
        String slackSection = json.readTree(server.requests().get(0).body()).at("/blocks/0/text/text").asText();
        assertTrue(slackSection.contains("<" + encoded.replace("&", "&amp;") + "|Open the conversation>"), slackSection);

        new TeamsReceiver("teams", server.url("/teams"), "en", TIMEOUT, text).deliver(a);
        assertTrue(server.requests().get(1).body().contains("\"type\":\"Action.OpenUrl\",\"url\":\"" + encoded + "\""),
                server.requests().get(1).body());

        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        new WebhookReceiver("hook", server.url("/hook"), "whsec_" + Base64.getEncoder().encodeToString(key), TIMEOUT,
                Clock.fixed(T0, ZoneOffset.UTC), text).deliver(a);
        assertEquals(encoded, json.readTree(server.requests().get(2).body()).get("link").asText());

        new PagerDutyReceiver("pd", server.url("/v2/enqueue"), "rk", "en", TIMEOUT, text).deliver(a);
        assertEquals(encoded, json.readTree(server.requests().get(3).body()).at("/links/0/href").asText());

        new SmsReceiver("sms", server.url("/Messages.json"), "AC1", "tok", "+33700000000", List.of("+33612345678"),
                "en", TIMEOUT, text).deliver(a);
        assertTrue(URLDecoder.decode(server.requests().get(4).body(), StandardCharsets.UTF_8).contains(encoded));

        new EmailReceiver("mail", "127.0.0.1", ServerSetupTest.SMTP.getPort(), false, null, null,
                "replyclock@example.com", "lead@example.com", "en", TIMEOUT, text).deliver(a);
        assertTrue(GreenMailUtil.getBody(smtp.getReceivedMessages()[0]).contains("conv%2042%2F%C3%A9%26x%3F"));

        assertEquals(encoded, KafkaReceiver.cloudEvent(a, text).at("/data/link").asText());
        assertFalse(new WebhookReceiver("hook", server.url("/hook"), "whsec_" + Base64.getEncoder().encodeToString(key),
                TIMEOUT, Clock.systemUTC()).document(a).has("link"), "no link-template, no link");
    }

    @Test
    void excerptIsRedactedAndShort() throws Exception {
        Excerpter excerpter = new Excerpter(new Redactor("FR"), 110);
        String message = "Mon colis   est arrivé cassé.\nAppelez le 06 12 34 56 78 ou écrivez à "
                + "jean.dupont@example.com, carte 4111 1111 1111 1111, IBAN FR7630006000011234567890189, merci de me "
                + "rembourser au plus vite car c'est inadmissible";
        String excerpt = excerpter.excerpt(message);
        assertTrue(excerpt.length() <= 110, excerpt.length() + ": " + excerpt);
        assertTrue(excerpt.endsWith("…"), excerpt);
        assertTrue(excerpt.startsWith("Mon colis est arrivé cassé. Appelez le [phone] ou écrivez à [email]"), excerpt);
        assertFalse(excerpt.matches(".*\\d{2} \\d{2}.*"), excerpt);
        assertFalse(excerpt.contains("…") && excerpt.indexOf('…') != excerpt.length() - 1, "cut once, at the end");
        String kept = excerpt.substring(0, excerpt.length() - 1);
        String whole = new Redactor("FR").redact(message.replaceAll("\\s+", " "));
        assertTrue(whole.startsWith(kept) && whole.charAt(kept.length()) == ' ', "cut at a word boundary: " + excerpt);
        assertTrue(excerpt.contains("carte [card], IBAN [iban]"), excerpt);
        assertEquals("Court.", excerpter.excerpt("  Court. "), "a short text is kept whole");

        // The receiver shows it, and masks again whatever reached it unmasked (safety net).
        slack(text(Map.of(), "")).deliver(breach("c-1", null).withExcerpt("écrivez à paul@example.org"));
        String section = onlyRequest().at("/blocks/0/text/text").asText();
        assertTrue(section.contains("\n>écrivez à [email]"), section);
        assertFalse(section.contains("paul@"), section);
    }

    @Test
    void aPhoneNumberOrEmailInAnIdIsMaskedInTheText() throws Exception {
        slack(text(Map.of(), "")).deliver(breach("wa-+33612345678", "ops@example.com"));
        String body = onlyRequest().toString();
        assertFalse(body.contains("612345678"), body);
        assertFalse(body.contains("ops@example.com"), body);
        assertTrue(body.contains("[phone]") && body.contains("[email]"), body);
    }

    @Test
    void groupOfThreeIsOneSlackMessage() throws Exception {
        AlertGroup group = new AlertGroup(Map.of("tier", "complaint"),
                List.of(breach("c-1", null), breach("c-2", null), breach("c-3", null)));
        slack(text(Map.of(), "")).deliver(group);
        JsonNode body = onlyRequest();
        JsonNode blocks = body.get("blocks");
        assertEquals("3 alerts", blocks.get(0).at("/text/text").asText());
        assertEquals(4, blocks.size(), "a header and a section per alert");
        for (int i = 1; i <= 3; i++) {
            assertTrue(blocks.get(i).at("/text/text").asText().contains("Conversation c-" + i), blocks.toString());
        }
        assertTrue(body.get("text").asText().startsWith("3 alerts: Reply promise broken (complaint)"), body.toString());

        List<Alert> many = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            many.add(breach("c-" + i, null));
        }
        slack(text(Map.of(), "")).deliver(new AlertGroup(Map.of(), many));
        JsonNode capped = json.readTree(server.requests().get(1).body()).get("blocks");
        assertEquals(1 + SlackReceiver.MAX_SECTIONS + 1, capped.size());
        assertEquals("and 3 more", capped.get(capped.size() - 1).at("/elements/0/text").asText());
    }

    @Test
    void webhookGroupIsOneSignedRequest() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        AlertGroup group = new AlertGroup(Map.of("team", "billing"), List.of(breach("c-1", "billing"), breach("c-2", "billing")));
        new WebhookReceiver("hook", server.url("/hook"), "whsec_" + Base64.getEncoder().encodeToString(key), TIMEOUT,
                Clock.fixed(T0, ZoneOffset.UTC), text(Map.of(), LINK)).deliver(group);
        JsonNode body = onlyRequest();
        RecordingHttpServer.Request r = server.requests().get(0);
        assertEquals(group.id(), r.header("webhook-id"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertEquals("v1," + Base64.getEncoder().encodeToString(mac.doFinal((group.id() + "." + r.header("webhook-timestamp")
                + "." + r.body()).getBytes(StandardCharsets.UTF_8))), r.header("webhook-signature"));
        assertEquals("billing", body.at("/groupKey/team").asText());
        assertEquals(2, body.get("alerts").size());
        assertEquals(breach("c-2", "billing").id(), body.at("/alerts/1/id").asText());
        assertEquals("https://inbox.example.com/conversations/c-1", body.at("/alerts/0/link").asText());
        assertEquals("billing", body.at("/alerts/0/team").asText());
    }

    @Test
    void overloadAlertListsTheOldestWaits() throws Exception {
        List<Alert.OpenConversation> open = List.of(open("c-new", Tier.URGENT, 1), open("c-old", Tier.COMPLAINT, 40),
                open("c-3", Tier.URGENT, 5), open("c-4", Tier.COMPLAINT, 30), open("c-5", Tier.URGENT, 20),
                open("c-6", Tier.URGENT, 10), open("c-7", Tier.URGENT, 2));
        Alert overload = Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.URGENT).level(1).at(T0)
                .createdAt(T0).conversations(open).build();
        slack(text(Map.of(), "")).deliver(overload);
        String section = onlyRequest().at("/blocks/0/text/text").asText();
        assertTrue(section.startsWith("*Team overloaded (urgent and more)*\nTeam billing · 7 open conversations · oldest wait 40m00s"),
                section);
        List<String> lines = List.of(section.split("\n"));
        assertEquals(List.of("• c-old · complaint · waited 40m00s", "• c-4 · complaint · waited 30m00s",
                "• c-5 · urgent · waited 20m00s", "• c-6 · urgent · waited 10m00s", "• c-3 · urgent · waited 5m00s",
                "• and 2 more"), lines.subList(2, lines.size()));

        RenderedAlert fr = text(Map.of("billing", "fr"), "").render(overload, null);
        assertEquals("Équipe débordée (urgent et plus)", fr.title());
        assertEquals("Équipe billing · 7 conversations ouvertes · plus longue attente 40m00s", fr.details());
        assertEquals("Team no longer overloaded (urgent and more)", text(Map.of(), "")
                .render(Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.URGENT).at(T0)
                        .createdAt(T0.plusSeconds(600)).conversations(open).build(), null).title());
    }

    @Test
    void digestIsOneEmail() throws Exception {
        List<Alert.OpenConversation> open = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            open.add(open("s-" + i, Tier.STANDARD, i));
        }
        open.add(open("u-1", Tier.URGENT, 3));
        open.add(open("k-young", Tier.COMPLAINT, 2));
        open.add(open("k-old", Tier.COMPLAINT, 9));
        Alert digest = Alert.aboutTeam("billing").kind(AlertKind.DIGEST).tier(Tier.STANDARD).at(T0).createdAt(T0)
                .conversations(open).build();
        new EmailReceiver("mail", "127.0.0.1", ServerSetupTest.SMTP.getPort(), false, null, null,
                "replyclock@example.com", "lead@example.com", "en", TIMEOUT, text(Map.of(), "")).deliver(digest);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length, "one mail");
        assertEquals("[replyclock] Open conversations", received[0].getSubject());
        assertEquals("<" + digest.id() + "@replyclock>", received[0].getMessageID());
        String body = received[0].getContent().toString().replace("\r\n", "\n");
        assertTrue(body.contains("Team billing · 15 open conversations · oldest wait 12m00s"), body);
        int complaint = body.indexOf("complaint (2)");
        int urgent = body.indexOf("urgent (1)");
        int standard = body.indexOf("standard (12)");
        assertTrue(complaint > 0 && complaint < urgent && urgent < standard, body);
        assertTrue(body.indexOf("k-old") < body.indexOf("k-young"), "oldest first");
        assertTrue(body.indexOf("s-12 ") < body.indexOf("s-11 "), "oldest first");
        assertFalse(body.contains("s-2 ") || body.contains("s-1 "), "capped at " + AlertText.DIGEST_LISTED_PER_TIER);
        assertTrue(body.contains("and 2 more"), body);
    }

    @Test
    void pagerDutyResolvesAnEndedOverload() throws Exception {
        List<Alert.OpenConversation> open = List.of(open("c-1", Tier.COMPLAINT, 5));
        PagerDutyReceiver pd = new PagerDutyReceiver("pd", server.url("/v2/enqueue"), "rk", "en", TIMEOUT,
                text(Map.of(), ""));
        pd.deliver(Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.URGENT).level(1).at(T0).createdAt(T0)
                .conversations(open).build());
        pd.deliver(Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.URGENT).at(T0)
                .createdAt(T0.plusSeconds(900)).build());
        pd.deliver(Alert.aboutTeam("billing").kind(AlertKind.DIGEST).tier(Tier.STANDARD).at(T0).createdAt(T0)
                .conversations(open).build());
        assertEquals(2, server.requests().size(), "a digest is not an incident");
        JsonNode trigger = json.readTree(server.requests().get(0).body());
        JsonNode resolve = json.readTree(server.requests().get(1).body());
        assertEquals("trigger", trigger.get("event_action").asText());
        assertEquals("team:billing:" + T0.toEpochMilli(), trigger.get("dedup_key").asText());
        assertTrue(trigger.at("/payload/summary").asText().startsWith("Team overloaded (urgent and more): Team billing"));
        assertEquals("resolve", resolve.get("event_action").asText());
        assertEquals(trigger.get("dedup_key").asText(), resolve.get("dedup_key").asText());
    }

    @Test
    void aGroupIsOneTeamsCardOneMailAndOneSms() throws Exception {
        AlertGroup group = new AlertGroup(Map.of(), List.of(breach("c-1", null), breach("c-2", null)));
        new TeamsReceiver("teams", server.url("/teams"), "en", TIMEOUT, text(Map.of(), "")).deliver(group);
        JsonNode card = json.readTree(server.requests().get(0).body()).at("/attachments/0/content/body");
        assertEquals("2 alerts", card.get(0).get("text").asText());
        assertEquals("Container", card.get(1).get("type").asText());
        new SmsReceiver("sms", server.url("/Messages.json"), "AC1", "tok", "+33700000000", List.of("+33612345678"),
                "fr", TIMEOUT, text(Map.of(), "")).deliver(group);
        assertEquals(2, server.requests().size());
        assertTrue(URLDecoder.decode(server.requests().get(1).body(), StandardCharsets.UTF_8)
                .contains("Body=2 alertes: Délai de réponse dépassé (réclamation)"));
        assertEquals(group.id() + ":+33612345678", server.requests().get(1).header("Idempotency-Key"));
        new EmailReceiver("mail", "127.0.0.1", ServerSetupTest.SMTP.getPort(), false, null, null,
                "replyclock@example.com", "lead@example.com", "en", TIMEOUT, text(Map.of(), "")).deliver(group);
        assertEquals(1, smtp.getReceivedMessages().length);
        assertNotNull(smtp.getReceivedMessages()[0].getSubject());
        assertTrue(smtp.getReceivedMessages()[0].getSubject().startsWith("[replyclock] 2 alerts"));
    }
}
