package dev.replyclock.ingest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.Direction;
import dev.replyclock.model.SupportMessage;
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

    /** The contract's fields; the constants below are their indexes. */
    private static final List<String> FIELDS = List.of(
            "messageId", "conversationId", "direction", "channel", "from", "text", "sentAt", "team", "segment", "by");
    private static final int MESSAGE_ID = 0;
    private static final int CONVERSATION_ID = 1;
    private static final int DIRECTION = 2;
    private static final int CHANNEL = 3;
    private static final int FROM = 4;
    private static final int TEXT = 5;
    private static final int SENT_AT = 6;
    private static final int TEAM = 7;
    private static final int SEGMENT = 8;
    private static final int BY = 9;
    private static final int[] REQUIRED = {MESSAGE_ID, CONVERSATION_ID, DIRECTION, CHANNEL, FROM, TEXT, SENT_AT};
    /** An acknowledgement names only what it acknowledges, and when. */
    private static final int[] REQUIRED_FOR_ACK = {MESSAGE_ID, CONVERSATION_ID, DIRECTION, SENT_AT};
    private static final int[] OPTIONAL = {TEAM, SEGMENT, CHANNEL, FROM, TEXT, BY};
    /** Bounded in length and printable: they become store keys, index keys, alert fields and policy matches. */
    private static final int[] IDS = {MESSAGE_ID, CONVERSATION_ID};
    private static final int[] KEYS = {CHANNEL, TEAM, SEGMENT};

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
        Fields node;
        try (JsonParser p = mapper.getFactory().createParser(value)) {
            node = Fields.read(p);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote a piece of the record (a customer's words): say where, not what.
            return new DecodeResult.Invalid("not-json", "not valid JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            return new DecodeResult.Invalid("not-json", "not readable: " + e.getMessage());
        }
        if (node == null) {
            return new DecodeResult.Invalid("not-object", "the value must be a JSON object");
        }
        boolean ack = "ack".equals(node.text(DIRECTION));
        for (int field : ack ? REQUIRED_FOR_ACK : REQUIRED) {
            Object f = node.values[field];
            if (f == null || f == Fields.NULL) {
                return new DecodeResult.Invalid("missing-field", "missing field '" + FIELDS.get(field) + "'");
            }
            if (!(f instanceof String)) {
                return new DecodeResult.Invalid("wrong-type", "field '" + FIELDS.get(field) + "' must be a string");
            }
        }
        for (int field : OPTIONAL) {
            Object f = node.values[field];
            if (f != null && f != Fields.NULL && !(f instanceof String)) {
                return new DecodeResult.Invalid("wrong-type", "field '" + FIELDS.get(field) + "' must be a string");
            }
        }
        String conversationId = node.text(CONVERSATION_ID);
        if (conversationId.isBlank()) {
            return new DecodeResult.Invalid("bad-value", "field 'conversationId' is blank");
        }
        String messageId = node.text(MESSAGE_ID);
        if (messageId.isBlank()) {
            return new DecodeResult.Invalid("bad-value", "field 'messageId' is blank");
        }
        Direction direction;
        switch (node.text(DIRECTION)) {
            case "inbound" -> direction = Direction.INBOUND;
            case "outbound" -> direction = Direction.OUTBOUND;
            case "ack" -> direction = Direction.ACK;
            default -> {
                return new DecodeResult.Invalid("bad-value", "field 'direction' must be inbound, outbound or ack");
            }
        }
        String text = node.text(TEXT);
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
            sentAt = SentAtParser.parse(node.text(SENT_AT));
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
        String by = optionalText(node, BY);
        if (by != null && by.length() > SupportMessage.MAX_BY_CHARS) {
            return new DecodeResult.Invalid("bad-value", "field 'by' (who acknowledged) is longer than "
                    + SupportMessage.MAX_BY_CHARS + " characters");
        }
        return new DecodeResult.Valid(new SupportMessage(messageId, conversationId, direction,
                node.text(CHANNEL), node.text(FROM), text, sentAt,
                optionalText(node, TEAM), optionalText(node, SEGMENT), by));
    }

    /**
     * The contract's fields of one JSON object, read with Jackson's streaming parser (no tree): per field absent
     * (null), JSON null ({@link #NULL}), a string, or another type ({@link #OTHER}); a repeated field keeps its
     * last value. Every other token of the document is read as a tree reader reads it (numbers and strings
     * included), so the same records fail with the same reader limits at the same place.
     */
    private static final class Fields {
        static final Object NULL = new Object();
        static final Object OTHER = new Object();

        final Object[] values = new Object[FIELDS.size()];

        /** @return the fields, or null when the value is not a JSON object */
        static Fields read(JsonParser p) throws IOException {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                if (t != null) {
                    readValue(p, t); // the whole value is read, so that broken JSON is not-json here too
                }
                return null;
            }
            Fields f = new Fields();
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                int field = FIELDS.indexOf(p.currentName());
                t = p.nextToken();
                Object v = readValue(p, t);
                if (field >= 0) {
                    f.values[field] = v;
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "unexpected end of the object");
            }
            return f;
        }

        /** Reads the value that starts at {@code t}: its text if a string, else {@link #NULL} or {@link #OTHER}. */
        private static Object readValue(JsonParser p, JsonToken t) throws IOException {
            if (t == null) {
                throw new JsonParseException(p, "unexpected end of input");
            }
            switch (t) {
                case VALUE_STRING:
                    return p.getText();
                case VALUE_NULL:
                    return NULL;
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    p.getNumberValue(); // as a tree reader does
                    return OTHER;
                case START_OBJECT:
                case START_ARRAY:
                    int depth = 1;
                    while (depth > 0) {
                        JsonToken inner = p.nextToken();
                        if (inner == null) {
                            throw new JsonParseException(p, "unexpected end of input");
                        }
                        if (inner.isStructStart()) {
                            depth++;
                        } else if (inner.isStructEnd()) {
                            depth--;
                        } else if (inner.isScalarValue()) {
                            readValue(p, inner);
                        }
                    }
                    return OTHER;
                default:
                    return OTHER;
            }
        }

        /** A string field's text; "" when it is absent, null or not a string. */
        String text(int field) {
            return values[field] instanceof String s ? s : "";
        }
    }

    /** Length first (cheap, and says more about a 70,000-character id), then the characters. */
    private static DecodeResult.Invalid checkFields(Fields node) {
        for (int field : IDS) {
            DecodeResult.Invalid bad = check(node, field, MAX_ID_CHARS);
            if (bad != null) {
                return bad;
            }
        }
        for (int field : KEYS) {
            DecodeResult.Invalid bad = check(node, field, MAX_KEY_CHARS);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    private static DecodeResult.Invalid check(Fields node, int field, int maxChars) {
        if (!(node.values[field] instanceof String value)) {
            return null;
        }
        int chars = value.codePointCount(0, value.length());
        if (chars > maxChars) {
            return new DecodeResult.Invalid("too-long",
                    "field '" + FIELDS.get(field) + "' has " + chars + " characters, more than " + maxChars);
        }
        int at = firstUnprintable(value);
        if (at >= 0) {
            return new DecodeResult.Invalid("bad-characters",
                    "field '" + FIELDS.get(field) + "' has a control character or an unpaired surrogate at index " + at);
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

    private static String optionalText(Fields node, int field) {
        return node.values[field] instanceof String s && !s.isBlank() ? s : null;
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
