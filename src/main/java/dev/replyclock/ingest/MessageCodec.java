package dev.replyclock.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Encodes messages, and decodes and validates a raw {@code support.messages} value against the message contract. Never throws:
 * every problem becomes an {@link DecodeResult.Invalid} whose detail names the field but never echoes
 * the customer's text (dead letters are read by operators; the text stays out of logs).
 *
 * <p>The bounds keep what reaches the SLA processor inside what its arithmetic, its stores and its metrics
 * handle: {@code sentAt} from {@link #EARLIEST_SENT_AT} to {@link #MAX_AHEAD} after now (the SLA engine
 * clamps what is ahead to now), identifiers and policy keys short and printable.
 */
public final class MessageCodec {

    /** Longest accepted text; longer records are dead-lettered rather than classified. */
    public static final int MAX_TEXT_CHARS = 1_000_000;
    /** Earliest accepted {@code sentAt}: older is a broken sender clock, and it would overflow the arithmetic. */
    public static final Instant EARLIEST_SENT_AT = Instant.parse("2000-01-01T00:00:00Z");
    /** How far ahead of now a {@code sentAt} may be; less is a skewed clock (clamped to now), more a broken one. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);
    /** Longest {@code conversationId} and {@code messageId}, in characters (code points). */
    public static final int MAX_ID_CHARS = 256;
    /** Longest {@code channel}, {@code team} and {@code segment}, in characters (code points). */
    public static final int MAX_KEY_CHARS = 64;

    private static final List<String> REQUIRED = List.of(
            "messageId", "conversationId", "direction", "channel", "from", "text", "sentAt");
    /** An acknowledgement names only what it acknowledges, and when. */
    private static final List<String> REQUIRED_FOR_ACK = List.of("messageId", "conversationId", "direction", "sentAt");
    private static final List<String> OPTIONAL = List.of("team", "segment", "channel", "from", "text", "by");
    /** Bounded in length and printable: they become store keys, index keys, alert fields and policy matches. */
    private static final List<String> IDS = List.of("messageId", "conversationId");
    private static final List<String> KEYS = List.of("channel", "team", "segment");

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final Clock clock;

    /** Bounds {@code sentAt} against the system clock (commands that read files or send). */
    public MessageCodec() {
        this(Clock.systemUTC());
    }

    /** @param clock what "now" is for the bound on {@code sentAt} ahead of it */
    public MessageCodec(Clock clock) {
        this.clock = clock;
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
        DecodeResult.Invalid badField = checkFields(node);
        if (badField != null) {
            return badField;
        }
        OffsetDateTime sentAt;
        try {
            sentAt = OffsetDateTime.parse(node.get("sentAt").asText());
        } catch (DateTimeParseException e) {
            return new DecodeResult.Invalid("bad-value",
                    "field 'sentAt' must be ISO-8601 with an offset, like 2026-11-24T10:15:30+01:00");
        }
        Instant sent = sentAt.toInstant();
        if (sent.isBefore(EARLIEST_SENT_AT)) {
            return new DecodeResult.Invalid("out-of-range", "field 'sentAt' is before " + EARLIEST_SENT_AT);
        }
        if (sent.isAfter(clock.instant().plus(MAX_AHEAD))) {
            return new DecodeResult.Invalid("out-of-range", "field 'sentAt' is more than " + MAX_AHEAD.toHours()
                    + " h ahead of now");
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

    /** Length first (cheap, and says more about a 70,000-character id), then the characters. */
    private static DecodeResult.Invalid checkFields(JsonNode node) {
        for (String field : IDS) {
            DecodeResult.Invalid bad = check(node, field, MAX_ID_CHARS);
            if (bad != null) {
                return bad;
            }
        }
        for (String field : KEYS) {
            DecodeResult.Invalid bad = check(node, field, MAX_KEY_CHARS);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private static DecodeResult.Invalid check(JsonNode node, String field, int maxChars) {
        JsonNode f = node.get(field);
        if (f == null || !f.isTextual()) {
            return null;
        }
        String value = f.asText();
        int chars = value.codePointCount(0, value.length());
        if (chars > maxChars) {
            return new DecodeResult.Invalid("too-long",
                    "field '" + field + "' has " + chars + " characters, more than " + maxChars);
        }
        int at = firstUnprintable(value);
        if (at >= 0) {
            return new DecodeResult.Invalid("bad-characters",
                    "field '" + field + "' has a control character or an unpaired surrogate at index " + at);
        }
        return null;
    }

    /**
     * The index of the first control character (C0, DEL, C1), line or paragraph separator, or unpaired
     * surrogate; -1 when there is none.
     */
    static int firstUnprintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a valid pair
                continue;
            }
            int type = Character.getType(c);
            if (Character.isISOControl(c) || Character.isSurrogate(c) || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return i;
            }
        }
        return -1;
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
