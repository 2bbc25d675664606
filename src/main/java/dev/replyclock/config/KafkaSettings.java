package dev.replyclock.config;

import java.nio.file.Path;

/**
 * Where replyclock meets Kafka. {@code bootstrapServers} is {@code embedded} for the in-process broker.
 */
public record KafkaSettings(
        String bootstrapServers,
        int embeddedPort,
        Path embeddedDataDir,
        String applicationId,
        String processingGuarantee,
        Path stateDir,
        int standbyReplicas,
        int partitions,
        Topics topics) {

    public static final String EMBEDDED = "embedded";

    public boolean embedded() {
        return EMBEDDED.equals(bootstrapServers);
    }

    /** Topic names live here and only here; tests read them from the config too. */
    public record Topics(String messages, String alerts, String deadLetter) {
    }
}
