package dev.replyclock.config;

import java.time.Duration;

/**
 * The team view of the Streams app: overload alerts and periodic digests per team.
 *
 * @param overloadThreshold {@code alerts.overload.threshold}: open complaint + urgent conversations of one team
 *                          at which an overload alert fires; 0 turns overload alerts off
 * @param digestEvery       {@code alerts.digest.every}: the period of each team's digest; zero turns digests off
 */
public record TeamViewSettings(int overloadThreshold, Duration digestEvery) {

    public static final TeamViewSettings DEFAULT = new TeamViewSettings(20, Duration.ofHours(1));

    public TeamViewSettings {
        if (overloadThreshold < 0) {
            throw new IllegalArgumentException("overloadThreshold must be >= 0: " + overloadThreshold);
        }
        if (digestEvery == null || digestEvery.isNegative()) {
            throw new IllegalArgumentException("digestEvery must be zero (off) or positive: " + digestEvery);
        }
    }

    public boolean overloadOn() {
        return overloadThreshold > 0;
    }

    public boolean digestOn() {
        return !digestEvery.isZero();
    }
}
