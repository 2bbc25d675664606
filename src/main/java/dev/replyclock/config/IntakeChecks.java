package dev.replyclock.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Validates the intake's secret files: readable and long enough; the value named is the path, never the secret. */
final class IntakeChecks {

    /** Shorter secrets can be guessed; 16 characters is what the API token asks too. */
    static final int MIN_SECRET_CHARS = 16;

    private IntakeChecks() {
    }

    /** @return the file, or null when the key is empty (its source is off) */
    static Path secretFile(String key, String file, List<ConfigProblem> problems) {
        if (file.isBlank()) {
            return null;
        }
        String secret;
        try {
            secret = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            problems.add(new ConfigProblem(key, file, "the file cannot be read; create it with a random secret"
                    + " (head -c 32 /dev/urandom | base64 > " + file + "), or leave the key empty to turn this source off"));
            return null;
        }
        if (secret.length() < MIN_SECRET_CHARS) {
            problems.add(new ConfigProblem(key, file, "the secret in the file is shorter than " + MIN_SECRET_CHARS
                    + " characters; use a random one (head -c 32 /dev/urandom | base64)"));
            return null;
        }
        return Path.of(file);
    }
}
