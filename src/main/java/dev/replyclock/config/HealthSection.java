package dev.replyclock.config;

import java.time.Duration;

/** {@code health.*}: when a process that stopped working exits, for its supervisor to restart it. */
final class HealthSection {

    private HealthSection() {
    }

    static HealthSettings read(ConfigValues v) {
        return new HealthSettings(v.between("health.dead-exit-after", Duration.ofSeconds(1), Duration.ofHours(1),
                "a process that stopped working must end for its supervisor to restart it"));
    }
}
