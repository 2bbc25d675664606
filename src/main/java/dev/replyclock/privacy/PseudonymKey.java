package dev.replyclock.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pseudonym key file ({@code privacy.pseudonym-key-file}): base64 of 32 random bytes. Generated on first
 * start, readable by the owner only (0600); losing it changes every pseudonym, so it belongs in backups
 * (a Kubernetes Secret, a vault), apart from the data.
 */
public final class PseudonymKey {

    private static final Logger log = LoggerFactory.getLogger(PseudonymKey.class);

    private PseudonymKey() {
    }

    public static byte[] loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    /**
     * Reads an existing key, never creates one: a tool that must compute the daemon's pseudonyms
     * ({@code replyclock forget}) would get different ones with a fresh key.
     */
    public static byte[] load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + " does not exist (the daemon creates it on its first start)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a base64 key (" + e.getMessage() + ")", e);
        }
        if (key.length < 32) {
            throw new IOException(file + " holds a key of " + key.length + " bytes; at least 32 are needed");
        }
        // A known key (a manifest's example) lets anyone recompute pseudonyms by enumerating phone numbers.
        Optional<String> weak = SecretStrength.problem(key);
        if (weak.isPresent()) {
            throw new IOException(file + " holds a key that " + weak.get());
        }
        SecretFiles.warnIfReadableByOthers(file, "privacy.pseudonym-key-file");
        return key;
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        byte[] content = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!SecretFiles.createIfAbsent(file, content)) {
            return; // another instance created it first
        }
        log.info("generated a new pseudonym key in {} (owner-only); keep it safe: it makes pseudonyms stable",
                file.toAbsolutePath());
    }
}
