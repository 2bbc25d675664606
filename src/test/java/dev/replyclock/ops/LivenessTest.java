package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class LivenessTest {

    @Test
    void aStreamsClientThatStartsRebalancesOrRunsIsLive() {
        for (State s : new State[] {null, State.CREATED, State.REBALANCING, State.RUNNING}) {
            assertTrue(Liveness.judge(s, false, List.of()).live(), String.valueOf(s));
        }
    }

    @Test
    void aStreamsClientInErrorOrStoppedWithoutBeingAskedIsDead() {
        for (State s : new State[] {State.PENDING_ERROR, State.ERROR, State.PENDING_SHUTDOWN, State.NOT_RUNNING}) {
            Liveness l = Liveness.judge(s, false, List.of());
            assertFalse(l.live(), String.valueOf(s));
            assertEquals("the Streams client is " + s, l.reason());
        }
    }

    @Test
    void aStopWeAskedForIsNoFailure() {
        assertTrue(Liveness.judge(State.NOT_RUNNING, true, List.of("replyclock-deliver-console")).live());
    }

    @Test
    void aDeadNotifierThreadIsNamedInTheReason() {
        Liveness l = Liveness.judge(State.RUNNING, false, List.of("replyclock-deliver-console", "replyclock-silences"));
        assertFalse(l.live());
        assertEquals("thread(s) ended on an error: replyclock-deliver-console, replyclock-silences", l.reason());
        assertEquals("the Streams client is ERROR; thread(s) ended on an error: replyclock-overload",
                Liveness.judge(State.ERROR, false, List.of("replyclock-overload")).reason());
    }
}
