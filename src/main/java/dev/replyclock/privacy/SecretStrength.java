package dev.replyclock.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses secrets that only look like secrets: a known placeholder ({@code replace-me...}, {@code changeme},
 * {@code secret}, {@code password}), a short pattern repeated ({@code abcabcabc...}, one character over and
 * over), a run of the alphabet or the keyboard ({@code 123456789...}, {@code qwerty...}), or too little
 * entropy (estimated from the text's own character frequencies: {@value #MIN_BITS} bits at least). A
 * publicly known HMAC key makes phone-number pseudonyms reversible by enumerating numbers, and a token from
 * a manifest's example is everyone's token. Hand-written: the checks are a few lines each, and a password
 * strength library is made for human passwords, not generated tokens.
 */
public final class SecretStrength {

    /** What a good one takes: 32 random bytes, base64. */
    public static final String HOW_TO_GENERATE = "openssl rand -base64 32";
    /** A random 16-character token estimates at 56 to 64 bits; "aaaaaaaaaaaaaaab" at 6. */
    static final int MIN_BITS = 48;
    /** Found anywhere in the secret: nobody generates these. */
    private static final List<String> MARKERS = List.of("replace-me", "replace_me", "replaceme", "changeme",
            "change-me", "change_me", "placeholder", "example", "dummy", "your-", "your_", "insert-", "qwerty", "azerty");
    /** The whole secret once its digits and punctuation are gone: "Secret123!", "password-2024". */
    private static final List<String> WORDS = List.of("secret", "password", "passw", "token", "apitoken", "apikey",
            "key", "admin", "test", "default", "letmein", "changeit");

    private SecretStrength() {
    }

    /** Why this text secret (a token, a base64 or base32 key) is not a good one, or empty when it is. */
    public static Optional<String> problem(String secret) {
        String s = secret.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String p : MARKERS) {
            if (lower.contains(p)) {
                return Optional.of("is a placeholder (it contains '" + p + "'), not a random secret");
            }
        }
        String letters = lower.replaceAll("[^a-z]", "");
        if (WORDS.contains(letters)) {
            return Optional.of("is a placeholder ('" + letters + "' and digits), not a random secret");
        }
        int period = period(s);
        if (period <= s.length() / 2) {
            return Optional.of("repeats a pattern of " + period + " character" + (period == 1 ? "" : "s"));
        }
        if (sequential(s)) {
            return Optional.of("is a run of the alphabet, the digits or the keyboard, not a random secret");
        }
        long bits = Math.round(entropyBitsPerSymbol(s.chars().toArray()) * s.length());
        if (bits < MIN_BITS) {
            return Optional.of("has too little entropy (about " + bits + " bits; at least " + MIN_BITS + ")");
        }
        return Optional.empty();
    }

    /**
     * Why these key bytes (decoded from base64) are not random, or empty when they look it: a placeholder
     * phrase encoded in base64 decodes to readable text, which 32 random bytes almost never are.
     */
    public static Optional<String> problem(byte[] key) {
        boolean text = key.length > 0;
        for (byte b : key) {
            text &= b >= 0x20 && b < 0x7f;
        }
        if (text) {
            Optional<String> asText = problem(new String(key, StandardCharsets.US_ASCII));
            return Optional.of("decodes to readable text" + asText.map(p -> " that " + p).orElse("") + ", not random bytes");
        }
        int[] symbols = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            symbols[i] = key[i] & 0xff;
        }
        long bits = Math.round(entropyBitsPerSymbol(symbols) * key.length);
        if (period(symbols) <= key.length / 2 || bits < MIN_BITS) {
            return Optional.of("is not random (a repeated or low-entropy byte pattern, about " + bits + " bits)");
        }
        return Optional.empty();
    }

    /** The smallest p such that every character equals the one p before it. */
    private static int period(String s) {
        return period(s.chars().toArray());
    }

    private static int period(int[] s) {
        for (int p = 1; p < s.length; p++) {
            int i = p;
            while (i < s.length && s[i] == s[i - p]) {
                i++;
            }
            if (i == s.length) {
                return p;
            }
        }
        return s.length;
    }

    /**
     * Mostly (three quarters) steps of one up or down between neighbours: abcdef, 123456, 987654 (qwerty is
     * a marker, above). Random text almost never has two such steps in a row.
     */
    private static boolean sequential(String s) {
        int steps = 0;
        for (int i = 1; i < s.length(); i++) {
            int d = s.charAt(i) - s.charAt(i - 1);
            if (d == 1 || d == -1) {
                steps++;
            }
        }
        return steps * 4 > s.length() * 3;
    }

    /** Shannon entropy of the symbols' own frequencies: a low estimate for short random text, which is fine. */
    private static double entropyBitsPerSymbol(int[] symbols) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int c : symbols) {
            counts.merge(c, 1, Integer::sum);
        }
        double h = 0;
        for (int n : counts.values()) {
            double p = (double) n / symbols.length;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
