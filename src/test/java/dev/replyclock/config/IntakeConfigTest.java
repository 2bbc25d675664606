package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ingest.*: the webhook intake is off until its port is set, and then needs a source with a usable secret. */
class IntakeConfigTest {

    @TempDir
    Path dir;

    private String secret(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "a-random-secret-0123456789\n").toString();
    }

    private static ReplyclockConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "test", Map.of(), Map.of());
    }

    private static String refused(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void theIntakeIsOffByDefaultWithLimitsSet() throws Exception {
        IntakeSettings intake = ConfigLoader.builtIn(Map.of()).intake();
        assertFalse(intake.enabled());
        assertEquals("127.0.0.1", intake.bindAddress());
        assertEquals(1 << 20, intake.maxBodyBytes());
        assertEquals(50, intake.requestsPerSecond());
        assertEquals(Duration.ofSeconds(10), intake.readTimeout());
        assertEquals(Duration.ofSeconds(10), intake.produceTimeout());
    }

    @Test
    void aPortAndATokenTurnOnTheNativeRoute() throws Exception {
        IntakeSettings intake = parse("ingest.http.port: 8081\ningest.http.token-file: " + secret("t") + "\n").intake();
        assertTrue(intake.enabled());
        assertEquals(8081, intake.port());
        assertTrue(intake.messagesOn());
        assertFalse(intake.whatsappOn());
        assertFalse(intake.chatwootOn());
    }

    @Test
    void theIntakeCanBeTurnedOnFromTheEnvironment() throws Exception {
        IntakeSettings intake = ConfigLoader.parse("", "test", Map.of("REPLYCLOCK_INGEST_HTTP_PORT", "8081",
                "REPLYCLOCK_INGEST_CHATWOOT_TOKEN_FILE", secret("c")), Map.of()).intake();
        assertTrue(intake.chatwootOn());
    }

    @Test
    void anIntakeWithNothingToServeIsRefused() {
        String message = refused("ingest.http.port: 8081\n");
        assertTrue(message.contains("ingest.http.port = '8081'"), message);
        assertTrue(message.contains("nothing to serve"), message);
    }

    @Test
    void theIntakeCannotShareTheOpsPort() throws Exception {
        String message = refused("http.port: 8080\ningest.http.port: 8080\ningest.http.token-file: " + secret("t") + "\n");
        assertTrue(message.contains("must differ from http.port"), message);
    }

    @Test
    void whatsappNeedsBothTheVerifyTokenAndTheAppSecret() throws Exception {
        String message = refused("ingest.whatsapp.verify-token-file: " + secret("v") + "\n");
        assertTrue(message.contains("ingest.whatsapp.app-secret-file"), message);
        assertTrue(message.contains("set both"), message);
    }

    @Test
    void anUnreadableOrShortSecretFileIsRefusedNamingTheKeyNotTheSecret() throws Exception {
        String missing = refused("ingest.chatwoot.token-file: " + dir.resolve("absent") + "\n");
        assertTrue(missing.contains("ingest.chatwoot.token-file = '" + dir.resolve("absent") + "'"), missing);
        assertTrue(missing.contains("cannot be read"), missing);
        Path shortOne = Files.writeString(dir.resolve("short"), "tiny-secret\n");
        String tooShort = refused("ingest.http.token-file: " + shortOne + "\n");
        assertTrue(tooShort.contains("shorter than 16"), tooShort);
        assertFalse(tooShort.contains("tiny-secret"), "the secret itself is never shown");
    }

    @Test
    void limitsOutOfRangeAreRefusedWithTheRange() {
        String message = refused("ingest.http.max-body-bytes: 10\ningest.http.rate-limit: 0\ningest.http.read-timeout: soon\n");
        assertTrue(message.contains("ingest.http.max-body-bytes = '10': use a whole number from 1024 to 67108864"), message);
        assertTrue(message.contains("ingest.http.rate-limit = '0'"), message);
        assertTrue(message.contains("ingest.http.read-timeout = 'soon'"), message);
    }
}
