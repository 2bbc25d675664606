package dev.replyclock.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The TOTP rules of the export's second factor, against RFC 6238's own test vectors. */
class AdminTotpTest {

    /** RFC 6238 appendix B's SHA1 seed "12345678901234567890", in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesMatchTheRfc6238TestVectorsInSixDigits() {
        AdminTotp totp = new AdminTotp(RFC_SECRET, new MutableClock(Instant.EPOCH));
        assertEquals("287082", totp.codeAt(Instant.ofEpochSecond(59)));        // 94287082
        assertEquals("081804", totp.codeAt(Instant.ofEpochSecond(1111111109))); // 07081804
        assertEquals("050471", totp.codeAt(Instant.ofEpochSecond(1111111111))); // 14050471
    }

    @Test
    void theSecretFileMayHoldSpacesLowerCaseAndPadding() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(59));
        AdminTotp totp = new AdminTotp("gezd gnbv gy3t qojq gezd gnbv gy3t qojq\n", clock);
        assertEquals(AdminTotp.Check.OK, totp.check("287082"));
    }

    @Test
    void shortOrNonBase32SecretsAreRefusedWithTheReason() {
        assertTrue(AdminTotp.problemWith("JBSWY3DPEHPK3PXP").contains("at least 26"));
        assertTrue(AdminTotp.problemWith("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX1").contains("not base32"));
        assertNull(AdminTotp.problemWith(AdminTotp.newSecret()));
        assertThrows(IllegalArgumentException.class, () -> new AdminTotp("short", new MutableClock(Instant.EPOCH)));
    }

    @Test
    void aMissingOrBlankCodeIsMissingNotWrong() {
        AdminTotp totp = new AdminTotp(RFC_SECRET, new MutableClock(Instant.ofEpochSecond(59)));
        assertEquals(AdminTotp.Check.MISSING, totp.check(null));
        assertEquals(AdminTotp.Check.MISSING, totp.check(" "));
        assertEquals(AdminTotp.Check.WRONG, totp.check("28708"));
    }

    @Test
    void theEnrolmentUriCarriesTheAuthenticatorDefaults() {
        assertEquals("otpauth://totp/replyclock:admin%20one?secret=" + RFC_SECRET
                        + "&issuer=replyclock&algorithm=SHA1&digits=6&period=30",
                AdminTotp.enrolmentUri("replyclock", "admin one", RFC_SECRET.toLowerCase()));
    }
}
