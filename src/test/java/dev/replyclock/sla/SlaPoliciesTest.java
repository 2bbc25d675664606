package dev.replyclock.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.classify.Classification;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Direction;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Policies matched on channel, team and segment, first match wins; and acknowledgements. */
class SlaPoliciesTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SlaPolicy vip = new SlaPolicy(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(30),
            0.5, Duration.ofMinutes(1), 2);
    private final SlaPolicy email = new SlaPolicy(Duration.ofHours(4), Duration.ofHours(1), Duration.ofMinutes(15),
            0.8, Duration.ofMinutes(30), 1);
    private final SlaPolicies policies = new SlaPolicies(SlaPolicy.DEFAULT, List.of(
            new PolicyRule("vip", null, null, "vip", vip),
            new PolicyRule("email", "email", null, null, email)));
    private final SlaEngine engine = new SlaEngine(policies, clock);

    private ClassifiedMessage inbound(String channel, String team, String segment, Tier tier) {
        return new ClassifiedMessage(new SupportMessage("m", "c1", Direction.INBOUND, channel, "x", "text",
                clock.instant().atOffset(ZoneOffset.UTC), team, segment), new Classification(tier, List.of()));
    }

    @Test
    void firstMatchingPolicyWins() {
        assertEquals("vip", policies.select("email", null, "VIP").name(), "vip is listed first; match ignores case");
        assertEquals("email", policies.select("email", "billing", null).name());
        assertEquals(SlaPolicies.DEFAULT_NAME, policies.select("chat", null, null).name());
    }

    @Test
    void vipComplaintGetsThePolicyTargetAndWarning() {
        ReplyClock c = engine.onMessage(Optional.empty(), inbound("chat", null, "vip", Tier.COMPLAINT)).clock().orElseThrow();
        assertEquals(T0.plusSeconds(30), c.deadline());
        assertEquals(T0.plusSeconds(15), c.warnAt(), "warn-at 0.5 of the vip policy");
        assertEquals("vip", c.policy());
    }

    @Test
    void unmatchedMessageGetsTheDefaultFifteenMinutes() {
        ReplyClock c = engine.onMessage(Optional.empty(), inbound("chat", "sales", "regular", Tier.STANDARD)).clock().orElseThrow();
        assertEquals(T0.plus(Duration.ofMinutes(15)), c.deadline());
    }

    @Test
    void escalationFollowsTheClocksOwnPolicy() {
        ReplyClock c = engine.onMessage(Optional.empty(), inbound("chat", null, "vip", Tier.COMPLAINT)).clock().orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        c = engine.onDue(c).clock().orElseThrow();
        assertEquals(Stage.BREACHED, c.stage());
        assertEquals(Optional.of(T0.plusSeconds(90)), engine.nextWakeUp(c), "vip escalates every minute");
    }

    @Test
    void acknowledgementStopsTheAlertsOfThatDeadlineButNotTheMeasurement() {
        ReplyClock c = engine.onMessage(Optional.empty(), inbound("chat", null, null, Tier.COMPLAINT)).clock().orElseThrow();
        SupportMessage ack = new SupportMessage("a", "c1", Direction.ACK, "", "agent", "", clock.instant().atOffset(ZoneOffset.UTC));
        c = engine.onMessage(Optional.of(c), new ClassifiedMessage(ack, Classification.STANDARD)).clock().orElseThrow();
        assertTrue(c.acked());
        assertEquals(Optional.empty(), engine.nextWakeUp(c));
        clock.advance(Duration.ofMinutes(2));
        assertTrue(engine.onDue(c).alerts().isEmpty());
        SupportMessage reply = new SupportMessage("r", "c1", Direction.OUTBOUND, "chat", "agent", "ok",
                clock.instant().atOffset(ZoneOffset.UTC));
        Outcome closed = engine.onMessage(Optional.of(c), new ClassifiedMessage(reply, Classification.STANDARD));
        assertEquals(Duration.ofMinutes(2), closed.measurement().orElseThrow().replyTime());
        assertTrue(!closed.measurement().get().withinTarget());
    }

    @Test
    void aTighterDeadlineAfterAnAckRestartsTheLadder() {
        ReplyClock c = engine.onMessage(Optional.empty(), inbound("chat", null, null, Tier.STANDARD)).clock().orElseThrow();
        SupportMessage ack = new SupportMessage("a", "c1", Direction.ACK, "", "agent", "", clock.instant().atOffset(ZoneOffset.UTC));
        c = engine.onMessage(Optional.of(c), new ClassifiedMessage(ack, Classification.STANDARD)).clock().orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        Outcome tightened = engine.onMessage(Optional.of(c), inbound("chat", null, null, Tier.COMPLAINT));
        assertEquals(List.of(AlertKind.SIGNAL), tightened.alerts().stream().map(a -> a.kind()).toList());
        assertTrue(!tightened.clock().orElseThrow().acked());
    }

    @Test
    void aFollowUpGetsTheNextReplyTargetOfItsOwnPolicy() {
        SlaPolicy emailWithNext = new SlaPolicy(Duration.ofHours(4), Duration.ofHours(1), Duration.ofMinutes(15), 0.8,
                Duration.ofMinutes(30), 1, BusinessCalendar.ALWAYS, java.util.Set.of(), java.util.Map.of(),
                java.util.Map.of(Tier.STANDARD, Duration.ofHours(24)));
        SlaEngine e = new SlaEngine(new SlaPolicies(SlaPolicy.DEFAULT,
                List.of(new PolicyRule("email", "email", null, null, emailWithNext))), clock);
        ReplyClock email = e.onMessage(Optional.empty(), inbound("email", null, null, Tier.STANDARD), true)
                .clock().orElseThrow();
        assertEquals(T0.plus(Duration.ofHours(24)), email.deadline(), "the email policy's next-reply target");
        ReplyClock chat = e.onMessage(Optional.empty(), inbound("chat", null, null, Tier.STANDARD), true)
                .clock().orElseThrow();
        assertEquals(T0.plus(Duration.ofMinutes(15)), chat.deadline(), "the default policy has no next-reply target");
    }
}
