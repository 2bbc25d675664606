package dev.replyclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line contracts that need no broker: exit codes, output shapes, error messages. */
class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private int runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void totpSecretWritesAnOwnerOnlySecretAndPrintsTheEnrolmentUri(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("admin-totp");
        assertEquals(0, run("totp-secret", "--file", file.toString()), err.toString());
        String secret = Files.readString(file).trim();
        assertTrue(secret.matches("[A-Z2-7]{32}"), "160 bits in base32: " + secret.length() + " characters");
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(file));
        assertEquals("otpauth://totp/replyclock:admin?secret=" + secret
                + "&issuer=replyclock&algorithm=SHA1&digits=6&period=30", out.toString().trim());
        // The file is what http.admin-totp-file takes, and the app's codes from the URI's secret pass.
        java.time.Instant now = java.time.Instant.parse("2026-11-24T09:00:00Z");
        dev.replyclock.privacy.AdminTotp daemonSide = dev.replyclock.privacy.AdminTotp.fromFile(file,
                java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        String appCode = new dev.replyclock.privacy.AdminTotp(secret, java.time.Clock.systemUTC()).codeAt(now);
        assertEquals(dev.replyclock.privacy.AdminTotp.Check.OK, daemonSide.check(appCode));
    }

    @Test
    void totpSecretNeverOverwritesAnEnrolledSecret(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("admin-totp");
        Files.writeString(file, "EXISTING");
        assertEquals(2, run("totp-secret", "--file", file.toString()));
        assertEquals("EXISTING", Files.readString(file));
        assertTrue(err.toString().contains("exists already"), err.toString());
        assertEquals("", out.toString());
        assertEquals(2, run("totp-secret"), "--file is required");
    }

    @Test
    void checkConfigAcceptsTheDocumentedConfig() {
        assertEquals(0, run("check-config", "config/replyclock.yaml"), err.toString());
        assertTrue(out.toString().contains("valid"));
    }

    @Test
    void checkConfigListsEveryProblemWithKeyValueAndFixAndExitsTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                sla.targets.urgent: fast
                http.port: 70000
                kafka.topics.mesages: x
                """);
        assertEquals(2, run("check-config", bad.toString()));
        String e = err.toString();
        assertTrue(e.contains("sla.targets.urgent = 'fast': use a duration like 15m"), e);
        assertTrue(e.contains("http.port = '70000': use a port from 1 to 65535, or 0 for any free port"), e);
        assertTrue(e.contains("kafka.topics.mesages = 'x': unknown key (did you mean 'kafka.topics.messages'?)"), e);
    }

    @Test
    void checkConfigRefusesABadRulesFileWithItsLine(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("signals.yaml");
        Files.writeString(rules, "families:\n  - name: disputes\n    tier: soon\n    terms: [litige]\n");
        Path config = dir.resolve("replyclock.yaml");
        Files.writeString(config, "classify.rules: " + rules + "\n");
        assertEquals(2, run("check-config", config.toString()));
        assertTrue(err.toString().contains("classify.rules"), err.toString());
        assertTrue(err.toString().contains("line 3: family 'disputes': tier: unknown tier 'soon'"), err.toString());
    }

    @Test
    void classifyWithOwnRulesUsesThem(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("signals.yaml");
        Files.writeString(rules, "families:\n  - name: disputes\n    tier: complaint\n    terms: [litige]\n");
        assertEquals(0, runWithStdin("{\"text\": \"j'ouvre un litige\"}\n", "classify", "--rules", rules.toString()));
        assertTrue(out.toString().contains("\"tier\":\"complaint\""), out.toString());
    }

    @Test
    void runWithABadConfigStopsBeforeStartingAndNamesTheKey(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "sla.targets.urgent: 20m\n");
        assertEquals(2, run("run", "--config", bad.toString()));
        assertTrue(err.toString().contains("sla.targets.urgent = '20m': must not be longer than sla.targets.standard (15m)"),
                err.toString());
    }

    @Test
    void runWithAMissingConfigFileSaysSo(@TempDir Path dir) {
        assertEquals(2, run("run", "--config", dir.resolve("nope.yaml").toString()));
        assertTrue(err.toString().contains("file not found"), err.toString());
    }

    /** Runs {@code run} on a config whose {@code lines} name a bad file; nothing may start. */
    private int runWithFile(Path dir, String... lines) throws Exception {
        Path config = dir.resolve("replyclock.yaml");
        Files.writeString(config, dev.replyclock.testing.InProcessDaemon.configFile(dir, lines));
        return run("run", "--config", config.toString());
    }

    /** {@code file} (with {@code content}, or absent when null) under {@code key}: exit 2, one line naming {@code parts}. */
    private void assertRefusedInOneLine(Path dir, String key, Path file, String content, String... parts) throws Exception {
        err.getBuffer().setLength(0);
        if (content != null) {
            Files.writeString(file, content);
        }
        assertEquals(2, runWithFile(dir, key + ": " + file));
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("replyclock cannot start: "), text);
        for (String part : java.util.stream.Stream.concat(java.util.stream.Stream.of(key, file.toString()),
                java.util.stream.Stream.of(parts)).toList()) {
            assertTrue(text.contains(part), part + " in " + text);
        }
    }

    @Test
    void aPseudonymKeyTooShortOrNotBase64StopsStartUpInOneLineNamingTheKeyTheFileAndTheFix(@TempDir Path dir)
            throws Exception {
        Path key = dir.resolve("bad.key");
        assertRefusedInOneLine(dir, "privacy.pseudonym-key-file", key,
                java.util.Base64.getEncoder().encodeToString(new byte[8]) + "\n", "at least 32 are needed", "restore the key");
        assertRefusedInOneLine(dir, "privacy.pseudonym-key-file", key, "not a key at all!\n", "does not hold a base64 key");
    }

    @Test
    void aPseudonymKeyPathThatCannotBeReadStopsStartUpInOneLine(@TempDir Path dir) throws Exception {
        Path directory = Files.createDirectory(dir.resolve("key-dir")); // unreadable as a file, even for root
        assertRefusedInOneLine(dir, "privacy.pseudonym-key-file", directory, null, "restore the key");
    }

    @Test
    void anUnreadableSecretFileStopsStartUpInOneLine(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("pseudonym.key");
        Files.writeString(key, java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        Files.setPosixFilePermissions(key, java.util.Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(key), "running as root: every file is readable");
        assertRefusedInOneLine(dir, "privacy.pseudonym-key-file", key, null, "permission denied");
    }

    @Test
    void aMissingOrShortApiTokenStopsStartUpInOneLineWithTheFix(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("api-token");
        assertRefusedInOneLine(dir, "http.api-token-file", token, null, "cannot be read", "leave the key empty");
        assertRefusedInOneLine(dir, "http.api-token-file", token, "short\n", "shorter than 16 characters");
    }

    @Test
    void aBrokenArchiveKeysetStopsStartUpInOneLine(@TempDir Path dir) throws Exception {
        Path keyset = dir.resolve("keyset.json");
        Files.writeString(keyset, "{not a keyset");
        assertEquals(2, runWithFile(dir, "privacy.archive.dir: " + dir.resolve("archive"),
                "privacy.archive.keyset-file: " + keyset));
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("replyclock cannot start: privacy.archive.keyset-file = '" + keyset + "'"), text);
        assertTrue(text.contains("restore the keyset"), text);
    }

    @Test
    void everyProblemOfABadConfigIsOneWholeLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "sla.targets.urgent: 20m\nhttp.port: nope\n");
        assertEquals(2, run("run", "--config", bad.toString()));
        List<String> lines = err.toString().strip().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("replyclock cannot start: " + bad + ": ")), err.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("http.port = 'nope'")), err.toString());
    }

    @Test
    void classifyAddsTierAndSignalsAndKeepsTheOtherFieldsInOrder() throws Exception {
        String input = """
                {"id": "a", "text": "Mon colis est arrivé cassé"}
                {"id": "b", "text": "What sizes do you have?"}
                not json
                {"id": "d"}
                {"id": "e", "text": "URGENT: where is my order?"}
                """;
        assertEquals(0, runWithStdin(input, "classify"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(5, lines.size(), out.toString());
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(lines.get(0));
        assertEquals("a", a.get("id").asText());
        assertEquals("complaint", a.get("tier").asText());
        assertTrue(a.get("signals").size() > 0);
        JsonNode s = a.get("signals").get(0);
        assertTrue(s.has("family") && s.has("matched") && s.has("start") && s.has("end"), s.toString());
        assertEquals("standard", m.readTree(lines.get(1)).get("tier").asText());
        assertEquals(0, m.readTree(lines.get(1)).get("signals").size());
        JsonNode bad = m.readTree(lines.get(2));
        assertEquals(3, bad.get("line").asInt());
        assertTrue(bad.get("error").asText().startsWith("not JSON"));
        assertEquals(4, m.readTree(lines.get(3)).get("line").asInt());
        assertEquals("urgent", m.readTree(lines.get(4)).get("tier").asText());
    }

    @Test
    void versionAndHelpFollowPicocliConventions() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("replyclock "), out.toString());
        assertEquals(0, run("--help"));
        for (String command : List.of("run", "demo", "send", "classify", "check-config")) {
            assertTrue(out.toString().contains(command), "help lists " + command);
        }
        assertEquals(2, run("no-such-command"));
    }

    @Test
    void sendRequiresABootstrapServer() {
        assertEquals(2, run("send"));
        assertTrue(err.toString().contains("--bootstrap"), err.toString());
    }
}
