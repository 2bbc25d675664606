package dev.replyclock.sla;

import dev.replyclock.classify.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The promise: a reply target per tier (the 15-5-1 rule by default), the pre-breach warning point as a
 * fraction of the target, the escalation ladder after a breach (one more rung every {@code escalateEvery},
 * up to {@code maxEscalations}), and business hours: the tiers in {@code calendarTiers} count their target in
 * the open hours of {@code calendar}; the others run 24/7.
 */
public record SlaPolicy(Duration standard, Duration urgent, Duration complaint, double warnAt,
                        Duration escalateEvery, int maxEscalations, BusinessCalendar calendar, Set<Tier> calendarTiers,
                        Map<Tier, Ladder> ladders) {

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

    /** The deadline of a wait of this tier that starts at {@code start}. */
    public Instant deadline(Tier tier, Instant start) {
        return calendarOf(tier).plusBusinessTime(start, target(tier));
    }

    /** The pre-breach warning instant of a wait of this tier that starts at {@code start}. */
    public Instant warning(Tier tier, Instant start) {
        return calendarOf(tier).plusBusinessTime(start, warnOffset(tier));
    }

    public Duration target(Tier tier) {
        return switch (tier) {
            case STANDARD -> standard;
            case URGENT -> urgent;
            case COMPLAINT -> complaint;
        };
    }

    /** The pre-breach warning offset from the start of the wait. */
    public Duration warnOffset(Tier tier) {
        return Duration.ofMillis(Math.round(target(tier).toMillis() * warnAt));
    }
}
