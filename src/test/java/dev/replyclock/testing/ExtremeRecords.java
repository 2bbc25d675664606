package dev.replyclock.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Records of {@code support.messages} with extreme and malformed values, for the fuzz tests and
 * {@code ExtremeRecordsIT}: dates at the ends of what {@code java.time} parses, huge numbers, long and odd
 * strings (control characters, unpaired surrogates, separators, 3-byte characters), deep nesting, wrong types,
 * broken JSON. Strings are written with every non-ASCII character escaped, so that any UTF-16 string (a lone
 * surrogate too) reaches the codec exactly as generated. Every customer text carries {@link #TEXT_MARKER}, so
 * a test can check that it never shows up where it must not.
 */
public final class ExtremeRecords {

    public static final String TEXT_MARKER = "SECRET-CUSTOMER-WORDS";

    /** One input record: key and value bytes, either may be null. */
    public record Raw(byte[] key, byte[] value) {
    }

    private static final String[] ODD_STRINGS = {
        "", " ", "\u0000", "a\u0007b", "tab\there", "\u007F", "\u009F", "\uD800", "\uDC00x", "x\uD83D",
        "\u2028", "\u2029", "\u202Eevil", "\uFFFF", "\uFEFF", "\uD83D\uDCE6", "{\"nested\": true}", "null",
        "c".repeat(257), "s".repeat(65), "\u20AC".repeat(25_000), "x".repeat(70_000),
    };

    private ExtremeRecords() {
    }

    /** {@code sentAt} values: both ends of the accepted range and far beyond, broken ones, odd offsets. */
    public static List<Object> sentAts(Instant now) {
        return List.of("0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "1999-12-31T23:59:59.999Z", "2000-01-01T00:00:00Z", now.plusSeconds(23 * 3600).toString(),
                now.plusSeconds(25 * 3600).toString(), "2026-13-45T99:99:99Z", "", "now",
                now.atOffset(java.time.ZoneOffset.ofHours(18)).toString(),
                now.atOffset(java.time.ZoneOffset.ofHours(-18)).toString(), 0, 1e308,
                new java.math.BigInteger("123456789012345678901234567890"), true);
    }

    /**
     * A message of the contract, each field normal most of the time and otherwise extreme, missing or of a
     * wrong type; or, one time in ten, a record that is not a JSON object at all.
     */
    public static Raw random(Random r, String conversationId, String direction, Instant now) {
        if (r.nextInt(10) == 0) {
            return new Raw(utf8(conversationId), broken(r));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", pick(r, "m-" + r.nextInt(1_000_000)));
        fields.put("conversationId", pick(r, conversationId));
        fields.put("direction", r.nextInt(20) == 0 ? oneOf(r, "sideways", 7, null, "INBOUND") : direction);
        fields.put("channel", pick(r, oneOf(r, "chat", "email", "whatsapp")));
        fields.put("from", pick(r, "+33612345678"));
        fields.put("text", r.nextInt(20) == 0 ? oneOf(r, 42, null, "x".repeat(1_000_001))
                : oneOf(r, "Mon colis est arrivé cassé " + TEXT_MARKER, "Quels sont vos horaires ? " + TEXT_MARKER,
                        "URGENT " + TEXT_MARKER + " \u0000\uD800"));
        fields.put("sentAt", r.nextInt(3) == 0 ? oneOf(r, sentAts(now).toArray()) : now.toString());
        if (r.nextInt(3) == 0) {
            fields.put("team", pick(r, oneOf(r, "billing", "support-fr", "a\u0000b")));
        }
        if (r.nextInt(4) == 0) {
            fields.put("segment", pick(r, "vip"));
        }
        if (r.nextInt(8) == 0) {
            fields.remove(oneOf(r, fields.keySet().toArray()));
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append(quoted(k)).append(':').append(value(v)));
        if (r.nextInt(10) == 0) {
            json.append(",\"extra\":").append(nested(r.nextInt(3) == 0 ? 5_000 : 50));
        }
        json.append('}');
        String value = json.toString();
        byte[] key = switch (r.nextInt(20)) {
            case 0 -> null;
            case 1 -> utf8("another-key");
            default -> utf8(conversationId);
        };
        return new Raw(key, utf8(value));
    }

    /** What cannot be a message at all: not JSON, not an object, empty, truncated, invalid UTF-8, too deep. */
    private static byte[] broken(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> utf8("{not json");
            case 1 -> utf8("[1,2,3]");
            case 2 -> new byte[0];
            case 3 -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{'};
            case 4 -> utf8(nested(100_000));
            case 5 -> utf8("{\"messageId\":\"m\",\"conversationId\":");
            default -> null;
        };
    }

    /** A value for an id or a policy key: usually {@code normal}, else odd, of a wrong type, or null. */
    private static Object pick(Random r, Object normal) {
        return switch (r.nextInt(12)) {
            case 0, 1 -> oneOf(r, (Object[]) ODD_STRINGS);
            case 2 -> oneOf(r, 12, -1e300, null, false, List.of(), Map.of());
            default -> normal;
        };
    }

    @SafeVarargs
    private static <T> T oneOf(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return quoted(s);
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? "[]" : "[" + value(l.get(0)) + "]";
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        return String.valueOf(v);
    }

    /** A JSON string with every character outside printable ASCII escaped. */
    public static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** The contract's JSON for a message with these fields (null fields left out), values escaped. */
    public static String message(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                parts.add(quoted(k) + ":" + quoted(v));
            }
        });
        return "{" + String.join(",", parts) + "}";
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
