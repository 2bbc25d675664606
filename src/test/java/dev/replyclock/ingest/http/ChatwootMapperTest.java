package dev.replyclock.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class ChatwootMapperTest {

    private static final Instant AT = Instant.parse("2026-11-24T09:15:30Z");
    private final ChatwootMapper mapper = new ChatwootMapper(new Pseudonymizer(new byte[32], "FR"),
            Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    private Mapped map(String payload) throws Exception {
        JsonNode node = new ObjectMapper().readTree(payload);
        return mapper.map(node);
    }

    @Test
    void anIncomingMessageIsInboundInTheAccountsConversation() throws Exception {
        SupportMessage m = map(WebhookPayloads.chatwoot(3, 42, 118, "incoming", false, "Mon colis est arrivé cassé",
                "Channel::WebWidget", "returns", AT)).messages().get(0);
        assertEquals(Direction.INBOUND, m.direction());
        assertEquals("chatwoot:3:42", m.conversationId());
        assertEquals("chatwoot:3:118", m.messageId());
        assertEquals("chat", m.channel());
        assertEquals("returns", m.team());
        assertEquals("Mon colis est arrivé cassé", m.text());
        assertEquals(AT, m.sentAt().toInstant());
        assertTrue(m.from().startsWith("cust_"), "the contact is pseudonymized: " + m.from());
    }

    @Test
    void anOutgoingMessageIsTheStaffReplyOfTheSameConversation() throws Exception {
        SupportMessage m = map(WebhookPayloads.chatwoot(3, 42, 119, "outgoing", false, "Toutes nos excuses",
                "Channel::Whatsapp", null, AT)).messages().get(0);
        assertEquals(Direction.OUTBOUND, m.direction());
        assertEquals("chatwoot:3:42", m.conversationId());
        assertEquals("whatsapp", m.channel());
        assertNull(m.team(), "no team on the conversation");
    }

    @Test
    void privateNotesTemplatesActivitiesAndOtherEventsAreIgnored() throws Exception {
        List<String> ignored = List.of(
                WebhookPayloads.chatwoot(3, 42, 120, "outgoing", true, "note: customer is upset", "Channel::Email", null, AT),
                WebhookPayloads.chatwoot(3, 42, 121, "template", false, "Give us your e-mail", "Channel::WebWidget", null, AT),
                WebhookPayloads.chatwoot(3, 42, 122, "activity", false, "Conversation was resolved", "Channel::Api", null, AT),
                WebhookPayloads.chatwoot(3, 42, 123, "incoming", false, "hi", "Channel::Api", null, AT)
                        .replace("\"message_created\"", "\"message_updated\""),
                "{\"event\": \"conversation_status_changed\", \"id\": 42}");
        for (String payload : ignored) {
            Mapped mapped = map(payload);
            assertEquals(List.of(), mapped.messages(), payload);
            assertEquals(1, mapped.ignored());
        }
    }

    @Test
    void olderVersionsNumericMessageTypesAndRailsTimesAreRead() throws Exception {
        String payload = WebhookPayloads.chatwoot(3, 42, 124, "incoming", false, "hello", "Channel::TwilioSms", null, AT)
                .replace("\"message_type\": \"incoming\"", "\"message_type\": 0")
                .replace("\"" + AT + "\"", "\"2026-11-24 09:15:30 UTC\"");
        SupportMessage m = map(payload).messages().get(0);
        assertEquals(Direction.INBOUND, m.direction());
        assertEquals("sms", m.channel());
        assertEquals(AT, m.sentAt().toInstant());
    }

    @Test
    void theContactsPhoneNumberIsNeverCarried() throws Exception {
        SupportMessage m = map(WebhookPayloads.chatwoot(3, 42, 125, "incoming", false, "hello", "Channel::Whatsapp",
                null, AT)).messages().get(0);
        for (String field : List.of(m.messageId(), m.conversationId(), m.from())) {
            assertFalse(field.contains("698765432"), field);
        }
    }
}
