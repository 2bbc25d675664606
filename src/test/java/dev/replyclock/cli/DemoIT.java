package dev.replyclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, for real: the shaded jar in a child JVM runs the demo (at 8x speed, so the
 * one-minute script takes seconds) and the console shows every kind of alert and the metrics URL.
 */
class DemoIT {

    @Test
    void demoShowsSignalWarningBreachEscalationAndResolvedFromTheOneJar(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("replyclock.jar", "target/replyclock.jar"));
        assertTrue(Files.exists(jar), "the runnable jar is built by mvn package: " + jar);
        Path output = dir.resolve("demo.out");
        Process demo = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "demo", "--exit-after-script",
                "--speed", "8")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean exited = demo.waitFor(120, TimeUnit.SECONDS);
        String console = Files.readString(output, StandardCharsets.UTF_8);
        if (!exited) {
            demo.destroyForcibly();
        }
        assertTrue(exited, "the demo ends by itself with --exit-after-script:\n" + console);
        assertEquals(0, demo.exitValue(), console);
        for (String kind : List.of("SIGNAL", "WARNING", "BREACH", "ESCALATION", "RESOLVED")) {
            assertTrue(console.contains(kind), "the console shows a " + kind + " alert:\n" + console);
        }
        assertTrue(console.matches("(?s).*http://127\\.0\\.0\\.1:\\d+/metrics.*"), "the metrics URL is shown");
        assertTrue(console.contains("embedded Kafka broker ready at localhost:"), "the broker address is logged");
        assertTrue(console.contains("demo-complaint-fr"), console);
    }

    private static String javaBinary() throws IOException {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
