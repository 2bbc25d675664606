package dev.replyclock.kafka;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.model.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailuresTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final List<StreamThreadExceptionResponse> told = new ArrayList<>();
    private final StreamThreadFailures policy = StreamThreadFailures.standard(clock, told::add);

    @Test
    void threeFailuresInTenMinutesReplaceTheThreadAndTheFourthStopsTheClient() {
        for (int i = 0; i < 3; i++) {
            assertEquals(REPLACE_THREAD, policy.handle(new StreamsException("timeout")));
            clock.advance(Duration.ofMinutes(2));
        }
        assertEquals(SHUTDOWN_CLIENT, policy.handle(new StreamsException("the same record again")));
        assertEquals(List.of(REPLACE_THREAD, REPLACE_THREAD, REPLACE_THREAD, SHUTDOWN_CLIENT), told);
    }

    @Test
    void failuresFurtherApartThanTheWindowAreTakenForTransientOnes() {
        for (int i = 0; i < 10; i++) {
            assertEquals(REPLACE_THREAD, policy.handle(new StreamsException("timeout")));
            clock.advance(Duration.ofMinutes(4));
        }
    }

    @Test
    void anErrorStopsTheClientAtOnceEvenWrapped() {
        assertEquals(SHUTDOWN_CLIENT, policy.handle(new StreamsException(new StackOverflowError())));
    }
}
