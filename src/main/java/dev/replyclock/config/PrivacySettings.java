package dev.replyclock.config;

import dev.replyclock.privacy.S3Target;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param archiveDir         the local directory expired states are archived to (encrypted) before deletion;
 *                           null = none ({@code privacy.archive.target} is empty or an S3 URL)
 * @param archiveKeysetFile  the Tink keyset that encrypts the archives (created if missing when archiving)
 * @param archiveS3          the S3-compatible bucket they are archived to instead; null = none
 * @param retention          how long a conversation's state is kept after its last reply (or its ladder's end)
 * @param pseudonymKeyFile   the HMAC key that turns customer identifiers into pseudonyms (created if missing)
 * @param defaultRegion      the region of phone numbers written without a country code
 * @param erasureBound       {@code privacy.erasure-bound}: an erased or expired value is physically gone from the
 *                           daemon's compacted and internal topics within it (their segment.ms and
 *                           max.compaction.lag.ms, see {@code kafka.TopicConfigs})
 */
public record PrivacySettings(Duration retention, Path pseudonymKeyFile, String defaultRegion, Path archiveDir,
                              Path archiveKeysetFile, S3Target archiveS3, Duration erasureBound) {

    /** The default of {@code privacy.erasure-bound}. */
    public static final Duration DEFAULT_ERASURE_BOUND = Duration.ofDays(7);

    /** Without an archive. */
    public PrivacySettings(Duration retention, Path pseudonymKeyFile, String defaultRegion) {
        this(retention, pseudonymKeyFile, defaultRegion, null, null, null, DEFAULT_ERASURE_BOUND);
    }

    public boolean archiving() {
        return archiveDir != null || archiveS3 != null;
    }
}
