package dev.replyclock.testing;

import dev.replyclock.cli.Daemon;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What every test that runs the whole daemon in a test JVM (or as a child process) configures the same way: its
 * own embedded broker and ops HTTP server on free ports, the broker's data, the Streams state and the pseudonym
 * key under the test's directory. Each test adds only the settings it is about.
 */
public final class InProcessDaemon {

    private InProcessDaemon() {
    }

    /** The shared settings as {@code ConfigLoader.builtIn} overrides, plus (and overridden by) {@code more}. */
    public static Map<String, String> settings(Path work, Map<String, String> more) {
        Map<String, String> s = new HashMap<>(Map.of(
                "kafka.embedded.port", "0",
                "kafka.embedded.data-dir", work.resolve("kafka").toString(),
                "kafka.state-dir", work.resolve("streams").toString(),
                "http.port", "0",
                "privacy.pseudonym-key-file", work.resolve("pseudonym.key").toString()));
        s.putAll(more);
        return s;
    }

    /** The shared settings as the text of a config file, followed by {@code moreLines}. */
    public static String configFile(Path work, String... moreLines) {
        List<String> lines = new ArrayList<>(List.of(
                "kafka.embedded.port: 0",
                "kafka.embedded.data-dir: " + work.resolve("kafka"),
                "kafka.state-dir: " + work.resolve("streams"),
                "http.port: 0",
                "privacy.pseudonym-key-file: " + work.resolve("pseudonym.key")));
        lines.addAll(List.of(moreLines));
        lines.add("");
        return String.join("\n", lines);
    }

    /** An {@code alerts.receivers} value: one log receiver named {@code file}, writing JSON lines to {@code file}. */
    public static String logReceiver(Path file) {
        return "[{name: file, type: log, path: '" + file + "'}]";
    }

    /**
     * {@code replyclock run --config config} from the runnable jar (built by {@code mvn package}) in a child JVM
     * working in {@code dir}, its stdout and stderr to {@code output}: the daemon as an operator runs it.
     */
    public static Process runJar(Path dir, Path config, Path output) throws java.io.IOException {
        Path jar = Path.of(System.getProperty("replyclock.jar", "target/replyclock.jar")).toAbsolutePath();
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "run", "--config", config.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** A producer for the daemon's broker, as the tests feed {@code support.messages}. */
    public static KafkaProducer<String, byte[]> producer(Daemon daemon) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, daemon.bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
