package dev.replyclock.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a customer identifier by a keyed pseudonym: {@code cust_} + base32 of HMAC-SHA256(key, the
 * identifier in a canonical form). The same customer gets the same pseudonym on every channel spelling
 * ("+33 6 12 34 56 78" and "06 12 34 56 78" with region FR are one number; e-mail addresses ignore case),
 * and without the key the pseudonym cannot be reversed or recomputed. Thread-safe.
 */
public final class Pseudonymizer {

    public static final String PREFIX = "cust_";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9 ()./-]{6,}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** 20 bytes of the MAC: 160 bits, 32 base32 characters; collisions are out of reach. */
    private static final int BYTES = 20;
    /** Exactly what {@link #pseudonym} produces; "cust_" + anything else is an identifier like any other. */
    private static final Pattern PSEUDONYM = Pattern.compile(PREFIX + "[a-z2-7]{32}");

    private final SecretKeySpec key;
    private final String defaultRegion;
    private final ThreadLocal<Mac> macs;

    /**
     * @param key           at least 32 random bytes
     * @param defaultRegion ISO 3166 region for numbers written without a country code (e.g. FR)
     */
    public Pseudonymizer(byte[] key, String defaultRegion) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the pseudonym key must have at least 32 bytes, has " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.defaultRegion = defaultRegion;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The pseudonym of an identifier; one that is already a pseudonym (exactly the shape this class makes) is
     * kept as it is, so that pseudonymizing twice is harmless. A handle such as {@code cust_julie} is hashed.
     */
    public String pseudonym(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return PREFIX + "unknown";
        }
        if (isPseudonym(identifier)) {
            return identifier;
        }
        byte[] mac = macs.get().doFinal(canonical(identifier.trim()).getBytes(StandardCharsets.UTF_8));
        return PREFIX + base32(mac, BYTES);
    }

    /** Whether {@code id} has the exact shape of a pseudonym this class produces. */
    public static boolean isPseudonym(String id) {
        return PSEUDONYM.matcher(id).matches();
    }

    /** E.164 for phone numbers, lower case for e-mail addresses and handles. */
    String canonical(String id) {
        if (EMAIL.matcher(id).matches()) {
            return "email:" + id.toLowerCase(Locale.ROOT);
        }
        if (PHONE_LIKE.matcher(id).matches()) {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            try {
                Phonenumber.PhoneNumber n = util.parse(id, defaultRegion);
                if (util.isPossibleNumber(n)) {
                    return "tel:" + util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
                }
            } catch (NumberParseException e) {
                // not a phone number after all: a handle made of digits
            }
        }
        return "handle:" + id.toLowerCase(Locale.ROOT);
    }

    private static String base32(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder((length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
