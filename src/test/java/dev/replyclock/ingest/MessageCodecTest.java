package dev.replyclock.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The message contract: what decodes, and the reason for what does not. */
class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec();
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
}
