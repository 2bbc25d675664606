package dev.replyclock.kafka;

import dev.replyclock.classify.Classifier;
import dev.replyclock.config.KafkaSettings;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.privacy.Excerpter;
import dev.replyclock.privacy.Pseudonymizer;
import dev.replyclock.privacy.Redactor;
import dev.replyclock.sla.SlaEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The processing graph, apart from any {@code KafkaStreams} instance so that tests can run it in a
 * {@code TopologyTestDriver}:
 * <pre>
 * support.messages -> ingest (decode, validate, classify) -+-> sla (clocks + deadline index) -> support.alerts
 *                                                         +-> support.messages.dlq (with reason headers)
 * </pre>
 */
public final class ReplyclockTopology {

    static final String SOURCE = "messages-in";
    static final String INGEST = "ingest";
    static final String SLA = "sla";
    static final String ALERTS_OUT = "alerts-out";
    static final String DEAD_LETTER_OUT = "dead-letter-out";
    public static final String CLOCKS_STORE = "reply-clocks";
    public static final String DEADLINE_INDEX_STORE = "deadline-index";

    private ReplyclockTopology() {
    }

    /** The default retention of a conversation's state after its last reply or the end of its ladder. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    public static Topology build(KafkaSettings.Topics topics, Classifier classifier, SlaEngine engine,
                                 ReplyclockMetrics metrics, Clock clock) {
        return build(topics, classifier, engine, metrics, clock, DEFAULT_RETENTION, null);
    }

    public static Topology build(KafkaSettings.Topics topics, Classifier classifier, SlaEngine engine,
                                 ReplyclockMetrics metrics, Clock clock, Duration retention,
                                 Pseudonymizer pseudonymizer) {
        return build(topics, () -> classifier, engine, metrics, clock, retention, pseudonymizer, null);
    }

    /**
     * @param classifier    read for every message, so that a reload of the rules takes effect at once
     * @param pseudonymizer replaces customer identifiers at ingest; null keeps them (tests, bench)
     * @param redactor      masks personal data in dead-letter previews; null = no preview header
     */
    public static Topology build(KafkaSettings.Topics topics, Supplier<Classifier> classifier, SlaEngine engine,
                                 ReplyclockMetrics metrics, Clock clock, Duration retention,
                                 Pseudonymizer pseudonymizer, Redactor redactor) {
        return build(topics, classifier, engine, metrics, clock, retention, pseudonymizer, redactor, null);
    }

    /** @param excerpter the excerpt alerts carry ({@code alerts.include-excerpt}); null = off, nothing of the text kept */
    public static Topology build(KafkaSettings.Topics topics, Supplier<Classifier> classifier, SlaEngine engine,
                                 ReplyclockMetrics metrics, Clock clock, Duration retention,
                                 Pseudonymizer pseudonymizer, Redactor redactor, Excerpter excerpter) {
        MessageCodec codec = new MessageCodec();
        Topology t = new Topology();
        t.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.messages());
        t.addProcessor(INGEST, () -> new IngestProcessor(codec, classifier, metrics, pseudonymizer, redactor, excerpter),
                SOURCE);
        t.addProcessor(SLA, () -> new SlaProcessor(engine, metrics, clock, retention), INGEST);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLOCKS_STORE),
                Serdes.String(), new StoredClockSerde()), SLA);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEADLINE_INDEX_STORE),
                Serdes.String(), Serdes.String()), SLA);
        t.addSink(ALERTS_OUT, topics.alerts(), new StringSerializer(), new AlertSerde().serializer(), SLA);
        t.addSink(DEAD_LETTER_OUT, topics.deadLetter(), new ByteArraySerializer(), new ByteArraySerializer(), INGEST);
        return t;
    }
}
