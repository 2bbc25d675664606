package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.replyclock.cli.Main;
import dev.replyclock.testing.CapturedLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets that cannot be placeholders: the API token, the intake's tokens, the admin's TOTP secret and the
 * pseudonym key are refused at start-up when they are a known placeholder, a repeated pattern or too
 * little entropy, in one line naming the key, the file and how to make a good one; a secret file that
 * others can read is warned about, as ssh does.
 */
class SecretRulesConfigTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        Path f = Files.writeString(dir.resolve(name), content + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private static String random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void theManifestsOldPlaceholderTokenIsRefusedNamingTheFileAndTheFix() throws Exception {
        Path token = file("api-token", "replace-me-with-a-random-token");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("http.api-token-file: " + token + "\n", "test", Map.of(), Map.of()));
        assertEquals("http.api-token-file = '" + token + "': the secret in the file is a placeholder (it contains"
                + " 'replace-me'), not a random secret; generate a good one: openssl rand -base64 32 > " + token,
                e.problems().get(0).toString());
    }

    @Test
    void intakeTokensThatRepeatOrLackEntropyAreRefused() throws Exception {
        Path repeated = file("ingest", "abcdabcdabcdabcdabcd");
        Path flat = file("verify", "aaaaaaaaaaaaaaaaaaab");
        Path app = file("app", random());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("ingest.http.port: 0\n"
                + "ingest.http.token-file: " + repeated + "\ningest.whatsapp.verify-token-file: " + flat
                + "\ningest.whatsapp.app-secret-file: " + app + "\n", "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("ingest.http.token-file = '" + repeated + "': the secret in the file repeats a pattern of 4 characters"),
                e.getMessage());
        assertTrue(e.getMessage().contains("ingest.whatsapp.verify-token-file = '" + flat + "': the secret in the file has too little entropy"),
                e.getMessage());
        assertFalse(e.getMessage().contains("ingest.whatsapp.app-secret-file"), "a generated secret passes: " + e.getMessage());
    }

    @Test
    void aPlaceholderPseudonymKeyStopsStartUpInOneLine() throws Exception {
        Path key = file("pseudonym.key", "cmVwbGFjZS1tZS13aXRoLTMyLXJhbmRvbS1ieXRlcyEhISE=");
        Path config = Files.writeString(dir.resolve("replyclock.yaml"), "privacy.pseudonym-key-file: " + key + "\n");
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("run", "--config", config.toString());
        assertEquals(Main.EXIT_INVALID, exit, err.toString());
        assertTrue(err.toString().contains("privacy.pseudonym-key-file = '" + key + "': the file holds a key that decodes"
                + " to readable text that is a placeholder"), err.toString());
        assertTrue(err.toString().contains("openssl rand -base64 32 > " + key), err.toString());
        assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void aRepeatedTotpSecretIsRefused() throws Exception {
        Path token = file("api-token", random());
        Path totp = file("totp", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("http.api-token-file: " + token
                + "\nhttp.admin-totp-file: " + totp + "\n", "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("http.admin-totp-file = '" + totp + "': the file repeats a pattern of 16 characters"),
                e.getMessage());
    }

    @Test
    void aSecretFileOthersCanReadIsWarnedAboutLikeSsh() throws Exception {
        Path token = file("api-token", random());
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        List<ILoggingEvent> events;
        try (CapturedLogs logs = new CapturedLogs()) {
            ConfigLoader.parse("http.api-token-file: " + token + "\n", "test", Map.of(), Map.of());
            Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("r--------"));
            ConfigLoader.parse("http.api-token-file: " + token + "\n", "test", Map.of(), Map.of());
            events = logs.events();
        }
        List<String> warnings = events.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("too open")).toList();
        assertEquals(List.of("http.api-token-file: permissions rw-r--r-- of " + token + " are too open: others than its"
                + " owner can read the secret; chmod 600 " + token), warnings, "once, for the open file only");
    }
}
