package dev.replyclock.config;

import dev.replyclock.privacy.PseudonymKey;
import dev.replyclock.privacy.SecretFiles;
import dev.replyclock.privacy.SecretStrength;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Validates a file that holds a token (the API token, the intake's secrets): readable, long enough, not a
 * placeholder, a repeated pattern or a low-entropy string ({@link SecretStrength}), and warns when others
 * can read it. The value named in a problem is the path, never the secret.
 */
final class SecretFileCheck {

    /** Shorter secrets can be guessed; 16 characters is what the API token asks too. */
    static final int MIN_SECRET_CHARS = 16;

    private SecretFileCheck() {
    }

    /**
     * @param off how to turn the feature off instead, for the fix ("leave the key empty to turn the API off")
     * @return the file, or null when the key is empty or the secret is refused
     */
    static Path check(String key, String file, String off, List<ConfigProblem> problems) {
        if (file.isBlank()) {
            return null;
        }
        String secret;
        try {
            secret = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            problems.add(new ConfigProblem(key, file, "the file cannot be read; create it with a random secret ("
                    + SecretStrength.HOW_TO_GENERATE + " > " + file + "), or " + off));
            return null;
        }
        Optional<String> weak = secret.length() < MIN_SECRET_CHARS
                ? Optional.of("is shorter than " + MIN_SECRET_CHARS + " characters")
                : SecretStrength.problem(secret);
        if (weak.isPresent()) {
            problems.add(new ConfigProblem(key, file, "the secret in the file " + weak.get() + "; generate a good one: "
                    + SecretStrength.HOW_TO_GENERATE + " > " + file));
            return null;
        }
        SecretFiles.warnIfReadableByOthers(Path.of(file), key);
        return Path.of(file);
    }

    /**
     * The pseudonym key, when it exists (it is created on first start): a base64 key of 32 random bytes, not
     * the placeholder of a manifest. Checked here so that start-up stops with one line, not a stack trace.
     */
    static void pseudonymKey(String key, String file, List<ConfigProblem> problems) {
        if (file.isBlank() || !Files.exists(Path.of(file))) {
            return;
        }
        try {
            PseudonymKey.load(Path.of(file));
        } catch (IOException e) {
            problems.add(new ConfigProblem(key, file, e.getMessage().replace(file + " ", "the file ")
                    + "; restore the key from your backup, or delete it to have one generated on the next start"
                    + " (every pseudonym changes), or write one: "
                    + SecretStrength.HOW_TO_GENERATE + " > " + file));
        }
    }
}
