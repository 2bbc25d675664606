package dev.replyclock.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nearest rank, as {@code report} and {@code bench} have always printed it: the figures must not move. */
class PercentilesTest {

    private static final long[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void nothingMeasuredIsMinusOneOrNull() {
        assertEquals(-1, Percentiles.of(new long[0], 50));
        assertEquals(-1, Percentiles.of(new long[0], 99));
        assertEquals(-1, Percentiles.max(new long[0]));
        assertNull(Percentiles.of(new double[0], 50));
    }

    @Test
    void oneValueIsEveryPercentile() {
        long[] one = {42};
        assertEquals(42, Percentiles.of(one, 0));
        assertEquals(42, Percentiles.of(one, 50));
        assertEquals(42, Percentiles.of(one, 99));
        assertEquals(42, Percentiles.of(one, 100));
        assertEquals(42, Percentiles.max(one));
        assertEquals(7.5, Percentiles.of(new double[] {7.5}, 90));
    }

    @Test
    void nearestRankOnKnownData() {
        assertEquals(5, Percentiles.of(ONE_TO_TEN, 50));
        assertEquals(9, Percentiles.of(ONE_TO_TEN, 90));
        assertEquals(10, Percentiles.of(ONE_TO_TEN, 99));
        assertEquals(10, Percentiles.of(ONE_TO_TEN, 100));
        assertEquals(1, Percentiles.of(ONE_TO_TEN, 0), "rank 0 is the first value");
        assertEquals(1, Percentiles.of(ONE_TO_TEN, 10));
        assertEquals(2, Percentiles.of(ONE_TO_TEN, 11), "no interpolation: the next measured value");
        assertEquals(10, Percentiles.max(ONE_TO_TEN));
        double[] d = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5.0, Percentiles.of(d, 50));
        assertEquals(9.0, Percentiles.of(d, 90));
        assertEquals(10.0, Percentiles.of(d, 99));
    }

    @Test
    void p99OfAHundredIsTheNinetyNinthAndOfTwoHundredTheHundredNinetyEighth() {
        long[] hundred = new long[100];
        long[] twoHundred = new long[200];
        for (int i = 0; i < 200; i++) {
            twoHundred[i] = i + 1;
            if (i < 100) {
                hundred[i] = i + 1;
            }
        }
        assertEquals(99, Percentiles.of(hundred, 99));
        assertEquals(50, Percentiles.of(hundred, 50));
        assertEquals(198, Percentiles.of(twoHundred, 99));
        assertEquals(100, Percentiles.of(twoHundred, 50));
    }

    @Test
    void sortedSortsAscending() {
        assertArrayEquals(new long[] {1, 3, 3, 7}, Percentiles.sorted(List.of(7L, 3L, 1L, 3L)));
        assertArrayEquals(new long[0], Percentiles.sorted(List.of()));
    }
}
