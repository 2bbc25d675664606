package dev.replyclock.testing;

import dev.replyclock.kafka.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One embedded broker on a free port for a whole test class, started before its first test (and before its
 * {@code @BeforeAll} methods) and closed after its last, its data in a temporary directory of its own:
 * {@code @RegisterExtension static final TestBroker broker = new TestBroker();}.
 */
public final class TestBroker implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private EmbeddedKafka broker;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("replyclock-test-broker");
        broker = EmbeddedKafka.start(0, dir.resolve("kafka"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            if (dir != null) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Client properties for this broker, a new copy each time (the caller may add to it). */
    public Properties client() {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        return p;
    }
}
