package dev.replyclock.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tokens and keys that only look like secrets are refused, with the reason; generated ones pass. */
class SecretStrengthTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void knownPlaceholdersAreRefused() {
        for (String s : List.of("replace-me-with-a-random-token", "replace-me-with-another-random-token", "CHANGEME-0123456789",
                "secret", "Secret123!", "password-2024", "p4ssw0rd", "your-api-token-goes-here", "qwerty1234567890uiop")) {
            assertTrue(SecretStrength.problem(s).isPresent(), s);
        }
        assertTrue(SecretStrength.problem("replace-me-with-a-random-token").orElseThrow().contains("placeholder"));
    }

    @Test
    void repeatedPatternsSequencesAndLowEntropyAreRefused() {
        assertEquals(Optional.of("repeats a pattern of 1 character"), SecretStrength.problem("a".repeat(32)));
        assertEquals(Optional.of("repeats a pattern of 3 characters"), SecretStrength.problem("abcabcabcabcabcabc"));
        assertTrue(SecretStrength.problem("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP").orElseThrow().startsWith("repeats"),
                "the well-known TOTP example, twice");
        assertTrue(SecretStrength.problem("1234567890123456789").orElseThrow().contains("run of the alphabet"));
        assertTrue(SecretStrength.problem("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567").orElseThrow().contains("run of the alphabet"));
        assertTrue(SecretStrength.problem("aaaaaaaaaaaaaaaaaaab").orElseThrow().contains("too little entropy"));
    }

    @Test
    void generatedSecretsPass() {
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String base64 = Base64.getEncoder().encodeToString(bytes);
            assertEquals(Optional.empty(), SecretStrength.problem(base64), base64);
            assertEquals(Optional.empty(), SecretStrength.problem(bytes));
            String hex = java.util.HexFormat.of().formatHex(bytes, 0, 16);
            assertEquals(Optional.empty(), SecretStrength.problem(hex), "openssl rand -hex 16: " + hex);
        }
        assertEquals(Optional.empty(), SecretStrength.problem("ingest-token-0123456789abcdef"), "a test's token, not random but varied");
    }

    @Test
    void aKeyThatDecodesToTextOrZeroesIsRefused() {
        byte[] manifestPlaceholder = Base64.getDecoder().decode("cmVwbGFjZS1tZS13aXRoLTMyLXJhbmRvbS1ieXRlcyEhISE=");
        assertTrue(SecretStrength.problem(manifestPlaceholder).orElseThrow().startsWith("decodes to readable text that is a placeholder"),
                new String(manifestPlaceholder, StandardCharsets.US_ASCII));
        assertTrue(SecretStrength.problem(new byte[32]).orElseThrow().contains("not random"));
    }
}
