package dev.replyclock.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The HTTP API's bearer token, read once from {@code http.api-token-file}. Compared in constant time; never
 * logged.
 */
public final class ApiToken {

    /** How a request's credentials compare with the token. */
    public enum Check { MISSING, WRONG, OK }

    private final byte[] token;

    private ApiToken(byte[] token) {
        this.token = token;
    }

    public static ApiToken fromFile(Path file) throws IOException {
        String t = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (t.length() < 16) {
            throw new IOException("the API token in " + file + " is shorter than 16 characters");
        }
        return new ApiToken(t.getBytes(StandardCharsets.UTF_8));
    }

    /** @param authorization the request's {@code Authorization} header, may be null */
    public Check check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Check.MISSING;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token) ? Check.OK : Check.WRONG;
    }
}
