package dev.replyclock.sla;

import dev.replyclock.classify.Classification;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.model.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reply-clock rules, as pure functions of (current clock, event, now). Plain Java with an injected
 * {@link Clock}: the Kafka processor stores the clocks and calls {@link #onDue} when the deadline index
 * says a clock's {@link ReplyClock#nextWakeUp} has come; tests and replays drive it directly.
 *
 * <p>Time: deadlines run on the wall clock (or the open hours of the tier's calendar, rungs included);
 * {@code sentAt} is the measurement time. A message from the future is clamped to now. A message already
 * older than its target is measured but raises no alerts. A wait that begins after a staff reply gets the
 * policy's next-reply target.
 */
public final class SlaEngine {

    private volatile SlaPolicies policies;
    private final Clock clock;

    public SlaEngine(SlaPolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** An engine with one policy for every message. */
    public SlaEngine(SlaPolicy policy, Clock clock) {
        this(SlaPolicies.single(policy), clock);
    }

    /** The default policy (for messages that no {@code sla.policies} rule matches). */
    public SlaPolicy policy() {
        return policies.defaultPolicy();
    }

    public SlaPolicies policies() {
        return policies;
    }

    /**
     * A reloaded configuration: new messages get the new targets; open clocks keep the deadline they were
     * promised and follow their policy's new ladder (by name) from their next wake-up on.
     */
    public void updatePolicies(SlaPolicies newPolicies) {
        this.policies = newPolicies;
    }

    /** When the clock next has something to say, under its own policy; empty when nothing more is due. */
    public Optional<Instant> nextWakeUp(ReplyClock c) {
        return c.nextWakeUp(policies.byName(c.policy()));
    }

    /** A message arrived for a conversation whose clock is {@code current} and that never had a reply. */
    public Outcome onMessage(Optional<ReplyClock> current, ClassifiedMessage classified) {
        return onMessage(current, classified, false);
    }

    /**
     * A customer message, a staff reply or an acknowledgement arrived for a conversation whose clock is
     * {@code current}; {@code repliedBefore} says whether staff has replied in it before (a new wait is
     * then measured as a next reply time, not a first).
     */
    public Outcome onMessage(Optional<ReplyClock> current, ClassifiedMessage classified, boolean repliedBefore) {
        SupportMessage message = classified.message();
        Classification classification = classified.classification();
        Instant now = clock.instant();
        Instant sent = message.sentAt().toInstant();
        Instant at = sent.isAfter(now) ? now : sent;
        return switch (message.direction()) {
            case INBOUND -> onInbound(current, message, classification, classified.excerpt(), at, now, !repliedBefore);
            case OUTBOUND -> onReply(current, at, now);
            case ACK -> onAck(current);
        };
    }

    /** An agent took the conversation: its current deadline raises no more alerts; the clock still runs. */
    private Outcome onAck(Optional<ReplyClock> current) {
        if (current.isEmpty()) {
            return new Outcome(Optional.empty(), List.of(), Optional.empty());
        }
        return Outcome.keep(current.get().acknowledged(), List.of());
    }

    /** @param excerpt kept with the signals it goes with: the clock's excerpt is that of the message that set the tier */
    private Outcome onInbound(Optional<ReplyClock> current, SupportMessage message, Classification c, String excerpt,
                              Instant at, Instant now, boolean firstReply) {
        Tier tier = c.tier();
        PolicyRule rule = policies.select(message.channel(), message.team(), message.segment());
        SlaPolicy policy = rule.policy();
        // A later message of an open wait keeps the wait's kind: first reply time or next reply time.
        boolean first = current.map(ReplyClock::firstReply).orElse(firstReply);
        Instant deadline = policy.deadline(tier, at, first);
        boolean stale = !deadline.isAfter(now);
        ReplyClock fresh = new ReplyClock(message.conversationId(), message.channel(), tier, at, at,
                stale ? null : policy.warning(tier, at, first), deadline, Stage.RUNNING, 0, stale, c.signals(),
                rule.name(), false, first, message.team(), excerpt);
        if (current.isEmpty()) {
            return Outcome.keep(fresh, signalFor(fresh, now));
        }
        ReplyClock cur = current.get();
        Instant openedAt = at.isBefore(cur.openedAt()) ? at : cur.openedAt();
        if (deadline.isBefore(cur.deadline())) {
            // A more severe later message tightens the promise; the earliest deadline always wins.
            ReplyClock tightened = new ReplyClock(cur.conversationId(), cur.channel(), max(cur.tier(), tier),
                    openedAt, at, fresh.warnAt(), deadline, Stage.RUNNING, 0, stale, c.signals(), rule.name(), false,
                    cur.firstReply(), teamOf(cur, message), excerpt);
            return Outcome.keep(tightened, signalFor(tightened, now));
        }
        if (tier.isMoreSevereThan(cur.tier())) {
            // More severe, but its own target ends after the running deadline: keep the deadline, raise the tier.
            ReplyClock raised = new ReplyClock(cur.conversationId(), cur.channel(), tier, openedAt,
                    cur.startedAt(), cur.warnAt(), cur.deadline(), cur.stage(), cur.escalations(), cur.stale(),
                    c.signals(), cur.policy(), cur.acked(), cur.firstReply(), teamOf(cur, message), excerpt);
            return Outcome.keep(raised, signalFor(raised, now));
        }
        // A wait opened by a message without text (or before the excerpt option) takes the next one's excerpt.
        String keptExcerpt = cur.excerpt() != null ? cur.excerpt() : excerpt;
        ReplyClock kept = openedAt.equals(cur.openedAt()) && Objects.equals(cur.team(), teamOf(cur, message))
                && Objects.equals(keptExcerpt, cur.excerpt()) ? cur : new ReplyClock(cur.conversationId(),
                cur.channel(), cur.tier(), openedAt, cur.startedAt(), cur.warnAt(), cur.deadline(), cur.stage(),
                cur.escalations(), cur.stale(), cur.signals(), cur.policy(), cur.acked(), cur.firstReply(),
                teamOf(cur, message), keptExcerpt);
        return Outcome.keep(kept, List.of());
    }

    private Outcome onReply(Optional<ReplyClock> current, Instant repliedAt, Instant now) {
        if (current.isEmpty()) {
            return new Outcome(Optional.empty(), List.of(), Optional.empty());
        }
        ReplyClock cur = current.get();
        if (repliedAt.isBefore(cur.openedAt())) {
            // A reply older than the wait it would close answers an earlier message: out of order, ignored.
            return Outcome.keep(cur, List.of());
        }
        Duration replyTime = Duration.between(cur.openedAt(), repliedAt);
        // Measured on sentAt: a reply sent before the deadline but delivered after it still kept the promise.
        boolean withinTarget = !repliedAt.isAfter(cur.deadline());
        List<ConversationAlert> alerts = cur.stage() == Stage.BREACHED
                ? List.of(alert(cur, AlertKind.RESOLVED, cur.escalations(), now))
                : List.of();
        return new Outcome(Optional.empty(), alerts, Optional.of(
                new ReplyMeasurement(cur.conversationId(), cur.tier(), cur.channel(), replyTime, withinTarget,
                        cur.firstReply())));
    }

    /**
     * The clock's wake-up time has come: emit what is due. After downtime several stages may be due at
     * once; only the furthest is emitted (a breach makes the missed warning moot, and only the current
     * escalation rung matters).
     */
    public Outcome onDue(ReplyClock c) {
        Instant now = clock.instant();
        SlaPolicy policy = policies.byName(c.policy());
        if (c.stale() || c.acked()) {
            return Outcome.keep(c, List.of());
        }
        if (c.stage() != Stage.BREACHED && !now.isBefore(c.deadline())) {
            return Outcome.keep(c.withStage(Stage.BREACHED, 0), List.of(alert(c, AlertKind.BREACH, 0, now)));
        }
        if (c.stage() == Stage.RUNNING && c.warnAt() != null && !now.isBefore(c.warnAt())) {
            return Outcome.keep(c.withStage(Stage.WARNED, 0), List.of(alert(c, AlertKind.WARNING, 0, now)));
        }
        if (c.stage() == Stage.BREACHED) {
            int level = policy.rungsDue(c.tier(), c.deadline(), now);
            if (level > c.escalations()) {
                return Outcome.keep(c.withStage(Stage.BREACHED, level),
                        List.of(alert(c, AlertKind.ESCALATION, level, now)));
            }
        }
        return Outcome.keep(c, List.of());
    }

    private List<ConversationAlert> signalFor(ReplyClock c, Instant now) {
        if (c.tier() == Tier.STANDARD || c.stale() || c.acked()) {
            return List.of();
        }
        return List.of(alert(c, AlertKind.SIGNAL, 0, now));
    }

    private static ConversationAlert alert(ReplyClock c, AlertKind kind, int level, Instant now) {
        return Alert.about(c.conversationId()).kind(kind).tier(c.tier()).level(level).channel(c.channel())
                .team(c.team()).openedAt(c.openedAt()).deadline(c.deadline()).createdAt(now).signals(c.signals())
                .excerpt(c.excerpt()).build();
    }

    /** A conversation keeps the team it was opened with unless a later message names one. */
    private static String teamOf(ReplyClock cur, SupportMessage message) {
        return message.team() != null ? message.team() : cur.team();
    }

    private static Tier max(Tier a, Tier b) {
        return a.isMoreSevereThan(b) ? a : b;
    }
}
