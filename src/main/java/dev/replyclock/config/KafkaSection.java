package dev.replyclock.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** {@code kafka.*}: the cluster, the Streams application and the topics. */
final class KafkaSection {

    private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

    private KafkaSection() {
    }

    static KafkaSettings read(ConfigValues v) {
        String bootstrap = v.text("kafka.bootstrap-servers");
        if (!KafkaSettings.EMBEDDED.equals(bootstrap) && !bootstrap.matches("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*")) {
            v.problem("kafka.bootstrap-servers", bootstrap, "use 'embedded' or a list like 'kafka1:9092,kafka2:9092'");
        }
        String guarantee = v.text("kafka.processing-guarantee");
        if (!GUARANTEES.contains(guarantee)) {
            v.problem("kafka.processing-guarantee", guarantee, "use exactly_once_v2 (default) or at_least_once");
        }
        return new KafkaSettings(bootstrap, v.port("kafka.embedded.port"),
                Path.of(v.text("kafka.embedded.data-dir")), v.name("kafka.application-id"), guarantee,
                Path.of(v.text("kafka.state-dir")), v.intInRange("kafka.standby-replicas", 0, 10),
                v.intInRange("kafka.stream-threads", 1, 64),
                v.intInRange("kafka.topics.partitions", 1, 10_000),
                new KafkaSettings.Topics(v.name("kafka.topics.messages"), v.name("kafka.topics.alerts"),
                        v.name("kafka.topics.dead-letter"), v.name("kafka.topics.undelivered"),
                        v.name("kafka.topics.notification-log"), v.name("kafka.topics.silences"),
                        v.name("kafka.topics.overload"), v.name("kafka.topics.privacy-requests"),
                        v.name("kafka.topics.privacy-results")), clientProperties(v),
                v.between("kafka.topics.dead-letter-retention", Duration.ofHours(1), Duration.ofDays(365),
                        "the dead letters are kept this long (retention.ms of the topic, set when it is created)"),
                IngestSection.rekey(v));
    }

    /** {@code kafka.client-properties}: a Kafka client properties file (security.protocol, sasl.*, ssl.*). */
    private static Map<String, String> clientProperties(ConfigValues v) {
        String file = v.text("kafka.client-properties");
        if (file.isBlank()) {
            return Map.of();
        }
        Properties props = new Properties();
        try (java.io.Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            v.problem("kafka.client-properties", file,
                    "cannot read it (" + e.getMessage() + "); give a Kafka client .properties file or leave it empty");
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        if (out.containsKey("bootstrap.servers")) {
            v.problem("kafka.client-properties", file,
                    "set bootstrap.servers with kafka.bootstrap-servers, not in the client properties");
        }
        return out;
    }
}
