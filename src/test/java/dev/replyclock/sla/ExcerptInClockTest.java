package dev.replyclock.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.replyclock.classify.Classification;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Direction;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Signal;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The excerpt goes with the signals: the clock keeps that of the message that set the tier. */
class ExcerptInClockTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SlaEngine engine = new SlaEngine(SlaPolicy.DEFAULT, clock);

    private ClassifiedMessage inbound(Tier tier, String excerpt) {
        List<Signal> signals = tier == Tier.STANDARD ? List.of() : List.of(new Signal("f", tier, "x", 0, 1));
        return new ClassifiedMessage(new SupportMessage("m", "c1", Direction.INBOUND, "chat", "cust", "text",
                clock.instant().atOffset(ZoneOffset.UTC)), new Classification(tier, signals), excerpt);
    }

    @Test
    void theExcerptFollowsTheMessageThatSetTheTierUpToTheBreach() {
        Outcome first = engine.onMessage(Optional.empty(), inbound(Tier.STANDARD, "Do you ship to Belgium?"));
        assertEquals("Do you ship to Belgium?", first.clock().orElseThrow().excerpt());
        clock.advance(Duration.ofMinutes(1));
        Outcome same = engine.onMessage(first.clock(), inbound(Tier.STANDARD, "Hello?"));
        assertEquals("Do you ship to Belgium?", same.clock().orElseThrow().excerpt(), "a message of the same tier keeps it");
        Outcome complaint = engine.onMessage(same.clock(), inbound(Tier.COMPLAINT, "It arrived broken"));
        assertEquals(AlertKind.SIGNAL, complaint.alerts().get(0).kind());
        assertEquals("It arrived broken", complaint.alerts().get(0).excerpt());
        clock.advance(Duration.ofMinutes(2));
        Outcome breach = engine.onDue(complaint.clock().orElseThrow());
        assertEquals(AlertKind.BREACH, breach.alerts().get(0).kind());
        assertEquals("It arrived broken", breach.alerts().get(0).excerpt());
    }

    @Test
    void toStringNeverShowsTheExcerpt() {
        Outcome o = engine.onMessage(Optional.empty(), inbound(Tier.URGENT, "Rappelez-moi vite"));
        org.junit.jupiter.api.Assertions.assertFalse(o.clock().orElseThrow().toString().contains("Rappelez"));
        org.junit.jupiter.api.Assertions.assertFalse(o.alerts().get(0).toString().contains("Rappelez"));
    }

    @Test
    void withoutExcerptsTheClockHasNone() {
        Outcome o = engine.onMessage(Optional.empty(), new ClassifiedMessage(new SupportMessage("m", "c1",
                Direction.INBOUND, "chat", "cust", "urgent please", T0.atOffset(ZoneOffset.UTC)),
                new Classification(Tier.URGENT, List.of(new Signal("f", Tier.URGENT, "x", 0, 1)))));
        assertNull(o.clock().orElseThrow().excerpt());
        assertNull(o.alerts().get(0).excerpt());
    }
}
