package dev.replyclock.config;

import java.time.Duration;

/**
 * @param deadExitAfter how long {@code /health/live} fails before {@code run} exits non-zero
 *                      ({@code health.dead-exit-after})
 */
public record HealthSettings(Duration deadExitAfter) {

    public static final HealthSettings DEFAULT = new HealthSettings(Duration.ofSeconds(30));
}
