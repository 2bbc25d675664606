package dev.replyclock.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.model.Direction;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.privacy.Pseudonymizer;
import dev.replyclock.testing.WebhookPayloads;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatsappMapperTest {

    private static final Instant AT = Instant.parse("2026-11-24T09:15:30Z");
    private static final Instant NOW = Instant.parse("2026-11-24T09:20:00Z");
    private static final String WA_ID = "33698765432";
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(new byte[32], "FR");
    private final WhatsappMapper mapper = new WhatsappMapper(pseudonymizer, Clock.fixed(NOW, ZoneOffset.UTC));

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    private List<SupportMessage> map(String payload) throws Exception {
        return mapper.map(json(payload)).messages();
    }

    @Test
    void aTextMessageIsAnInboundMessageOfTheCustomersConversationWithTheBusinessNumber() throws Exception {
        SupportMessage m = map(WebhookPayloads.whatsappText(WA_ID, "wamid.AAA1", "Mon colis est arrivé cassé", AT)).get(0);
        assertEquals("wa:wamid.AAA1", m.messageId());
        assertEquals(Direction.INBOUND, m.direction());
        assertEquals("whatsapp", m.channel());
        assertEquals("Mon colis est arrivé cassé", m.text());
        assertEquals(AT, m.sentAt().toInstant());
        String pseudonym = pseudonymizer.pseudonym("+33 6 98 76 54 32");
        assertEquals(pseudonym, m.from(), "the customer's number, pseudonymized as any spelling of it would be");
        assertEquals("wa:" + WebhookPayloads.BUSINESS_NUMBER_ID + ":" + pseudonym, m.conversationId());
    }

    @Test
    void theCustomersNumberAppearsNowhereInTheMappedMessage() throws Exception {
        SupportMessage m = map(WebhookPayloads.whatsappText(WA_ID, "wamid.AAA1", "hello", AT)).get(0);
        for (String field : List.of(m.messageId(), m.conversationId(), m.from())) {
            assertFalse(field.contains("698765432"), field);
        }
    }

    @Test
    void captionsButtonAndListRepliesAreTheTextAndMediaWithoutCaptionIsEmptyText() throws Exception {
        List<SupportMessage> messages = map(WebhookPayloads.whatsapp("""
                [{"from": "%1$s", "id": "w1", "timestamp": "1764000000", "type": "image",
                  "image": {"caption": "le vase est cassé", "mime_type": "image/jpeg", "sha256": "x", "id": "m1"}},
                 {"from": "%1$s", "id": "w2", "timestamp": "1764000001", "type": "button",
                  "button": {"payload": "refund", "text": "Je veux un remboursement"}},
                 {"from": "%1$s", "id": "w3", "timestamp": "1764000002", "type": "interactive",
                  "interactive": {"type": "list_reply", "list_reply": {"id": "r1", "title": "Retard", "description": "colis en retard"}}},
                 {"from": "%1$s", "id": "w4", "timestamp": "1764000003", "type": "interactive",
                  "interactive": {"type": "button_reply", "button_reply": {"id": "b1", "title": "Urgent"}}},
                 {"from": "%1$s", "id": "w5", "timestamp": "1764000004", "type": "audio",
                  "audio": {"mime_type": "audio/ogg", "sha256": "y", "id": "m2", "voice": true}}]""".formatted(WA_ID), "[]"));
        assertEquals(List.of("le vase est cassé", "Je veux un remboursement", "Retard colis en retard", "Urgent", ""),
                messages.stream().map(SupportMessage::text).toList());
        assertTrue(messages.stream().allMatch(SupportMessage::isInbound));
    }

    @Test
    void aSentStatusIsTheBusinessReplyInTheSameConversation() throws Exception {
        SupportMessage inbound = map(WebhookPayloads.whatsappText(WA_ID, "wamid.IN", "bonjour", AT)).get(0);
        SupportMessage reply = map(WebhookPayloads.whatsappStatus(WA_ID, "wamid.OUT", "sent", AT.plusSeconds(40))).get(0);
        assertEquals(Direction.OUTBOUND, reply.direction());
        assertEquals(inbound.conversationId(), reply.conversationId());
        assertEquals("wa:wamid.OUT", reply.messageId());
        assertEquals(AT.plusSeconds(40), reply.sentAt().toInstant());
        assertFalse(reply.from().contains("698765432"));
    }

    @Test
    void deliveredReadAndFailedStatusesAreIgnored() throws Exception {
        for (String status : List.of("delivered", "read", "failed")) {
            Mapped mapped = mapper.map(json(WebhookPayloads.whatsappStatus(WA_ID, "wamid.OUT", status, AT)));
            assertEquals(List.of(), mapped.messages(), status);
            assertEquals(1, mapped.ignored(), status);
        }
    }

    @Test
    void aNotificationWithNothingUsableIsIgnoredNotAnError() throws Exception {
        for (String payload : List.of("{}", "{\"entry\": \"x\"}", "{\"entry\": [{\"changes\": [{\"value\": {}}]}]}",
                WebhookPayloads.whatsapp("[{\"from\": \"" + WA_ID + "\", \"id\": \"s1\", \"type\": \"system\"}]", "[]"))) {
            Mapped mapped = mapper.map(json(payload));
            assertEquals(List.of(), mapped.messages(), payload);
            assertTrue(mapped.ignored() >= 1, payload);
        }
    }

    @Test
    void aMessageWithoutTimestampIsTimedByTheClock() throws Exception {
        SupportMessage m = map(WebhookPayloads.whatsapp("""
                [{"from": "%s", "id": "w9", "type": "text", "text": {"body": "hi"}}]""".formatted(WA_ID), "[]")).get(0);
        assertEquals(NOW, m.sentAt().toInstant());
    }
}
