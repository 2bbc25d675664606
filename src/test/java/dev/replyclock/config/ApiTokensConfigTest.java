package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.privacy.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** http.api-tokens with roles, the single http.api-token-file as an admin token, alerts.silences.max-duration. */
class ApiTokensConfigTest {

    @TempDir
    Path dir;

    private ReplyclockConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "test", Map.of(), Map.of());
    }

    private Path token(String name) throws Exception {
        Path t = dir.resolve(name);
        Files.writeString(t, name + "-vpm3qN7OoHCKhmhN2DVV9ZFh");
        return t;
    }

    private ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    @Test
    void theApiIsOffWithoutTokensAndSilencesLastAWeekAtMostByDefault() throws Exception {
        HttpSettings http = ConfigLoader.builtIn(Map.of()).http();
        assertEquals(List.of(), http.apiTokens());
        assertEquals(Duration.ofDays(7), http.silenceMaxDuration());
    }

    @Test
    void eachListedTokenHasItsNameAndRoleAndTheSingleTokenFileIsAnAdminNamedAdmin() throws Exception {
        Path legacy = token("legacy");
        Path bot = token("bot");
        Path board = token("board");
        HttpSettings http = parse("http.api-token-file: " + legacy + "\n"
                + "http.api-tokens:\n"
                + "  - {name: agent-bot, role: responder, token-file: " + bot + "}\n"
                + "  - {name: dashboard, role: viewer, token-file: " + board + "}\n"
                + "alerts.silences.max-duration: 2d\n").http();
        assertEquals(List.of(new ApiTokenSetting("admin", Role.ADMIN, legacy),
                new ApiTokenSetting("agent-bot", Role.RESPONDER, bot),
                new ApiTokenSetting("dashboard", Role.VIEWER, board)), http.apiTokens());
        assertEquals(Duration.ofDays(2), http.silenceMaxDuration());
    }

    @Test
    void aBadEntryStopsStartUpNamingItsKeyValueAndFix() throws Exception {
        Path bot = token("bot");
        ConfigException e = refused("http.api-tokens:\n"
                + "  - {name: agent-bot, role: owner, token-file: " + bot + "}\n"
                + "  - {name: agent-bot, role: viewer, token-file: " + bot + "}\n"
                + "  - {name: 'Bad Name', role: admin, token-file: " + dir.resolve("missing") + "}\n"
                + "  - {name: x, role: viewer, token-file: " + bot + ", rol: admin}\n");
        String m = e.getMessage();
        assertTrue(m.contains("http.api-tokens[0].role = 'owner': use viewer (GET silences), responder"), m);
        assertTrue(m.contains("http.api-tokens[1].name = 'agent-bot': another token has this name"), m);
        assertTrue(m.contains("http.api-tokens[2].name = 'Bad Name': use 1 to 64 lower-case letters"), m);
        assertTrue(m.contains("http.api-tokens[2].token-file = '" + dir.resolve("missing") + "': the file cannot be read"), m);
        assertTrue(m.contains("http.api-tokens[3].rol = 'admin': unknown field"), m);
        assertFalse(m.contains("bot-secret"), "a token is never echoed");
    }

    @Test
    void aListedTokenCannotTakeTheNameOfTheSingleTokenFile() throws Exception {
        ConfigException e = refused("http.api-token-file: " + token("legacy") + "\n"
                + "http.api-tokens: [{name: admin, role: viewer, token-file: " + token("other") + "}]\n");
        assertTrue(e.getMessage().contains("http.api-tokens[0].name = 'admin': 'admin' is the token of http.api-token-file"),
                e.getMessage());
    }

    @Test
    void theExportNeedsAnAdminTokenAndAListedOneServes() throws Exception {
        Path secret = dir.resolve("totp");
        Files.writeString(secret, "GPZNVVMQVYX2DYDPTIY3RWXXODTLFJLV");
        assertEquals(secret, parse("http.admin-totp-file: " + secret + "\n"
                + "http.api-tokens: [{name: ops-lead, role: admin, token-file: " + token("lead") + "}]\n")
                .http().adminTotpFile());
        ConfigException e = refused("http.admin-totp-file: " + secret + "\n"
                + "http.api-tokens: [{name: agent-bot, role: responder, token-file: " + token("bot") + "}]\n");
        assertTrue(e.getMessage().contains("needs an admin bearer token"), e.getMessage());
    }

    @Test
    void aSilenceMaximumOutsideAMinuteToAYearIsRefused() {
        ConfigException e = refused("alerts.silences.max-duration: 9999d\n");
        assertTrue(e.getMessage().contains("alerts.silences.max-duration = '9999d': use a duration from 1m to 365d"),
                e.getMessage());
    }
}
