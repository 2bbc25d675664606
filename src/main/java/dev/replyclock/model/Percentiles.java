package dev.replyclock.model;

import java.util.Collection;

/**
 * Nearest-rank percentiles on sorted values: the {@code p}-th percentile of {@code n} values is the value of
 * rank {@code ceil(p / 100 * n)} (at least the first), so it is always one of the measured values. The
 * {@code report} replay and {@code bench} both use it.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile of ascending {@code sorted}; -1 when nothing was measured. */
    public static long of(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[index(sorted.length, p)];
    }

    /** The {@code p}-th percentile of ascending {@code sorted}; null when nothing was measured. */
    public static Double of(double[] sorted, int p) {
        return sorted.length == 0 ? null : sorted[index(sorted.length, p)];
    }

    /** The largest of ascending {@code sorted}; -1 when nothing was measured. */
    public static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    /** The values in ascending order (the caller holds the lock of a synchronized collection). */
    public static long[] sorted(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static int index(int n, int p) {
        int rank = (int) Math.ceil(p / 100.0 * n);
        return Math.max(0, rank - 1);
    }
}
