package dev.replyclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forget} and {@code archive-read} usage: what is refused before anything is sent (exit 2), and why. */
class ForgetCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private Path config(String yaml) throws Exception {
        Path file = dir.resolve("replyclock.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void forgetWithoutACustomerIsBadUsage() {
        assertEquals(2, run("forget"));
        assertTrue(err.toString().contains("--customer"), err.toString());
    }

    @Test
    void forgetWithABlankCustomerIsBadUsage() throws Exception {
        assertEquals(2, run("forget", "--customer", "  ", "--config", config("").toString()));
        assertTrue(err.toString().contains("--customer"), err.toString());
    }

    @Test
    void forgetWithAnUnreadableTimeoutSaysWhatADurationLooksLike() {
        assertEquals(2, run("forget", "--customer", "+33612345678", "--timeout", "soon"));
        assertTrue(err.toString().contains("a duration like 15m"), err.toString());
        assertEquals(2, run("forget", "--customer", "+33612345678", "--timeout", "0s"));
        assertTrue(err.toString().contains("positive"), err.toString());
    }

    @Test
    void forgetWithAMissingConfigFileSaysSo() {
        assertEquals(2, run("forget", "--customer", "+33612345678", "--config", dir.resolve("nope.yaml").toString()));
        assertTrue(err.toString().contains("nope.yaml does not exist"), err.toString());
    }

    @Test
    void forgetWithABadConfigNamesTheKey() throws Exception {
        assertEquals(2, run("forget", "--customer", "+33612345678", "--config",
                config("privacy.retention: forever\n").toString()));
        assertTrue(err.toString().contains("privacy.retention"), err.toString());
    }

    @Test
    void forgetWithoutTheDaemonsPseudonymKeyRefusesAndCreatesNoKey() throws Exception {
        Path key = dir.resolve("pseudonym.key");
        assertEquals(2, run("forget", "--customer", "+33612345678", "--config",
                config("privacy.pseudonym-key-file: " + key + "\n").toString()));
        assertTrue(err.toString().contains("privacy.pseudonym-key-file"), err.toString());
        assertFalse(Files.exists(key), "a fresh key would give another pseudonym than the daemon's");
    }

    @Test
    void forgetWithoutABrokerGivesUpAtTheTimeout() throws Exception {
        Path key = dir.resolve("pseudonym.key");
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random); // a key of zeroes is refused as not random
        Files.writeString(key, java.util.Base64.getEncoder().encodeToString(random) + "\n");
        int exit = run("forget", "--customer", "+33612345678", "--bootstrap", "127.0.0.1:1", "--timeout", "1s",
                "--config", config("privacy.pseudonym-key-file: " + key + "\n").toString());
        assertEquals(1, exit, err.toString());
        assertTrue(err.toString().contains("127.0.0.1:1"), err.toString());
        assertFalse(err.toString().contains("+33612345678") || out.toString().contains("+33612345678"),
                "the raw identifier is not echoed");
    }

    @Test
    void archiveReadNeedsAKeysetAndAnExistingFile() throws Exception {
        assertEquals(2, run("archive-read", dir.resolve("a.jsonl.gz.tink").toString()));
        assertTrue(err.toString().contains("--keyset"), err.toString());
        assertEquals(2, run("archive-read", "--keyset", dir.resolve("k.json").toString(), dir.resolve("a.jsonl.gz.tink").toString()));
        assertTrue(err.toString().contains("no such archive file"), err.toString());
        Path archive = Files.writeString(dir.resolve("b.jsonl.gz.tink"), "x");
        assertEquals(2, run("archive-read", "--keyset", dir.resolve("k.json").toString(), archive.toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
        assertFalse(Files.exists(dir.resolve("k.json")), "reading never creates a keyset");
    }
}
