package dev.replyclock.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Encodes messages, and decodes and validates a raw {@code support.messages} value against the message contract. Never throws:
 * every problem becomes an {@link DecodeResult.Invalid} whose detail names the field but never echoes
 * the customer's text (dead letters are read by operators; the text stays out of logs).
 */
public final class MessageCodec {

    /** Longest accepted text; longer records are dead-lettered rather than classified. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    private static final List<String> REQUIRED = List.of(
            "messageId", "conversationId", "direction", "channel", "from", "text", "sentAt");
    /** An acknowledgement names only what it acknowledges, and when. */
    private static final List<String> REQUIRED_FOR_ACK = List.of("messageId", "conversationId", "direction", "sentAt");
    private static final List<String> OPTIONAL = List.of("team", "segment", "channel", "from", "text", "by");

    private final ObjectMapper mapper = JsonMapper.builder().build();

    public MessageCodec() {
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(4 * MAX_TEXT_CHARS).build());
    }

    public DecodeResult decode(byte[] value) {
        if (value == null || value.length == 0) {
            return new DecodeResult.Invalid("empty", "the record has no value");
        }
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote a piece of the record (a customer's words): say where, not what.
            return new DecodeResult.Invalid("not-json", "not valid JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            return new DecodeResult.Invalid("not-json", "not readable: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return new DecodeResult.Invalid("not-object", "the value must be a JSON object");
        }
        boolean ack = "ack".equals(node.path("direction").asText());
        for (String field : ack ? REQUIRED_FOR_ACK : REQUIRED) {
            JsonNode f = node.get(field);
            if (f == null || f.isNull()) {
                return new DecodeResult.Invalid("missing-field", "missing field '" + field + "'");
            }
            if (!f.isTextual()) {
                return new DecodeResult.Invalid("wrong-type", "field '" + field + "' must be a string");
            }
        }
        for (String field : OPTIONAL) {
            JsonNode f = node.get(field);
            if (f != null && !f.isNull() && !f.isTextual()) {
                return new DecodeResult.Invalid("wrong-type", "field '" + field + "' must be a string");
            }
        }
        String conversationId = node.get("conversationId").asText();
        if (conversationId.isBlank()) {
            return new DecodeResult.Invalid("bad-value", "field 'conversationId' is blank");
        }
        String messageId = node.get("messageId").asText();
        if (messageId.isBlank()) {
            return new DecodeResult.Invalid("bad-value", "field 'messageId' is blank");
        }
        Direction direction;
        switch (node.get("direction").asText()) {
            case "inbound" -> direction = Direction.INBOUND;
            case "outbound" -> direction = Direction.OUTBOUND;
            case "ack" -> direction = Direction.ACK;
            default -> {
                return new DecodeResult.Invalid("bad-value", "field 'direction' must be inbound, outbound or ack");
            }
        }
        String text = node.path("text").asText("");
        if (text.length() > MAX_TEXT_CHARS) {
            return new DecodeResult.Invalid("too-large",
                    "field 'text' has " + text.length() + " chars, more than " + MAX_TEXT_CHARS);
        }
        OffsetDateTime sentAt;
        try {
            sentAt = OffsetDateTime.parse(node.get("sentAt").asText());
        } catch (DateTimeParseException e) {
            return new DecodeResult.Invalid("bad-value",
                    "field 'sentAt' must be ISO-8601 with an offset, like 2026-11-24T10:15:30+01:00");
        }
        String by = optionalText(node, "by");
        if (by != null && by.length() > SupportMessage.MAX_BY_CHARS) {
            return new DecodeResult.Invalid("bad-value", "field 'by' (who acknowledged) is longer than "
                    + SupportMessage.MAX_BY_CHARS + " characters");
        }
        return new DecodeResult.Valid(new SupportMessage(messageId, conversationId, direction,
                node.path("channel").asText(""), node.path("from").asText(""), text, sentAt,
                optionalText(node, "team"), optionalText(node, "segment"), by));
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode f = node.get(field);
        return f == null || f.isNull() || f.asText().isBlank() ? null : f.asText();
    }

    /** The contract's JSON form of a message (as {@code send} and the demo produce it). */
    public byte[] encode(SupportMessage m) {
        ObjectNode o = mapper.createObjectNode()
                .put("messageId", m.messageId())
                .put("conversationId", m.conversationId())
                .put("direction", m.direction().wireName())
                .put("channel", m.channel())
                .put("from", m.from())
                .put("text", m.text())
                .put("sentAt", m.sentAt().toString());
        if (m.team() != null) {
            o.put("team", m.team());
        }
        if (m.segment() != null) {
            o.put("segment", m.segment());
        }
        if (m.by() != null) {
            o.put("by", m.by());
        }
        try {
            return mapper.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a message", e);
        }
    }
}
