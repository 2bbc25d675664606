package dev.replyclock.testing;

import java.time.Instant;

/**
 * Webhook bodies shaped like the providers' documented examples (WhatsApp Cloud API's {@code messages} webhook,
 * Chatwoot's {@code message_created}), written for these tests: made-up ids, numbers and texts.
 */
public final class WebhookPayloads {

    public static final String BUSINESS_NUMBER_ID = "109876543210987";

    private WebhookPayloads() {
    }

    /** A notification whose one change carries {@code messagesJson} and {@code statusesJson} (JSON arrays). */
    public static String whatsapp(String messagesJson, String statusesJson) {
        return """
                {"object": "whatsapp_business_account",
                 "entry": [{"id": "880011223344556",
                   "changes": [{"field": "messages",
                     "value": {"messaging_product": "whatsapp",
                       "metadata": {"display_phone_number": "33180000000", "phone_number_id": "%s"},
                       "contacts": [{"profile": {"name": "Camille"}, "wa_id": "33698765432"}],
                       "messages": %s,
                       "statuses": %s}}]}]}
                """.formatted(BUSINESS_NUMBER_ID, messagesJson, statusesJson);
    }

    /** One inbound text message from {@code waId}. */
    public static String whatsappText(String waId, String wamid, String text, Instant at) {
        return whatsapp("""
                [{"from": "%s", "id": "%s", "timestamp": "%d", "type": "text", "text": {"body": "%s"}}]"""
                .formatted(waId, wamid, at.getEpochSecond(), text), "[]");
    }

    /** One status of the business's message {@code wamid} to {@code waId}. */
    public static String whatsappStatus(String waId, String wamid, String status, Instant at) {
        return whatsapp("[]", """
                [{"id": "%s", "status": "%s", "timestamp": "%d", "recipient_id": "%s",
                  "conversation": {"id": "c0ffee0001", "origin": {"type": "service"}},
                  "pricing": {"billable": true, "pricing_model": "PMP", "category": "service"}}]"""
                .formatted(wamid, status, at.getEpochSecond(), waId));
    }

    /** A {@code message_created} event; {@code team} may be null. */
    public static String chatwoot(int account, int conversation, int message, String messageType, boolean isPrivate,
                                  String content, String channel, String team, Instant at) {
        String teamJson = team == null ? "null" : "{\"id\": 4, \"name\": \"" + team + "\"}";
        return """
                {"event": "message_created", "id": %d, "content": "%s", "created_at": "%s",
                 "message_type": "%s", "content_type": "text", "content_attributes": {}, "private": %b,
                 "source_id": null,
                 "sender": {"id": %d, "name": "%s", "type": "%s"},
                 "inbox": {"id": 7, "name": "Boutique support"},
                 "conversation": {"id": %d, "inbox_id": 7, "channel": "%s", "status": "open", "can_reply": true,
                   "meta": {"sender": {"id": 31, "name": "Camille", "phone_number": "+33698765432", "type": "contact"},
                            "assignee": {"id": 2, "name": "Agent Lou", "type": "user"},
                            "team": %s}},
                 "account": {"id": %d, "name": "Boutique"}}
                """.formatted(message, content, at, messageType, isPrivate,
                "incoming".equals(messageType) ? 31 : 2, "incoming".equals(messageType) ? "Camille" : "Agent Lou",
                "incoming".equals(messageType) ? "contact" : "user", conversation, channel, teamJson, account);
    }
}
