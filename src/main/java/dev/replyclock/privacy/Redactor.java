package dev.replyclock.privacy;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text that leaves the classifier (dead-letter previews, alert excerpts): e-mail
 * addresses, IBANs, card-like numbers (13-19 digits that pass the Luhn check) and phone numbers (found by
 * libphonenumber, for the default region and in international form). Thread-safe.
 */
public final class Redactor {

    /**
     * Linear time: a match may start only where a run of local-part characters starts (the look-behind), and
     * the run is taken possessively. Without that, every position of a long run without '@' rescanned the
     * rest of the run: quadratic, about a second on 20k characters.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\\b");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");

    /** Longer than any e-mail address (254 characters), IBAN, card or phone number this class masks. */
    private static final int LONGEST_MASKED = 320;

    private final String defaultRegion;

    public Redactor(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = EMAIL.matcher(text).replaceAll("[email]");
        out = IBAN.matcher(out).replaceAll("[iban]");
        Matcher card = CARD.matcher(out);
        StringBuilder b = new StringBuilder();
        while (card.find()) {
            card.appendReplacement(b, luhn(card.group().replaceAll("[ -]", "")) ? "[card]" : Matcher.quoteReplacement(card.group()));
        }
        card.appendTail(b);
        out = b.toString();
        StringBuilder phones = new StringBuilder(out);
        int shift = 0;
        for (PhoneNumberMatch m : PhoneNumberUtil.getInstance().findNumbers(out, defaultRegion)) {
            phones.replace(m.start() + shift, m.end() + shift, "[phone]");
            shift += "[phone]".length() - (m.end() - m.start());
        }
        return phones.toString();
    }

    /**
     * The first {@code max} characters, redacted (redaction first, so no number is cut in two and leaks).
     * Only the first {@code max} + {@value #LONGEST_MASKED} characters are redacted: anything starting after
     * {@code max} is cut anyway, and a megabyte of dead letter must not cost seconds of phone-number scanning.
     */
    public String preview(String text, int max) {
        String r = redact(text == null || text.length() <= max + LONGEST_MASKED ? text : text.substring(0, max + LONGEST_MASKED));
        return r == null || r.length() <= max ? r : r.substring(0, max) + "…";
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
