package dev.replyclock.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One bearer token of the HTTP API, read once from its file, with the name the audit log and silences know
 * it by and its {@link Role}. Only its SHA-256 is kept, so that comparisons are on 32 bytes whatever the
 * lengths (constant time, nothing learnt from the length); never logged.
 */
public final class ApiToken {

    /** The name of the token of {@code http.api-token-file}, which is an admin token. */
    public static final String LEGACY_NAME = "admin";

    private final String name;
    private final Role role;
    private final byte[] digest;

    private ApiToken(String name, Role role, byte[] digest) {
        this.name = name;
        this.role = role;
        this.digest = digest;
    }

    /** The single token of {@code http.api-token-file}: an admin token named {@value #LEGACY_NAME}. */
    public static ApiToken fromFile(Path file) throws IOException {
        return fromFile(LEGACY_NAME, Role.ADMIN, file);
    }

    public static ApiToken fromFile(String name, Role role, Path file) throws IOException {
        String t = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (t.length() < 16) {
            throw new IOException("the API token in " + file + " is shorter than 16 characters");
        }
        return new ApiToken(name, role, sha256(t));
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    boolean matches(byte[] presentedDigest) {
        return MessageDigest.isEqual(digest, presentedDigest);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + role.wireName() + ")";
    }
}
