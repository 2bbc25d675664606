package dev.replyclock.config;

import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.privacy.SecretFiles;
import dev.replyclock.privacy.SecretStrength;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Validates {@code http.admin-totp-file}: readable, a usable and random base32 secret, and an admin token set too. */
final class AdminTotpFileCheck {

    private static final String KEY = "http.admin-totp-file";

    private AdminTotpFileCheck() {
    }

    /** @return the file, or null when the key is empty (the export is off) */
    /** @param adminToken whether an admin token is configured (the export's first factor) */
    static Path check(String file, boolean adminToken, List<ConfigProblem> problems) {
        if (file.isBlank()) {
            return null;
        }
        if (!adminToken) {
            problems.add(new ConfigProblem(KEY, file, "the export needs an admin bearer token as well: set"
                    + " http.api-token-file or an http.api-tokens entry with role admin, or leave this key empty to turn"
                    + " the export off"));
        }
        String secret;
        try {
            secret = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new ConfigProblem(KEY, file, "the file cannot be read; create it with"
                    + " 'replyclock totp-secret --file " + file + "', or leave the key empty to turn the export off"));
            return null;
        }
        String problem = AdminTotp.problemWith(secret);
        if (problem == null) {
            problem = SecretStrength.problem(secret).orElse(null);
        }
        if (problem != null) {
            // The value named is the file, never its content: the secret stays out of the output.
            problems.add(new ConfigProblem(KEY, file, "the file " + problem + "; create a new one with"
                    + " 'replyclock totp-secret --file F'"));
            return null;
        }
        SecretFiles.warnIfReadableByOthers(Path.of(file), KEY);
        return Path.of(file);
    }
}
