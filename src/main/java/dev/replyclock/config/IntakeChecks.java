package dev.replyclock.config;

import java.nio.file.Path;
import java.util.List;

/** Validates the intake's secret files: readable, long enough and random ({@link SecretFileCheck}). */
final class IntakeChecks {

    private IntakeChecks() {
    }

    /** @return the file, or null when the key is empty (its source is off) or the secret is refused */
    static Path secretFile(String key, String file, List<ConfigProblem> problems) {
        return SecretFileCheck.check(key, file, "leave the key empty to turn this source off", problems);
    }
}
