package dev.replyclock.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Where replyclock meets Kafka. {@code bootstrapServers} is {@code embedded} for the in-process broker.
 *
 * @param deadLetterRetention {@code kafka.topics.dead-letter-retention}: the dead-letter topic's
 *                            {@code retention.ms}, set when the daemon creates it
 * @param rekey               {@code ingest.rekey: auto}: a message keyed otherwise than by its conversationId is
 *                            re-keyed through {@code <application-id>-rekey} instead of being dead-lettered
 *                            ({@code strict})
 */
public record KafkaSettings(
        String bootstrapServers,
        int embeddedPort,
        Path embeddedDataDir,
        String applicationId,
        String processingGuarantee,
        Path stateDir,
        int standbyReplicas,
        int streamThreads,
        int partitions,
        Topics topics,
        Map<String, String> clientProperties,
        Duration deadLetterRetention,
        boolean rekey) {

    public static final String EMBEDDED = "embedded";

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    /**
     * The settings every Kafka client of the daemon gets (Streams, notifier, API producer, admin): the
     * bootstrap servers and the {@code kafka.client-properties} file (TLS, SASL...).
     */
    public Properties clientConfig(String bootstrapServers) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }

    public boolean embedded() {
        return EMBEDDED.equals(bootstrapServers);
    }

    /**
     * Topic names live here and only here; tests read them from the config too.
     *
     * @param overload         the current overload state per team (compacted, key = team), read by the notifier
     *                         to inhibit a flooded team's lower pages
     * @param privacyRequests  right-to-erasure requests ({@code replyclock forget}), key = customer pseudonym
     * @param privacyResults   what each request removed, key = request id
     */
    public record Topics(String messages, String alerts, String deadLetter, String undelivered,
                         String notificationLog, String silences, String overload, String privacyRequests,
                         String privacyResults) {

        /** The pipeline's topics, with the notifier's and the privacy topics at their defaults. */
        public Topics(String messages, String alerts, String deadLetter) {
            this(messages, alerts, deadLetter, alerts + ".undelivered", alerts + ".notifications", alerts + ".silences",
                    alerts + ".overload", messages + ".privacy-requests", messages + ".privacy-results");
        }
    }
}
