package dev.replyclock.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param retention          how long a conversation's state is kept after its last reply (or its ladder's end)
 * @param pseudonymKeyFile   the HMAC key that turns customer identifiers into pseudonyms (created if missing)
 * @param defaultRegion      the region of phone numbers written without a country code
 */
public record PrivacySettings(Duration retention, Path pseudonymKeyFile, String defaultRegion) {
}
