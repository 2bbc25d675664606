package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kafka.client-properties: how an operator points replyclock at a cluster with TLS/SASL. */
class ClientPropertiesTest {

    @Test
    void securitySettingsReachEveryClientConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        ReplyclockConfig c = ConfigLoader.parse("kafka.bootstrap-servers: k1:9093,k2:9093\nkafka.client-properties: "
                + file + "\n", "test", Map.of(), Map.of());
        Properties p = c.kafka().clientConfig("k1:9093,k2:9093");
        assertEquals("SASL_SSL", p.getProperty("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.getProperty("sasl.mechanism"));
        assertEquals("k1:9093,k2:9093", p.getProperty("bootstrap.servers"));
        assertEquals("SASL_SSL", dev.replyclock.kafka.StreamsSettings.of(c.kafka(), "k1:9093").getProperty("security.protocol"));
    }

    @Test
    void anUnreadableFileOrABootstrapInsideItIsRefused(@TempDir Path dir) throws Exception {
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "kafka.client-properties: " + dir.resolve("nope.properties") + "\n", "test", Map.of(), Map.of()));
        assertTrue(missing.getMessage().contains("kafka.client-properties"), missing.getMessage());
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=elsewhere:9092\n");
        ConfigException both = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "kafka.client-properties: " + file + "\n", "test", Map.of(), Map.of()));
        assertTrue(both.getMessage().contains("set bootstrap.servers with kafka.bootstrap-servers"), both.getMessage());
    }
}
