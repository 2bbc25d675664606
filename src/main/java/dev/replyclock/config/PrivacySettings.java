package dev.replyclock.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param archiveDir         where expired states are archived (encrypted) before deletion; null = no archive
 * @param archiveKeysetFile  the Tink keyset that encrypts the archives (created if missing when archiving)
 * @param retention          how long a conversation's state is kept after its last reply (or its ladder's end)
 * @param pseudonymKeyFile   the HMAC key that turns customer identifiers into pseudonyms (created if missing)
 * @param defaultRegion      the region of phone numbers written without a country code
 */
public record PrivacySettings(Duration retention, Path pseudonymKeyFile, String defaultRegion, Path archiveDir,
                              Path archiveKeysetFile) {

    /** Without an archive. */
    public PrivacySettings(Duration retention, Path pseudonymKeyFile, String defaultRegion) {
        this(retention, pseudonymKeyFile, defaultRegion, null, null);
    }

    public boolean archiving() {
        return archiveDir != null;
    }
}
