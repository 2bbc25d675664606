package dev.replyclock.sla;

import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The running reply clock of one conversation: open from the first unanswered customer message until a
 * staff reply. This is the value of the persistent state store.
 *
 * @param openedAt    when the wait began (sentAt of the first unanswered inbound message, clamped to now)
 * @param startedAt   when the current deadline's clock started (a later, more severe message restarts it)
 * @param warnAt      the pre-breach warning instant, or null when none is due (stale clock)
 * @param deadline    the reply deadline
 * @param escalations how many escalation rungs have fired after the breach
 * @param stale       the message was already older than its target on arrival: measured, no alerts
 * @param signals     the signals of the message that set the tier
 * @param policy      the name of the SLA policy that set the deadline ({@link SlaPolicies#DEFAULT_NAME} by default)
 * @param acked       an agent acknowledged this deadline: no more alerts for it, the measurement goes on
 * @param firstReply  true while the conversation has never had a staff reply (first reply time), false for
 *                    a wait that began after one (next reply time)
 * @param team        the team the conversation belongs to (the message's optional {@code team}), or null
 * @param excerpt     the redacted excerpt of the message that set the tier, only with
 *                    {@code alerts.include-excerpt}; null otherwise
 */
public record ReplyClock(
        String conversationId,
        String channel,
        Tier tier,
        Instant openedAt,
        Instant startedAt,
        Instant warnAt,
        Instant deadline,
        Stage stage,
        int escalations,
        boolean stale,
        List<Signal> signals,
        String policy,
        boolean acked,
        boolean firstReply,
        String team,
        String excerpt) {

    public ReplyClock {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(stage, "stage");
        signals = List.copyOf(signals);
    }

    /** A clock without an excerpt. */
    public ReplyClock(String conversationId, String channel, Tier tier, Instant openedAt, Instant startedAt,
                      Instant warnAt, Instant deadline, Stage stage, int escalations, boolean stale,
                      List<Signal> signals, String policy, boolean acked, boolean firstReply, String team) {
        this(conversationId, channel, tier, openedAt, startedAt, warnAt, deadline, stage, escalations, stale,
                signals, policy, acked, firstReply, team, null);
    }

    /** A clock of the default policy, not acknowledged. */
    public ReplyClock(String conversationId, String channel, Tier tier, Instant openedAt, Instant startedAt,
                      Instant warnAt, Instant deadline, Stage stage, int escalations, boolean stale,
                      List<Signal> signals) {
        this(conversationId, channel, tier, openedAt, startedAt, warnAt, deadline, stage, escalations, stale,
                signals, SlaPolicies.DEFAULT_NAME, false, true, null);
    }

    /**
     * The next instant at which this clock has something to say (warning, breach or the next escalation),
     * or empty when the ladder is finished or the clock is stale.
     */
    public Optional<Instant> nextWakeUp(SlaPolicy policy) {
        if (stale || acked) {
            return Optional.empty();
        }
        return switch (stage) {
            case RUNNING -> Optional.of(warnAt != null && warnAt.isBefore(deadline) ? warnAt : deadline);
            case WARNED -> Optional.of(deadline);
            case BREACHED -> escalations < policy.maxEscalations(tier) && !policy.escalateEvery(tier).isZero()
                    ? Optional.of(policy.rungAt(tier, deadline, escalations + 1))
                    : Optional.empty();
        };
    }

    /** Leaves the excerpt out (customer text must not reach a log through a record's toString). */
    @Override
    public String toString() {
        return "ReplyClock[conversationId=" + conversationId + ", tier=" + tier + ", openedAt=" + openedAt
                + ", deadline=" + deadline + ", stage=" + stage + ", escalations=" + escalations + ", policy=" + policy
                + ", team=" + team + (excerpt == null ? "" : ", excerpt=(" + excerpt.length() + " chars)") + "]";
    }

    ReplyClock withStage(Stage newStage, int newEscalations) {
        return new ReplyClock(conversationId, channel, tier, openedAt, startedAt, warnAt, deadline, newStage,
                newEscalations, stale, signals, policy, acked, firstReply, team, excerpt);
    }

    ReplyClock acknowledged() {
        return new ReplyClock(conversationId, channel, tier, openedAt, startedAt, warnAt, deadline, stage,
                escalations, stale, signals, policy, true, firstReply, team, excerpt);
    }
}
