package dev.replyclock.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
