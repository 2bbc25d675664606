package dev.replyclock.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param archiveDir         where expired states are archived (encrypted) before deletion; null = no archive
 * @param archiveKeysetFile  the Tink keyset that encrypts the archives (created if missing when archiving)
 * @param retention          how long a conversation's state is kept after its last reply (or its ladder's end)
 * @param pseudonymKeyFile   the HMAC key that turns customer identifiers into pseudonyms (created if missing)
 * @param defaultRegion      the region of phone numbers written without a country code
 * @param erasureBound       {@code privacy.erasure-bound}: an erased or expired value is physically gone from the
 *                           daemon's compacted and internal topics within it (their segment.ms and
 *                           max.compaction.lag.ms, see {@code kafka.TopicConfigs})
 */
public record PrivacySettings(Duration retention, Path pseudonymKeyFile, String defaultRegion, Path archiveDir,
                              Path archiveKeysetFile, Duration erasureBound) {

    /** The default of {@code privacy.erasure-bound}. */
    public static final Duration DEFAULT_ERASURE_BOUND = Duration.ofDays(7);

    /** Without an archive. */
    public PrivacySettings(Duration retention, Path pseudonymKeyFile, String defaultRegion) {
        this(retention, pseudonymKeyFile, defaultRegion, null, null, DEFAULT_ERASURE_BOUND);
    }

    public boolean archiving() {
        return archiveDir != null;
    }
}
