package dev.replyclock.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.model.Direction;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.privacy.Pseudonymizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chatwoot's {@code message_created} webhook to the message contract: {@code message_type} {@code incoming} is the
 * customer, {@code outgoing} a staff reply; private notes, {@code template} and {@code activity} messages and every
 * other event are ignored. The conversation is the account's conversation ({@code account.id},
 * {@code conversation.id}), the channel the inbox's channel type ({@code Channel::Whatsapp} -> {@code whatsapp}), the
 * team the conversation's team when it has one. The customer is known by their Chatwoot contact id, pseudonymized.
 * Pure: no I/O.
 */
public final class ChatwootMapper {

    /** Chatwoot's channel classes whose plain lower-case name would read oddly on a metric or in a policy. */
    private static final Map<String, String> CHANNELS = Map.of(
            "WebWidget", "chat", "FacebookPage", "facebook", "TwilioSms", "sms", "TwitterProfile", "twitter");
    /** Older versions send the message type as its enum index. */
    private static final List<String> TYPES_BY_INDEX = List.of("incoming", "outgoing", "activity", "template");

    private final Pseudonymizer pseudonymizer;
    private final Clock clock;

    public ChatwootMapper(Pseudonymizer pseudonymizer, Clock clock) {
        this.pseudonymizer = pseudonymizer;
        this.clock = clock;
    }

    public Mapped map(JsonNode event) {
        if (!"message_created".equals(event.path("event").asText())) {
            return Mapped.ignoredOne();
        }
        JsonNode type = event.path("message_type");
        String messageType = type.isInt() && type.asInt() >= 0 && type.asInt() < TYPES_BY_INDEX.size()
                ? TYPES_BY_INDEX.get(type.asInt()) : type.asText("");
        Direction direction = switch (messageType) {
            case "incoming" -> Direction.INBOUND;
            case "outgoing" -> Direction.OUTBOUND;
            default -> null;
        };
        String account = id(event.path("account").path("id"));
        JsonNode conversation = event.path("conversation");
        String conversationNumber = id(conversation.path("id"));
        String messageNumber = id(event.path("id"));
        if (direction == null || event.path("private").asBoolean(false)
                || account.isEmpty() || conversationNumber.isEmpty() || messageNumber.isEmpty()) {
            return Mapped.ignoredOne();
        }
        String from = direction == Direction.INBOUND
                ? pseudonymizer.pseudonym("chatwoot:" + account + ":contact:" + id(event.path("sender").path("id")))
                : "chatwoot-agent:" + id(event.path("sender").path("id"));
        String team = conversation.path("meta").path("team").path("name").asText("");
        return new Mapped(List.of(new SupportMessage("chatwoot:" + account + ":" + messageNumber,
                "chatwoot:" + account + ":" + conversationNumber, direction, channel(event), from,
                event.path("content").asText(""), ProviderTime.of(event.get("created_at"), clock),
                team.isBlank() ? null : team, null)), 0);
    }

    private static String channel(JsonNode event) {
        String type = event.path("conversation").path("channel").asText(
                event.path("inbox").path("channel_type").asText(""));
        String name = type.startsWith("Channel::") ? type.substring("Channel::".length()) : type;
        String mapped = CHANNELS.getOrDefault(name, name.toLowerCase(Locale.ROOT));
        return mapped.matches("[a-z0-9_-]{1,32}") ? mapped : "chatwoot";
    }

    /** Ids come as numbers or strings depending on the version; only plain ids are kept. */
    private static String id(JsonNode n) {
        String text = n.isNumber() || n.isTextual() ? n.asText() : "";
        return text.matches("[A-Za-z0-9_-]{1,64}") ? text : "";
    }
}
