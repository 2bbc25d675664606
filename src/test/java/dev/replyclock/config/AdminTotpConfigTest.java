package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** http.admin-totp-file: off by default; a file that cannot serve as the export's second factor stops start-up. */
class AdminTotpConfigTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXPKZXW6YTBOI5GCZDF";

    @TempDir
    Path dir;

    private ReplyclockConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "test", Map.of(), Map.of());
    }

    private Path token() throws Exception {
        Path t = dir.resolve("token");
        Files.writeString(t, "a-token-of-enough-length");
        return t;
    }

    @Test
    void theExportIsOffByDefault() throws Exception {
        assertNull(parse("").http().adminTotpFile());
        assertNull(ConfigLoader.builtIn(Map.of()).http().adminTotpFile());
    }

    @Test
    void aGoodSecretFileWithTheApiTokenTurnsTheExportOn() throws Exception {
        Path secret = dir.resolve("totp");
        Files.writeString(secret, SECRET + "\n");
        ReplyclockConfig c = parse("http.api-token-file: " + token() + "\nhttp.admin-totp-file: " + secret + "\n");
        assertEquals(secret, c.http().adminTotpFile());
    }

    @Test
    void aMissingFileIsRefusedWithTheCommandThatMakesOne() throws Exception {
        Path secret = dir.resolve("nope");
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("http.api-token-file: " + token() + "\nhttp.admin-totp-file: " + secret + "\n"));
        assertEquals(1, e.problems().size());
        assertEquals("http.admin-totp-file", e.problems().get(0).key());
        assertEquals(secret.toString(), e.problems().get(0).value());
        assertTrue(e.problems().get(0).fix().contains("replyclock totp-secret --file"), e.problems().toString());
    }

    @Test
    void aBadSecretIsRefusedWithoutPrintingIt() throws Exception {
        Path secret = dir.resolve("totp");
        Files.writeString(secret, "SHORTSECRET234\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("http.api-token-file: " + token() + "\nhttp.admin-totp-file: " + secret + "\n"));
        assertTrue(e.getMessage().contains("at least 26"), e.getMessage());
        assertFalse(e.getMessage().contains("SHORTSECRET234"), "the secret is not echoed");
    }

    @Test
    void theExportWithoutTheApiTokenIsRefused() throws Exception {
        Path secret = dir.resolve("totp");
        Files.writeString(secret, SECRET);
        ConfigException e = assertThrows(ConfigException.class, () -> parse("http.admin-totp-file: " + secret + "\n"));
        assertTrue(e.getMessage().contains("set http.api-token-file"), e.getMessage());
    }
}
