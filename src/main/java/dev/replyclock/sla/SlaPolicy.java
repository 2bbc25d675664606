package dev.replyclock.sla;

import dev.replyclock.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The promise: a reply target per tier (the 15-5-1 rule by default), the pre-breach warning point as a
 * fraction of the target, the escalation ladder after a breach (one more rung every {@code escalateEvery},
 * up to {@code maxEscalations}), and business hours: the tiers in {@code calendarTiers} count their target,
 * warning and rungs in the open hours of {@code calendar}; the others run 24/7.
 *
 * <p>Like Zendesk's "first reply time" and "next reply time", a wait that begins after a staff reply (the
 * customer wrote again) can have its own target per tier in {@code nextTargets}; a tier left out there
 * keeps its first-reply target.
 */
public record SlaPolicy(Duration standard, Duration urgent, Duration complaint, double warnAt,
                        Duration escalateEvery, int maxEscalations, BusinessCalendar calendar, Set<Tier> calendarTiers,
                        Map<Tier, Ladder> ladders, Map<Tier, Duration> nextTargets) {

    /** A tier's own escalation ladder: one rung every {@code every} after the breach, up to {@code maxLevel}. */
    public record Ladder(Duration every, int maxLevel) {
    }

    public static final SlaPolicy DEFAULT = new SlaPolicy(
            Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1), 0.8, Duration.ofMinutes(10), 3);

    /** A policy whose clocks all run 24/7. */
    public SlaPolicy(Duration standard, Duration urgent, Duration complaint, double warnAt, Duration escalateEvery,
                     int maxEscalations) {
        this(standard, urgent, complaint, warnAt, escalateEvery, maxEscalations, BusinessCalendar.ALWAYS, Set.of());
    }

    /** A policy with one escalation ladder for every tier. */
    public SlaPolicy(Duration standard, Duration urgent, Duration complaint, double warnAt, Duration escalateEvery,
                     int maxEscalations, BusinessCalendar calendar, Set<Tier> calendarTiers) {
        this(standard, urgent, complaint, warnAt, escalateEvery, maxEscalations, calendar, calendarTiers, Map.of());
    }

    /** A policy whose next-reply targets are its first-reply targets. */
    public SlaPolicy(Duration standard, Duration urgent, Duration complaint, double warnAt, Duration escalateEvery,
                     int maxEscalations, BusinessCalendar calendar, Set<Tier> calendarTiers, Map<Tier, Ladder> ladders) {
        this(standard, urgent, complaint, warnAt, escalateEvery, maxEscalations, calendar, calendarTiers, ladders,
                Map.of());
    }

    public SlaPolicy {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(urgent, "urgent");
        Objects.requireNonNull(complaint, "complaint");
        Objects.requireNonNull(escalateEvery, "escalateEvery");
        if (!(warnAt > 0 && warnAt < 1)) {
            throw new IllegalArgumentException("warnAt must be between 0 and 1 (exclusive), was " + warnAt);
        }
        if (maxEscalations < 0) {
            throw new IllegalArgumentException("maxEscalations must be >= 0, was " + maxEscalations);
        }
        Objects.requireNonNull(calendar, "calendar");
        calendarTiers = Set.copyOf(calendarTiers);
        ladders = Map.copyOf(ladders);
        nextTargets = Map.copyOf(nextTargets);
    }

    /** How often a breached wait of this tier escalates (its own ladder, else the policy's). */
    public Duration escalateEvery(Tier tier) {
        Ladder l = ladders.get(tier);
        return l == null ? escalateEvery : l.every();
    }

    /** The last rung of this tier's ladder. */
    public int maxEscalations(Tier tier) {
        Ladder l = ladders.get(tier);
        return l == null ? maxEscalations : l.maxLevel();
    }

    /** The calendar a tier's clock runs on: the policy's calendar, or 24/7. */
    public BusinessCalendar calendarOf(Tier tier) {
        return calendarTiers.contains(tier) ? calendar : BusinessCalendar.ALWAYS;
    }

    /**
     * The deadline of a wait of this tier that starts at {@code start}.
     *
     * @param firstReply true for the conversation's first wait, false for one that began after a staff reply
     */
    public Instant deadline(Tier tier, Instant start, boolean firstReply) {
        return calendarOf(tier).plusBusinessTime(start, target(tier, firstReply));
    }

    /** The deadline of a conversation's first wait. */
    public Instant deadline(Tier tier, Instant start) {
        return deadline(tier, start, true);
    }

    /** The pre-breach warning instant of a wait of this tier that starts at {@code start}. */
    public Instant warning(Tier tier, Instant start, boolean firstReply) {
        return calendarOf(tier).plusBusinessTime(start, warnOffset(tier, firstReply));
    }

    /** The pre-breach warning instant of a conversation's first wait. */
    public Instant warning(Tier tier, Instant start) {
        return warning(tier, start, true);
    }

    /**
     * When rung {@code level} of the ladder of a wait that breached at {@code deadline} is due: {@code level}
     * times the tier's interval after the breach, counted on the tier's calendar, so that a calendar tier does
     * not escalate while the office is closed (a breach at 17:55 climbs at 09:05, 09:15... the next open day).
     */
    public Instant rungAt(Tier tier, Instant deadline, int level) {
        return calendarOf(tier).plusBusinessTime(deadline, escalateEvery(tier).multipliedBy(level));
    }

    /** The highest rung due at {@code now} for a wait that breached at {@code deadline}, at most the last one. */
    public int rungsDue(Tier tier, Instant deadline, Instant now) {
        Duration every = escalateEvery(tier);
        if (every.isZero()) {
            return 0;
        }
        long rungs = calendarOf(tier).businessTimeBetween(deadline, now).toMillis() / every.toMillis();
        return (int) Math.min(maxEscalations(tier), rungs);
    }

    /** The first-reply target of a tier. */
    public Duration target(Tier tier) {
        return switch (tier) {
            case STANDARD -> standard;
            case URGENT -> urgent;
            case COMPLAINT -> complaint;
        };
    }

    /** The target of a first wait, or of a next one (its own target if set, else the first-reply one). */
    public Duration target(Tier tier, boolean firstReply) {
        return firstReply ? target(tier) : nextTargets.getOrDefault(tier, target(tier));
    }

    /** The pre-breach warning offset from the start of a first wait. */
    public Duration warnOffset(Tier tier) {
        return warnOffset(tier, true);
    }

    /** The pre-breach warning offset from the start of the wait. */
    public Duration warnOffset(Tier tier, boolean firstReply) {
        return Duration.ofMillis(Math.round(target(tier, firstReply).toMillis() * warnAt));
    }
}
