package dev.replyclock.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymizerTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private final Pseudonymizer fr = new Pseudonymizer(key(7), "FR");

    @Test
    void pseudonymHasThePrefixAndBase32AndNoTraceOfTheIdentifier() {
        String p = fr.pseudonym("+33612345678");
        assertTrue(p.matches("cust_[a-z2-7]{32}"), p);
        assertFalse(p.contains("612345678"));
    }

    @Test
    void samePhoneNumberWrittenDifferentlyGivesTheSamePseudonym() {
        String e164 = fr.pseudonym("+33612345678");
        assertEquals(e164, fr.pseudonym("06 12 34 56 78"));
        assertEquals(e164, fr.pseudonym("+33 6 12 34 56 78"));
        assertEquals(e164, fr.pseudonym("06.12.34.56.78"));
    }

    @Test
    void emailAddressesIgnoreCase() {
        assertEquals(fr.pseudonym("Nathalie.Perrin@Example.com"), fr.pseudonym("nathalie.perrin@example.com"));
        assertNotEquals(fr.pseudonym("nathalie.perrin@example.com"), fr.pseudonym("nathalie.perrin@example.org"));
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        assertNotEquals(fr.pseudonym("@julie_b"), new Pseudonymizer(key(8), "FR").pseudonym("@julie_b"));
    }

    @Test
    void aPseudonymIsNotPseudonymizedTwice() {
        String p = fr.pseudonym("@julie_b");
        assertEquals(p, fr.pseudonym(p));
    }

    @Test
    void anIdentifierThatMerelyStartsWithThePrefixIsPseudonymized() {
        for (String id : List.of("cust_julie", "cust_", "cust_UPPERCASEBUTTHIRTYTWOCHARSLONG", "cust_" + "a".repeat(31),
                "cust_" + "a".repeat(33), "cust_" + "1".repeat(32), " cust_" + "a".repeat(32))) {
            String p = fr.pseudonym(id);
            assertNotEquals(id, p, id);
            assertTrue(p.matches("cust_[a-z2-7]{32}"), p);
        }
        assertEquals("cust_" + "a".repeat(32), fr.pseudonym("cust_" + "a".repeat(32)), "only the exact shape passes");
    }

    @Test
    void shortKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymizer(new byte[16], "FR"));
    }

    @Test
    void missingKeyFileIsCreatedOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/pseudonym.key");
        byte[] first = PseudonymKey.loadOrCreate(file);
        assertEquals(32, first.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Arrays.equals(first, PseudonymKey.loadOrCreate(file)), "the same key on the next start");
    }

    @Test
    void aKeyFileThatIsNotBase64IsRejectedWithItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.key");
        Files.writeString(file, "not base64 !!!");
        Exception e = assertThrows(java.io.IOException.class, () -> PseudonymKey.loadOrCreate(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
