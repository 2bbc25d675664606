package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config problems go to stderr, the log and the /-/reload answer: a value that looks secret is masked in the
 * problem itself, so none of the three can echo it, while the key and the fix stay and enough of the value
 * to find the line.
 */
class ConfigMaskingTest {

    private static final String SLACK = "https://hooks.slack.com/services/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";

    private static ConfigException refused(String yaml, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "test", env, Map.of()));
    }

    @Test
    void aReceiverUrlKeepsItsHostAndHidesThePathThatIsTheSecret() {
        ConfigException e = refused("alerts.receivers:\n  - {name: s, type: slack, url: '" + SLACK.replace("https", "ftp") + "'}\n",
                Map.of());
        assertFalse(e.getMessage().contains("Xq9ZtA3kLmN0pQrStUvWxYz1"), e.getMessage());
        assertFalse(e.getMessage().contains("T0123ABCD"), e.getMessage());
        assertTrue(e.getMessage().contains("alerts.receivers[0].url = 'ftp://hooks.slack.com/***': use an http(s) URL"),
                e.getMessage());
        assertEquals("ftp://hooks.slack.com/***", e.problems().get(0).value(), "what /-/reload answers, masked as well");
    }

    @Test
    void credentialsAndQuerySecretsInAUrlAreHidden() {
        assertEquals("https://***@minio.internal:9000", SecretMask.mask("privacy.archive.s3.endpoint",
                "https://admin:hunter2hunter2@minio.internal:9000"));
        assertEquals("https://prod.logic.azure.com/***", SecretMask.mask("x.url",
                "https://prod.logic.azure.com/workflows/1/triggers/manual/paths/invoke?api-version=1&sig=AbCdEf123456"));
        assertEquals("https://inbox.example.com/c/{conversationId}?token=***", SecretMask.mask("alerts.link-template",
                "https://inbox.example.com/c/{conversationId}?token=s3cr3t"), "a template's path stays, its query values do not");
    }

    @Test
    void anUnknownEnvironmentVariableIsNamedWithoutItsValue() {
        ConfigException e = refused("", Map.of("REPLYCLOCK_SLACK_WEBHOOK", SLACK));
        assertTrue(e.getMessage().contains("REPLYCLOCK_SLACK_WEBHOOK = '*** (" + SLACK.length() + " characters, hidden)'"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hooks.slack.com"), e.getMessage());
    }

    @Test
    void aSecretPastedWhereItsFileBelongsIsHiddenAPathIsNot(@TempDir Path dir) {
        ConfigException e = refused("http.api-token-file: 'q8Vd2kZr7TnX4mPw9LsB3yHc'\n", Map.of());
        assertTrue(e.getMessage().contains("http.api-token-file = '*** (24 characters, hidden)'"), e.getMessage());
        assertFalse(e.getMessage().contains("q8Vd2kZr7TnX4mPw9LsB3yHc"));
        Path missing = dir.resolve("api-token");
        e = refused("http.api-token-file: '" + missing + "'\n", Map.of());
        assertTrue(e.getMessage().contains("http.api-token-file = '" + missing + "'"), "a path is named: " + e.getMessage());
    }

    @Test
    void keysNamedLikeSecretsAndTokenShapedValuesAreHiddenNamesAndNumbersAreNot() {
        ConfigException e = refused("alerts.receivers:\n  - {name: m, type: email, host: h, from: a@example.com,"
                + " to: b@example.com, password: hunter2hunter2}\n", Map.of());
        assertTrue(e.getMessage().contains("alerts.receivers[0].password = '*** (14 characters, hidden)': unknown field"),
                e.getMessage());
        assertEquals("*** (40 characters, hidden)", SecretMask.mask("unknown.key", "ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"));
        assertEquals("replyclock-prod-eu-west-3-blue", SecretMask.mask("kafka.application-id", "replyclock-prod-eu-west-3-blue"));
        assertEquals("99999", SecretMask.mask("http.port", "99999"));
    }
}
