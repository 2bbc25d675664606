package dev.replyclock.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast sentAt reader says what {@link OffsetDateTime#parse} says, value or refusal, on every input. */
class SentAtParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T10:15:30Z", "2026-11-24T10:15:30.1Z", "2026-11-24T10:15:30.123456789Z",
        "2026-11-24T10:15:30+01:00", "2026-11-24T10:15:30.5-05:30", "2026-11-24T10:15:30-00:00",
        "2024-02-29T23:59:59+18:00", "0000-01-01T00:00:00Z", "2026-11-24T10:15Z", "2026-11-24t10:15:30z",
        "2026-11-24T10:15:30.Z", "2026-11-24T10:15:30+01:00:00", "+12026-11-24T10:15:30Z"})
    void acceptsWhatTheIsoParserAcceptsWithTheSameValue(String text) {
        assertEquals(OffsetDateTime.parse(text), SentAtParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-24T10:15:30Z", "2026-02-30T10:15:30Z", "2025-02-29T10:15:30Z",
        "2026-11-24T24:00:00Z", "2026-11-24T23:59:60Z", "2026-11-24T10:60:30Z", "2026-11-24T10:15:30+19:00",
        "2026-11-24T10:15:30+01:60", "2026-11-24T10:15:30", "2026-11-24T10:15:30.1234567890Z", "2026-11-24 10:15:30Z",
        "2026-11-24T10:15:30+0100", "2026-1a-24T10:15:30Z", "2026-11-24T10:15:30ZZ", "", "not a date",
        "2026-11-24T10:15:30.\u0661Z"})
    void refusesWhatTheIsoParserRefuses(String text) {
        assertThrows(DateTimeParseException.class, () -> OffsetDateTime.parse(text), "the ISO parser refuses " + text);
        assertThrows(DateTimeParseException.class, () -> SentAtParser.parse(text));
    }

    @Test
    void agreesWithTheIsoParserOnRandomDigitsInTheCommonShapes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
                    random.nextBoolean() ? "" : "." + random.nextInt(1_000_000),
                    random.nextBoolean() ? "Z" : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-",
                            random.nextInt(20), random.nextInt(61)));
            Object iso;
            try {
                iso = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                iso = "refused";
            }
            Object fast;
            try {
                fast = SentAtParser.parse(text);
            } catch (DateTimeParseException e) {
                fast = "refused";
            }
            assertEquals(iso, fast, text);
        }
    }
}
