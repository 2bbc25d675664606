package dev.replyclock.ingest.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/** A secret of the intake read once from its file (a token, a verify token, a signing key); never logged. */
final class Secret {

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    /** @return null when {@code file} is null (the source is off) */
    static Secret fromFile(Path file, String key) {
        if (file == null) {
            return null;
        }
        try {
            return new Secret(Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(key + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Secret of(String value) {
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return value.clone();
    }

    /** Constant-time comparison; null is never equal. */
    boolean matches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), value);
    }

    /** Whether an {@code Authorization} header carries this secret as a bearer token. */
    boolean matchesBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && matches(authorization.substring(7).trim());
    }
}
