package dev.replyclock.privacy;

/**
 * The short excerpt of a customer's message that alerts carry with {@code alerts.include-excerpt}: the start
 * of the text on one line, masked by the {@link Redactor} (phone numbers, e-mail addresses, card numbers,
 * IBANs), cut at a word boundary with "…" so that it is at most {@code maxChars} long. Thread-safe.
 */
public final class Excerpter {

    private final Redactor redactor;
    private final int maxChars;

    public Excerpter(Redactor redactor, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("an excerpt needs at least 2 characters");
        }
        this.redactor = redactor;
        this.maxChars = maxChars;
    }

    /** The excerpt, or null for a blank text. */
    public String excerpt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        // Redact before cutting, so that no number is cut in two and leaks half. Only a prefix is redacted
        // (texts can be a megabyte); it grows until what is left after masking still covers maxChars.
        int take = maxChars * 4;
        String redacted;
        while (true) {
            boolean whole = take >= flat.length();
            redacted = redactor.redact(whole ? flat : flat.substring(0, take));
            if (whole || redacted.length() > maxChars + 64) {
                break;
            }
            take *= 2;
        }
        if (redacted.length() <= maxChars) {
            return redacted;
        }
        int cut = redacted.lastIndexOf(' ', maxChars - 1);
        if (cut < maxChars / 2) {
            cut = maxChars - 1; // one very long word: cut inside it
        }
        return redacted.substring(0, cut).stripTrailing() + "…";
    }
}
