package dev.replyclock.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.replyclock.model.Direction;
import dev.replyclock.model.SupportMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The message contract: what decodes, and the reason for what does not. */
class MessageCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final MessageCodec codec = new MessageCodec(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String VALID = "{\"messageId\":\"m1\",\"conversationId\":\"c1\",\"direction\":\"inbound\","
            + "\"channel\":\"sms\",\"from\":\"+33612345678\",\"text\":\"Colis cassé, secret text\","
            + "\"sentAt\":\"2026-11-24T10:15:30+01:00\"}";

    private DecodeResult decode(String json) {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private DecodeResult.Invalid invalid(String json) {
        return assertInstanceOf(DecodeResult.Invalid.class, decode(json));
    }

    @Test
    void validMessageDecodes() {
        SupportMessage m = assertInstanceOf(DecodeResult.Valid.class, decode(VALID)).message();
        assertEquals("c1", m.conversationId());
        assertEquals(Direction.INBOUND, m.direction());
        assertEquals(OffsetDateTime.parse("2026-11-24T10:15:30+01:00"), m.sentAt());
    }

    @Test
    void encodeThenDecodeRoundTrips() {
        SupportMessage m = ((DecodeResult.Valid) decode(VALID)).message();
        SupportMessage withTeam = new SupportMessage(m.messageId(), m.conversationId(), m.direction(), m.channel(),
                m.from(), m.text(), m.sentAt(), "billing", "vip");
        assertEquals(withTeam, ((DecodeResult.Valid) codec.decode(codec.encode(withTeam))).message());
    }

    /**
     * What a tree reader said, the streaming reader says (written against the tree reader, then kept): the
     * whole document is read before any field is judged, every number and string included.
     */
    @Test
    void theStreamingReaderJudgesTheWholeDocumentAsATreeReaderDid() {
        assertEquals("not-json", invalid("[1,").reason(), "a broken non-object is broken JSON first");
        assertEquals("not-json", invalid(VALID.replace("}", ",\"extra\":{\"a\":[1,}}")).reason(),
                "broken JSON inside an unknown field");
        assertEquals("not-json", invalid(VALID.replace("}", ",\"extra\":" + "9".repeat(1500) + "}")).reason(),
                "a number beyond the reader's limit in an unknown field");
        assertEquals("not-json", invalid(VALID.replace("}", ",\"extra\":[" + "[".repeat(1100) + "]".repeat(1100) + "]}"))
                .reason(), "nesting beyond the reader's limit in an unknown field");
        assertEquals("not valid JSON at line 1, column 5", invalid("{\"a\"").detail(), "where, not what");
        assertEquals("not-object", invalid("null").reason());
        assertEquals("not-object", invalid("\"text\"").reason());
        assertEquals("not-object", invalid("   ").reason());
        assertEquals("wrong-type", invalid(VALID.replace("\"sms\"", "{\"x\":[1,2]}")).reason());
        assertEquals("missing-field", invalid(VALID.replace("\"sms\"", "null")).reason());
        SupportMessage later = assertInstanceOf(DecodeResult.Valid.class,
                decode(VALID.replace("}", ",\"channel\":\"chat\",\"extra\":{\"n\":[1.5,true,null,\"s\"]}}"))).message();
        assertEquals("chat", later.channel(), "a repeated field keeps its last value");
        SupportMessage ack = assertInstanceOf(DecodeResult.Valid.class, decode("{\"messageId\":\"m\",\"conversationId\":"
                + "\"c\",\"direction\":\"ack\",\"text\":null,\"team\":\" \",\"sentAt\":\"2026-11-24T10:15:30Z\"}")).message();
        assertEquals("", ack.text(), "a null text is empty");
        assertEquals("", ack.channel());
        assertEquals(null, ack.team(), "a blank team is none");
        assertEquals("c1", assertInstanceOf(DecodeResult.Valid.class, decode(VALID + " trailing")).message()
                .conversationId(), "what follows the object is not read");
    }

    @Test
    void eachBadInputHasItsReason() {
        assertEquals("not-json", invalid("{not json").reason());
        assertEquals("not-object", invalid("[1,2]").reason());
        assertEquals("empty", assertInstanceOf(DecodeResult.Invalid.class, codec.decode(new byte[0])).reason());
        assertEquals("missing-field", invalid(VALID.replace("\"channel\":\"sms\",", "")).reason());
        assertEquals("missing field 'channel'", invalid(VALID.replace("\"channel\":\"sms\",", "")).detail());
        assertEquals("wrong-type", invalid(VALID.replace("\"sms\"", "42")).reason());
        assertEquals("bad-value", invalid(VALID.replace("inbound", "sideways")).reason());
        assertEquals("bad-value", invalid(VALID.replace("+01:00", "")).reason());
        assertEquals("bad-value", invalid(VALID.replace("\"c1\"", "\" \"")).reason());
        assertEquals("wrong-type", invalid(VALID.replace("}", ",\"team\":7}")).reason());
    }

    @Test
    void textOverTheLimitIsRejected() {
        String big = "x".repeat(MessageCodec.MAX_TEXT_CHARS + 1);
        assertEquals("too-large", invalid(VALID.replace("Colis cassé, secret text", big)).reason());
    }

    @Test
    void anAcknowledgementNeedsNoTextChannelOrSender() {
        DecodeResult r = decode("{\"messageId\":\"a\",\"conversationId\":\"c1\",\"direction\":\"ack\","
                + "\"sentAt\":\"2026-11-24T10:15:30Z\"}");
        assertEquals(Direction.ACK, assertInstanceOf(DecodeResult.Valid.class, r).message().direction());
    }

    @Test
    void anAcknowledgementMayNameWhoTookTheConversation() {
        String ack = "{\"messageId\":\"a\",\"conversationId\":\"c1\",\"direction\":\"ack\","
                + "\"sentAt\":\"2026-11-24T10:15:30Z\",\"by\":\"alice\"}";
        SupportMessage m = assertInstanceOf(DecodeResult.Valid.class, decode(ack)).message();
        assertEquals("alice", m.by());
        assertEquals("alice", assertInstanceOf(DecodeResult.Valid.class,
                new MessageCodec().decode(new MessageCodec().encode(m))).message().by(), "encode keeps it");
        assertEquals("bad-value", invalid(ack.replace("alice", "a".repeat(101))).reason());
        assertEquals("wrong-type", invalid(ack.replace("\"alice\"", "42")).reason());
    }

    @Test
    void reasonsNeverQuoteTheMessageText() {
        for (String bad : new String[] {VALID.replace("inbound", "sideways"), VALID.replace("+01:00", ""),
                VALID.replace("\"sms\"", "42")}) {
            assertFalse(invalid(bad).detail().contains("secret"), invalid(bad).detail());
        }
    }

    private String withSentAt(String sentAt) {
        return VALID.replace("2026-11-24T10:15:30+01:00", sentAt);
    }

    @Test
    void sentAtBeforeYear2000IsDeadLetteredAsOutOfRange() {
        assertEquals("out-of-range", invalid(withSentAt("0001-01-01T00:00:00Z")).reason());
        assertEquals("out-of-range", invalid(withSentAt("1999-12-31T23:59:59.999Z")).reason());
        assertEquals("out-of-range", invalid(withSentAt("-999999999-01-01T00:00:00Z")).reason());
        assertInstanceOf(DecodeResult.Valid.class, decode(withSentAt("2000-01-01T00:00:00Z")));
        assertInstanceOf(DecodeResult.Valid.class, decode(withSentAt("2000-01-01T01:00:00+01:00")),
                "the bound is an instant, whatever the offset");
    }

    @Test
    void sentAtMoreThanADayAheadIsOutOfRangeAndLessIsAccepted() {
        assertEquals("out-of-range", invalid(withSentAt("+999999999-12-31T23:59:59Z")).reason());
        assertEquals("out-of-range", invalid(withSentAt(NOW.plusSeconds(86_401).toString())).reason());
        assertInstanceOf(DecodeResult.Valid.class, decode(withSentAt(NOW.plusSeconds(86_400).toString())),
                "a skewed sender clock is accepted (the SLA engine clamps it to now)");
    }

    @Test
    void idsOver256AndPolicyKeysOver64CharactersAreTooLong() {
        assertEquals("too-long", invalid(VALID.replace("\"c1\"", "\"" + "c".repeat(257) + "\"")).reason());
        assertEquals("too-long", invalid(VALID.replace("\"m1\"", "\"" + "m".repeat(257) + "\"")).reason());
        assertEquals("too-long", invalid(VALID.replace("\"sms\"", "\"" + "s".repeat(65) + "\"")).reason());
        assertEquals("too-long", invalid(VALID.replace("}", ",\"team\":\"" + "t".repeat(70_000) + "\"}")).reason());
        assertEquals("too-long", invalid(VALID.replace("}", ",\"segment\":\"" + "v".repeat(65) + "\"}")).reason());
        assertEquals("field 'team' has 70000 characters, more than 64",
                invalid(VALID.replace("}", ",\"team\":\"" + "t".repeat(70_000) + "\"}")).detail());
        String emoji = "\uD83D\uDCE6".repeat(64); // 64 characters, 128 UTF-16 units
        assertInstanceOf(DecodeResult.Valid.class, decode(VALID.replace("\"sms\"", "\"" + emoji + "\"")),
                "lengths count characters, not UTF-16 units");
        assertInstanceOf(DecodeResult.Valid.class, decode(VALID.replace("\"c1\"", "\"" + "c".repeat(256) + "\"")));
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesInIdsAndPolicyKeysAreBadCharacters() {
        assertEquals("bad-characters", invalid(VALID.replace("}", ",\"team\":\"billing\\u0000x\"}")).reason());
        assertEquals("bad-characters", invalid(VALID.replace("\"c1\"", "\"c\\u0007\"")).reason());
        assertEquals("bad-characters", invalid(VALID.replace("\"m1\"", "\"m\\u009F\"")).reason());
        assertEquals("bad-characters", invalid(VALID.replace("\"sms\"", "\"s\\uD800\"")).reason());
        assertEquals("bad-characters", invalid(VALID.replace("\"sms\"", "\"\\uDC00s\"")).reason());
        assertEquals("bad-characters", invalid(VALID.replace("}", ",\"segment\":\"a\\u2028b\"}")).reason());
        assertInstanceOf(DecodeResult.Valid.class, decode(VALID.replace("Colis", "Colis\\u0000\\uD800")),
                "the text is free: only its size is bounded");
    }

    @Test
    void boundsApplyToAcknowledgementsToo() {
        String ack = "{\"messageId\":\"a\",\"conversationId\":\"c1\",\"direction\":\"ack\","
                + "\"sentAt\":\"0001-01-01T00:00:00Z\"}";
        assertEquals("out-of-range", invalid(ack).reason());
        assertEquals("bad-characters", invalid(ack.replace("0001", "2026").replace("\"c1\"", "\"c\\n\"")).reason());
    }
}
