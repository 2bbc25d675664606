package dev.replyclock.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.testing.InProcessDaemon;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as an operator runs it (the runnable jar in a child JVM) loses its input topic: the stream thread
 * fails on every rebalance, is replaced three times, then the Streams client stops, and {@code run} exits with
 * code 3 after {@code health.dead-exit-after}, for systemd's {@code Restart=on-failure} to restart it.
 */
class DeadExitIT {

    @Test
    void aDaemonWhoseStreamsClientDiesExitsWithCodeThree(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("replyclock.yaml");
        Files.writeString(config, InProcessDaemon.configFile(dir, "health.dead-exit-after: 2s"));
        Path output = dir.resolve("run.out");
        Process daemon = InProcessDaemon.runJar(dir, config, output);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(output).contains("replyclock is running"));
            Matcher kafka = Pattern.compile("Kafka: (\\S+)").matcher(Files.readString(output));
            assertTrue(kafka.find(), Files.readString(output));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.group(1)))) {
                admin.deleteTopics(List.of("support.messages")).all().get(30, TimeUnit.SECONDS);
            }
            // Four failures about a session timeout (15 s) apart, then the 2 s grace period.
            assertTrue(daemon.waitFor(180, TimeUnit.SECONDS), "exited:\n" + Files.readString(output));
            assertEquals(Main.EXIT_DEAD, daemon.exitValue(), Files.readString(output));
            String out = Files.readString(output);
            assertTrue(out.contains("replyclock stopped working (the Streams client is ERROR)"), out);
            assertTrue(out.contains("the Streams client stops"), out);
        } finally {
            daemon.destroyForcibly();
        }
    }
}
