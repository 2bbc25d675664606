package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.Stage;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StoredClockSerdeTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void anOpenClockRoundTripsWithEveryField() {
        ReplyClock clock = new ReplyClock("c-42", "whatsapp", Tier.COMPLAINT, T0, T0.plusSeconds(5), null,
                T0.plusSeconds(65), Stage.BREACHED, 2, true,
                List.of(new Signal("damage", Tier.COMPLAINT, "casse", 10, 15), new Signal("urgency", Tier.URGENT, "asap", 0, 4)),
                "vip", true, false, "returns");
        StoredClock stored = new StoredClock(clock, T0.minusSeconds(60).toEpochMilli(), T0.plusSeconds(600).toEpochMilli());
        assertEquals(stored, StoredClockSerde.decode(StoredClockSerde.encode(stored)));
    }

    @Test
    void aVersionOneClockWrittenBeforeTeamsStillReads() {
        ReplyClock clock = new ReplyClock("c-7", "chat", Tier.URGENT, T0, T0, null, T0.plusSeconds(300),
                Stage.RUNNING, 0, false, List.of(), "vip", false, true, null);
        StoredClock stored = new StoredClock(clock, -1, T0.plusSeconds(300).toEpochMilli());
        byte[] v2 = StoredClockSerde.encode(stored);
        // Version 1 is version 2 without the team field (an empty modified-UTF-8 string right after the policy).
        int teamAt = indexOf(v2, "vip".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + 3;
        byte[] v1 = new byte[v2.length - 2];
        System.arraycopy(v2, 0, v1, 0, teamAt);
        System.arraycopy(v2, teamAt + 2, v1, teamAt, v2.length - teamAt - 2);
        v1[0] = 1;
        assertEquals(stored, StoredClockSerde.decode(v1));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void anExcerptRoundTripsAndIsFlaggedOnlyWhenPresent() {
        ReplyClock without = new ReplyClock("c-9", "chat", Tier.COMPLAINT, T0, T0, null, T0.plusSeconds(60),
                Stage.RUNNING, 0, false, List.of(), "default", false, true, "returns");
        ReplyClock with = new ReplyClock("c-9", "chat", Tier.COMPLAINT, T0, T0, null, T0.plusSeconds(60),
                Stage.RUNNING, 0, false, List.of(), "default", false, true, "returns", "Mon colis est arrivé cassé…");
        StoredClock stored = new StoredClock(with, -1, T0.plusSeconds(60).toEpochMilli());
        assertEquals(stored, StoredClockSerde.decode(StoredClockSerde.encode(stored)));
        byte[] plain = StoredClockSerde.encode(new StoredClock(without, -1, T0.plusSeconds(60).toEpochMilli()));
        assertEquals(4, plain[0], "format version 4");
        assertEquals(null, StoredClockSerde.decode(plain).clock().excerpt());
        assertTrue(StoredClockSerde.encode(stored).length > plain.length);
    }

    @Test
    void aClosedMarkerRoundTrips() {
        StoredClock marker = StoredClock.closed(T0.toEpochMilli(), T0.plusSeconds(86400).toEpochMilli());
        assertEquals(marker, StoredClockSerde.decode(StoredClockSerde.encode(marker)));
    }

    @Test
    void aStoredClockIsSmall() {
        ReplyClock clock = new ReplyClock("conv-0123456789", "email", Tier.URGENT, T0, T0, T0.plusSeconds(240),
                T0.plusSeconds(300), Stage.RUNNING, 0, false, List.of(new Signal("urgency", Tier.URGENT, "urgent", 3, 9)));
        int size = StoredClockSerde.encode(new StoredClock(clock, -1, T0.plusSeconds(240).toEpochMilli())).length;
        assertTrue(size < 140, "bytes per stored clock: " + size);
    }

    @Test
    void garbageIsASerializationError() {
        assertThrows(SerializationException.class, () -> StoredClockSerde.decode(new byte[] {9, 1, 2}));
    }

    @Test
    void stringsOverWriteUtfsLimitRoundTripInTheWideVersion() {
        String longId = "c".repeat(70_000);
        String longChannel = "\u20AC".repeat(30_000); // 90,000 bytes in UTF-8
        ReplyClock clock = new ReplyClock(longId, longChannel, Tier.COMPLAINT, T0, T0, null, T0.plusSeconds(60),
                Stage.RUNNING, 0, false, List.of(new Signal("damage", Tier.COMPLAINT, "casse", 1, 6)), "default", false,
                true, "t".repeat(70_000), "an excerpt");
        StoredClock stored = new StoredClock(clock, -1, T0.plusSeconds(60).toEpochMilli());
        byte[] bytes = StoredClockSerde.encode(stored);
        assertEquals(5, bytes[0], "the wide version, only for the record that needs it");
        assertEquals(stored, StoredClockSerde.decode(bytes));
    }

    @Test
    void aClockThatFitsIsWrittenInTheNarrowVersion() {
        ReplyClock clock = new ReplyClock("c-1", "chat", Tier.URGENT, T0, T0, null, T0.plusSeconds(300),
                Stage.RUNNING, 0, false, List.of(), "default", false, true, "returns");
        assertEquals(4, StoredClockSerde.encode(new StoredClock(clock, -1, T0.toEpochMilli()))[0]);
    }

    @Test
    void aWideStringLongerThanTheRecordIsASerializationError() {
        byte[] bytes = {3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 0, 0, 0};
        assertThrows(SerializationException.class, () -> StoredClockSerde.decode(bytes));
    }

    @Test
    void aTeamLoadWithAConversationIdOverWriteUtfsLimitRoundTrips() {
        TeamLoad load = new TeamLoad("c".repeat(70_000), Tier.URGENT, T0, T0.plusSeconds(300), true);
        byte[] bytes = TeamLoadSerde.encode(load);
        assertEquals(2, bytes[0]);
        assertEquals(load, TeamLoadSerde.decode(bytes));
        TeamLoad small = new TeamLoad("c-1", Tier.URGENT, T0, T0.plusSeconds(300), false);
        assertEquals(1, TeamLoadSerde.encode(small)[0], "version 1 while it fits");
        assertEquals(small, TeamLoadSerde.decode(TeamLoadSerde.encode(small)));
    }

    @Test
    void whoAckedAndTheIncidentsRoundTripAndAVersionTwoClockReadsWithNone() {
        ReplyClock clock = new ReplyClock("c-5", "chat", Tier.URGENT, T0, T0, null, T0.plusSeconds(300),
                Stage.RUNNING, 0, false, List.of(), "default", true, true, "billing");
        StoredClock stored = new StoredClock(clock, -1, T0.plusSeconds(300).toEpochMilli(), "alice",
                List.of(T0.plusSeconds(600).toEpochMilli(), T0.plusSeconds(300).toEpochMilli()));
        byte[] v4 = StoredClockSerde.encode(stored);
        assertEquals(stored, StoredClockSerde.decode(v4));
        // Version 2 is version 4 without the two trailing fields (an empty UTF string and a count of 0 here).
        byte[] v4empty = StoredClockSerde.encode(new StoredClock(clock, -1, T0.plusSeconds(300).toEpochMilli()));
        byte[] older = java.util.Arrays.copyOf(v4empty, v4empty.length - 4);
        older[0] = 2;
        assertEquals(new StoredClock(clock, -1, T0.plusSeconds(300).toEpochMilli()), StoredClockSerde.decode(older));
    }
}
