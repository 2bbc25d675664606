package dev.replyclock.kafka;

import dev.replyclock.config.KafkaSettings;
import dev.replyclock.ops.ReplyclockMetrics;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of the daemon, from the replyclock config. */
public final class StreamsSettings {

    /** The largest dead letter the app writes (the dead-letter topic is created to accept it). */
    public static final int DEAD_LETTER_MAX_BYTES = 16 * 1024 * 1024;

    private StreamsSettings() {
    }

    /** Without metrics for the dead letters of {@link DeadLetterHandler} (they are still sent). */
    public static Properties of(KafkaSettings kafka, String bootstrapServers) {
        return of(kafka, bootstrapServers, null);
    }

    /** @param metrics where {@link DeadLetterHandler} counts what it dead-letters; null = not counted */
    public static Properties of(KafkaSettings kafka, String bootstrapServers, ReplyclockMetrics metrics) {
        return of(kafka, bootstrapServers, metrics, ReplyclockTopology.DEFAULT_TOPIC_CONFIGS, null);
    }

    /**
     * @param metrics      where {@link DeadLetterHandler} counts what it dead-letters; null = not counted
     * @param topicConfigs applied to every internal topic Kafka Streams creates (changelogs, repartition topics),
     *                     so that none keeps an erased value past {@code privacy.erasure-bound}
     * @param redaction    what {@link DeadLetterHandler} keeps of a record; null = it leaves {@code from} out
     */
    public static Properties of(KafkaSettings kafka, String bootstrapServers, ReplyclockMetrics metrics,
                                TopicConfigs topicConfigs, DeadLetterRedaction redaction) {
        Properties p = kafka.clientConfig(bootstrapServers); // TLS/SASL settings reach every internal client
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, kafka.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, kafka.processingGuarantee());
        p.put(StreamsConfig.STATE_DIR_CONFIG, kafka.stateDir().toAbsolutePath().toString());
        // The EOS commit interval bounds how long an alert waits before consumers can read it.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1); // the broker's default
        // A standby keeps a warm copy of another instance's clocks: a handover needs no full restore.
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, kafka.standbyReplicas());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, kafka.streamThreads());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A crashed instance's conversations (and their deadlines) move to the others after the session
        // timeout: 15 s instead of Kafka's 45 s bounds how late a breach can be after a crash.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 15_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // A dead letter is small now (redacted), but a record of the app's own topics may be as large as the
        // broker accepted on the way in: the producer must not be what stops the app.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), DEAD_LETTER_MAX_BYTES);
        topicConfigs.bounded().forEach((k, v) -> p.put(StreamsConfig.topicPrefix(k), v));
        isolateRecords(p, kafka.topics().deadLetter(), metrics);
        if (redaction != null) {
            p.put(DeadLetterHandler.REDACTION_CONFIG, redaction);
        }
        return p;
    }

    /**
     * One record's failure in a processor (or an internal topic's record that does not deserialize) sends it
     * to the dead-letter topic and the stream goes on, instead of stopping every alert (KIP-1033, KIP-1034).
     */
    public static void isolateRecords(Properties p, String deadLetterTopic, ReplyclockMetrics metrics) {
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        if (metrics != null) {
            p.put(DeadLetterHandler.METRICS_CONFIG, metrics);
        }
    }
}
