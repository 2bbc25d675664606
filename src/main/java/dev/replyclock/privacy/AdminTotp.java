package dev.replyclock.privacy;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The admin's second factor for the full export: a TOTP code (RFC 6238: 6 digits, 30 s step, HMAC-SHA1, what
 * authenticator apps use by default) from the base32 secret in {@code http.admin-totp-file}. The codes come
 * from java-otp; this class only adds what RFC 6238 leaves to the verifier: one step of clock drift either
 * way, and each step accepted at most once (section 5.2), so a code seen on the wire cannot be replayed; the
 * steps used are kept by a {@link UsedTotpSteps}, shared by all instances when there are several.
 * Neither the secret nor a code is ever logged.
 */
public final class AdminTotp {

    /** How a request's code compares. */
    public enum Check { MISSING, WRONG, REPLAYED, OK }

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** At least 128 bits, RFC 4226's minimum: 26 base32 characters. */
    public static final int MIN_SECRET_CHARS = 26;
    private static final int GENERATED_SECRET_BYTES = 20; // 160 bits, as RFC 4226 recommends

    private final SecretKeySpec key;
    private final Clock clock;
    private final TimeBasedOneTimePasswordGenerator totp =
            new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    private final UsedTotpSteps used;

    /** With the used steps in this process's memory (one instance). */
    public AdminTotp(String base32Secret, Clock clock) {
        this(base32Secret, clock, UsedTotpSteps.inMemory());
    }

    public AdminTotp(String base32Secret, Clock clock, UsedTotpSteps used) {
        this.key = new SecretKeySpec(decode(base32Secret), "HmacSHA1");
        this.clock = clock;
        this.used = used;
    }

    public static AdminTotp fromFile(Path file, Clock clock) throws IOException {
        return fromFile(file, clock, UsedTotpSteps.inMemory());
    }

    public static AdminTotp fromFile(Path file, Clock clock, UsedTotpSteps used) throws IOException {
        return new AdminTotp(Files.readString(file, StandardCharsets.UTF_8), clock, used);
    }

    /** Checks a secret as written in the file; null when usable, else what is wrong with it. */
    public static String problemWith(String base32Secret) {
        String s = normalized(base32Secret);
        if (s.length() < MIN_SECRET_CHARS) {
            return "holds " + s.length() + " base32 characters; a secret needs at least " + MIN_SECRET_CHARS;
        }
        if (!s.matches("[A-Z2-7]+")) {
            return "is not base32 (letters A-Z and digits 2-7)";
        }
        return null;
    }

    private static String normalized(String secret) {
        return secret.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
    }

    private static byte[] decode(String secret) {
        String problem = problemWith(secret);
        if (problem != null) {
            throw new IllegalArgumentException("the TOTP secret " + problem);
        }
        return new Base32().decode(normalized(secret));
    }

    /** A fresh random secret, base32 without padding, for {@code replyclock totp-secret}. */
    public static String newSecret() {
        byte[] bytes = new byte[GENERATED_SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The URI that authenticator apps take (as a QR code or pasted), in the Key Uri Format of Google Authenticator. */
    public static String enrolmentUri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + normalized(base32Secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The code of the step that contains {@code at} (what the admin's app shows then). */
    public String codeAt(Instant at) {
        try {
            return totp.generateOneTimePasswordString(key, at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the TOTP secret is not a usable HMAC key", e);
        }
    }

    /**
     * @param code the request's {@code X-Replyclock-TOTP} header, may be null
     * @throws UsedTotpSteps.Unavailable when a right code's step cannot be recorded as used
     */
    public Check check(String code) {
        if (code == null || code.isBlank()) {
            return Check.MISSING;
        }
        String given = code.trim();
        Instant now = clock.instant();
        long step = Math.floorDiv(now.getEpochSecond(), STEP.toSeconds());
        // Compare every candidate (no early exit) in constant time: the timing says nothing about the code.
        long matched = Long.MIN_VALUE;
        for (long drift = -1; drift <= 1; drift++) {
            byte[] expected = codeAt(Instant.ofEpochSecond((step + drift) * STEP.toSeconds()))
                    .getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
                matched = step + drift;
            }
        }
        if (matched == Long.MIN_VALUE) {
            return Check.WRONG;
        }
        return used.claim(matched) ? Check.OK : Check.REPLAYED;
    }
}
