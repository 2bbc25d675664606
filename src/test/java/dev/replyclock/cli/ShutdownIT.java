package dev.replyclock.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.testing.InProcessDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as an operator runs it: a child JVM from the runnable jar, logging JSON, stopped by SIGTERM,
 * exits 0.
 */
class ShutdownIT {

    @Test
    void sigtermStopsTheDaemonCleanlyWithExitCodeZeroAndLogsAreJson(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("replyclock.yaml");
        Files.writeString(config, InProcessDaemon.configFile(dir, "logging.format: json"));
        Path output = dir.resolve("run.out");
        Process daemon = InProcessDaemon.runJar(dir, config, output);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(output).contains("replyclock is running"));
            daemon.destroy(); // SIGTERM
            assertTrue(daemon.waitFor(50, TimeUnit.SECONDS), "stopped within the budget:\n" + Files.readString(output));
            assertEquals(0, daemon.exitValue(), Files.readString(output));
            assertTrue(Files.readAllLines(output).stream().anyMatch(l -> l.startsWith("{") && l.contains("\"level\":\"INFO\"")
                    && l.contains("embedded Kafka broker ready")), "JSON log lines:\n" + Files.readString(output));
        } finally {
            daemon.destroyForcibly();
        }
    }
}
