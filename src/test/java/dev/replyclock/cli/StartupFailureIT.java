package dev.replyclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.testing.InProcessDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar, as an operator starts it, on a pseudonym key file that is too short: one line, exit 2. */
class StartupFailureIT {

    @Test
    void aTooShortPseudonymKeyStopsTheJarWithOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("pseudonym.key"); // the path InProcessDaemon's config names
        Files.writeString(key, Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        Path config = dir.resolve("replyclock.yaml");
        Files.writeString(config, InProcessDaemon.configFile(dir));
        Path output = dir.resolve("output.txt");

        Process jar = InProcessDaemon.runJar(dir, config, output);

        assertTrue(jar.waitFor(60, TimeUnit.SECONDS), "exits at once:\n" + Files.readString(output));
        String text = Files.readString(output).strip();
        assertEquals(2, jar.exitValue(), text);
        assertEquals(1, text.lines().count(), "one line, no stack trace:\n" + text);
        // The key file is checked with the config (SecretFileCheck), so the line names the config file first.
        assertTrue(text.startsWith("replyclock cannot start: " + config + ": privacy.pseudonym-key-file = '" + key + "'"),
                text);
        assertTrue(text.contains("holds a key of 16 bytes; at least 32 are needed"), text);
    }
}
