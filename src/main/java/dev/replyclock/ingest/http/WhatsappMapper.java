package dev.replyclock.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.model.Direction;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.privacy.Pseudonymizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * WhatsApp Cloud API notifications ({@code entry[].changes[].value}) to the message contract. {@code messages[]} are
 * the customer's (text, media captions, button and list replies; media without a caption as empty text);
 * {@code statuses[]} with status {@code sent} are the business's replies and close the clock ({@code delivered},
 * {@code read}, {@code failed} say nothing new). One conversation per customer ({@code wa_id}) and business number
 * ({@code phone_number_id}); the customer's number leaves here only as its pseudonym, and the conversation id is built
 * from the pseudonym. Pure: no I/O.
 */
public final class WhatsappMapper {

    public static final String CHANNEL = "whatsapp";
    /** Not written by the customer: a number change, a notice that a message type is unsupported, a reaction. */
    private static final Set<String> NOT_MESSAGES = Set.of("system", "unsupported", "reaction", "errors");
    private static final Set<String> MEDIA_WITH_CAPTION = Set.of("image", "video", "document");

    private final Pseudonymizer pseudonymizer;
    private final Clock clock;

    public WhatsappMapper(Pseudonymizer pseudonymizer, Clock clock) {
        this.pseudonymizer = pseudonymizer;
        this.clock = clock;
    }

    /** Never throws on a strange shape: what cannot be read is counted as ignored. */
    public Mapped map(JsonNode notification) {
        List<SupportMessage> out = new ArrayList<>();
        int ignored = 0;
        for (JsonNode entry : notification.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String business = value.path("metadata").path("phone_number_id").asText("");
                if (business.isBlank()) {
                    ignored += value.path("messages").size() + value.path("statuses").size();
                    continue;
                }
                ignored += collect(value.path("messages"), m -> inbound(business, m), out);
                ignored += collect(value.path("statuses"), s -> reply(business, s), out);
            }
        }
        return new Mapped(out, out.isEmpty() && ignored == 0 ? 1 : ignored);
    }

    /** Adds what each event maps to; returns how many mapped to nothing. */
    private static int collect(JsonNode events, Function<JsonNode, SupportMessage> map, List<SupportMessage> out) {
        int ignored = 0;
        for (JsonNode event : events) {
            SupportMessage m = map.apply(event);
            if (m == null) {
                ignored++;
            } else {
                out.add(m);
            }
        }
        return ignored;
    }

    private SupportMessage inbound(String business, JsonNode m) {
        String id = m.path("id").asText("");
        String waId = m.path("from").asText("");
        String type = m.path("type").asText("");
        if (id.isBlank() || waId.isBlank() || NOT_MESSAGES.contains(type)) {
            return null;
        }
        String customer = customer(waId);
        return new SupportMessage("wa:" + id, conversationId(business, customer), Direction.INBOUND, CHANNEL, customer,
                text(type, m), ProviderTime.of(m.get("timestamp"), clock));
    }

    private SupportMessage reply(String business, JsonNode s) {
        String id = s.path("id").asText("");
        String waId = s.path("recipient_id").asText("");
        if (!"sent".equals(s.path("status").asText()) || id.isBlank() || waId.isBlank()) {
            return null;
        }
        // The id of the business's message, unlike the status event: a repeated "sent" is the same reply.
        return new SupportMessage("wa:" + id, conversationId(business, customer(waId)), Direction.OUTBOUND, CHANNEL,
                "whatsapp-business:" + business, "", ProviderTime.of(s.get("timestamp"), clock));
    }

    /** The wa_id is the international number without its '+': with it, any spelling of the number matches. */
    private String customer(String waId) {
        return pseudonymizer.pseudonym(waId.startsWith("+") ? waId : "+" + waId);
    }

    static String conversationId(String business, String customerPseudonym) {
        return "wa:" + business + ":" + customerPseudonym;
    }

    private static String text(String type, JsonNode m) {
        return switch (type) {
            case "text" -> m.path("text").path("body").asText("");
            case "button" -> m.path("button").path("text").asText("");
            case "interactive" -> {
                JsonNode reply = m.path("interactive").has("list_reply")
                        ? m.path("interactive").path("list_reply") : m.path("interactive").path("button_reply");
                String title = reply.path("title").asText("");
                String description = reply.path("description").asText("");
                yield description.isBlank() ? title : title + " " + description;
            }
            default -> MEDIA_WITH_CAPTION.contains(type) ? m.path(type).path("caption").asText("") : "";
        };
    }
}
