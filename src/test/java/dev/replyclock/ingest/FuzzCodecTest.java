package dev.replyclock.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.SupportMessage;
import dev.replyclock.testing.ExtremeRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-based: for random records with extreme and malformed values (seeded, so a failing seed replays),
 * the codec never throws, gives every refusal a documented reason and a detail free of the customer's text,
 * and lets through only what is inside the contract's bounds.
 */
class FuzzCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final int RECORDS_PER_TRY = 10;
    static final Set<String> REASONS = Set.of("empty", "not-json", "not-object", "missing-field", "wrong-type",
            "bad-value", "too-large", "too-long", "bad-characters", "out-of-range");

    private final MessageCodec codec = new MessageCodec(Clock.fixed(NOW, ZoneOffset.UTC));

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRecordDecodesWithinTheBoundsOrIsRefusedWithAReason(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < RECORDS_PER_TRY; i++) {
            String direction = new String[] {"inbound", "outbound", "ack"}[r.nextInt(3)];
            byte[] value = ExtremeRecords.random(r, "c-" + i, direction, NOW).value();
            DecodeResult result = codec.decode(value);
            if (result instanceof DecodeResult.Invalid invalid) {
                assertTrue(REASONS.contains(invalid.reason()), "seed " + seed + ": reason " + invalid.reason());
                assertFalse(invalid.detail().contains(ExtremeRecords.TEXT_MARKER), "seed " + seed + ": " + invalid.detail());
            } else {
                SupportMessage m = ((DecodeResult.Valid) result).message();
                assertWithinBounds(m, "seed " + seed);
                assertEquals(m, ((DecodeResult.Valid) codec.decode(codec.encode(m))).message(),
                        "seed " + seed + ": what decodes encodes back to itself");
            }
        }
    }

    private static void assertWithinBounds(SupportMessage m, String where) {
        Instant sent = m.sentAt().toInstant();
        assertFalse(sent.isBefore(MessageCodec.EARLIEST_SENT_AT), where + ": " + sent);
        assertFalse(sent.isAfter(NOW.plus(MessageCodec.MAX_AHEAD)), where + ": " + sent);
        for (String id : new String[] {m.messageId(), m.conversationId()}) {
            assertTrue(id.codePointCount(0, id.length()) <= MessageCodec.MAX_ID_CHARS, where);
            assertEquals(-1, MessageCodec.firstUnprintable(id), where);
        }
        for (String key : new String[] {m.channel(), m.team(), m.segment()}) {
            if (key != null) {
                assertTrue(key.codePointCount(0, key.length()) <= MessageCodec.MAX_KEY_CHARS, where);
                assertEquals(-1, MessageCodec.firstUnprintable(key), where);
            }
        }
        assertTrue(m.text().length() <= MessageCodec.MAX_TEXT_CHARS, where);
    }
}
