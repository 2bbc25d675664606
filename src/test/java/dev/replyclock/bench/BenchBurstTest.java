package dev.replyclock.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The burst phase's schedule: steady, then ten times the steady rate for the burst, then steady again. */
class BenchBurstTest {

    private static double due(double seconds) {
        return BenchBurst.rateIntegral((long) (seconds * TimeUnit.SECONDS.toNanos(1)), 100, 20, 60);
    }

    @Test
    void theScheduleIsSteadyThenTenTimesThenSteady() {
        assertEquals(0, due(0), 1e-6);
        assertEquals(1_000, due(10), 1e-6);            // steady: 100/s
        assertEquals(2_000, due(20), 1e-6);
        assertEquals(2_000 + 10_000, due(30), 1e-6);   // burst: 1,000/s
        assertEquals(2_000 + 60_000, due(80), 1e-6);
        assertEquals(2_000 + 60_000 + 500, due(85), 1e-6); // steady again
        assertEquals(2_000 + 60_000 + 2_000, due(100), 1e-6);
    }

    @Test
    void withoutABurstTheRateStaysSteady() {
        assertEquals(3_000, BenchBurst.rateIntegral(TimeUnit.SECONDS.toNanos(30), 100, 20, 0), 1e-6);
    }
}
