package dev.replyclock.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the bench reads a Streams app's rate from its committed offsets: the steady part of the run only. */
class BenchRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theRateIsTakenBetweenTenAndNinetyPercentLeavingTheStartAndTheEndOut() {
        // a slow start (1,000 records in the first 5 s), then 10,000 a second, then a long wait for the last commit
        List<long[]> looks = List.of(new long[] {5 * SECOND, 1_000}, new long[] {6 * SECOND, 11_000},
                new long[] {13 * SECOND, 81_000}, new long[] {14 * SECOND, 91_000}, new long[] {30 * SECOND, 100_000});

        assertEquals(10_000.0, BenchCommand.steadyRate(looks, 100_000), 1e-9);
    }

    @Test
    void aRunThatOneLookSawWholeIsMeasuredFromTheFirstLook() {
        List<long[]> looks = List.of(new long[] {SECOND, 0}, new long[] {3 * SECOND, 100_000});

        assertEquals(50_000.0, BenchCommand.steadyRate(looks, 100_000), 1e-9);
    }
}
