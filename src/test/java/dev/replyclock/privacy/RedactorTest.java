package dev.replyclock.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor("FR");

    @Test
    void phoneNumbersInEveryUsualSpellingAreMasked() {
        String r = redactor.redact("Rappelez-moi au 06 12 34 56 78 ou au +33 6 98 76 54 32, US: (312) 555-0147 +1");
        assertFalse(r.contains("12 34") || r.contains("98 76"), r);
        assertTrue(r.contains("[phone]"), r);
    }

    @Test
    void emailAddressesIbansAndCardNumbersAreMasked() {
        String r = redactor.redact("écrivez à nathalie.perrin@example.fr, IBAN FR76 3000 6000 0112 3456 7890 189, "
                + "carte 4111 1111 1111 1111");
        assertEquals("écrivez à [email], IBAN [iban], carte [card]", r);
    }

    @Test
    void orderNumbersAndPricesStay() {
        assertEquals("commande 558120 à 49,90 €", redactor.redact("commande 558120 à 49,90 €"));
        assertEquals("ref 1234567890123", redactor.redact("ref 1234567890123"), "13 digits failing Luhn are not a card");
    }

    @Test
    void aPreviewIsRedactedBeforeItIsCut() {
        String p = redactor.preview("appelez le 06 12 34 56 78 svp", 15);
        assertFalse(p.contains("06 12"), p);
        assertTrue(p.endsWith("…"), p);
    }

    /**
     * Adversarial input of 100k characters each: long runs of e-mail local-part characters without '@' (the
     * pattern used to rescan each run from every position: quadratic, about 25 s here), '@' without a
     * domain, dotted domains, digit runs for the card and phone scans (libphonenumber is linear but slow,
     * about 1 s per 100k digits on a busy machine). The timeouts only prove each one finishes, generously;
     * speed belongs in a benchmark.
     */
    @Test
    void longAdversarialTextIsRedactedInLinearTime() {
        redactor.redact("06 12 34 56 78"); // loads libphonenumber's metadata, once per JVM
        String noAt = "a.b_c%d+e-f".repeat(10_000).substring(0, 100_000);
        assertEquals(noAt, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redactor.redact(noAt)));
        String ats = "a@b@".repeat(25_000);
        assertEquals(ats, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redactor.redact(ats)));
        String dots = "x@" + "a.".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redactor.redact(dots));
        String digits = "1 2-".repeat(25_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redactor.redact(digits));
        String tail = noAt + " write to nathalie.perrin@example.fr";
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redactor.redact(tail)).endsWith("write to [email]"),
                "an address after the long run is still found");
    }

    @Test
    void aPreviewOfAHugeTextRedactsOnlyWhatItShows() {
        String huge = "appelez le 06 12 34 56 78 svp " + "1 2-".repeat(250_000);
        String p = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redactor.preview(huge, 40));
        assertTrue(p.startsWith("appelez le [phone] svp 1 2-") && p.endsWith("…"), p);
    }
}
