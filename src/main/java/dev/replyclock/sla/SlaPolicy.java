package dev.replyclock.sla;

import dev.replyclock.classify.Tier;
import java.time.Duration;
import java.util.Objects;

/**
 * The promise: a reply target per tier (the 15-5-1 rule by default), the pre-breach warning point as a
 * fraction of the target, and the escalation ladder after a breach (one more rung every
 * {@code escalateEvery}, up to {@code maxEscalations}).
 */
public record SlaPolicy(Duration standard, Duration urgent, Duration complaint, double warnAt,
                        Duration escalateEvery, int maxEscalations) {

    public static final SlaPolicy DEFAULT = new SlaPolicy(
            Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1), 0.8, Duration.ofMinutes(10), 3);

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
