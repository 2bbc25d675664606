package dev.replyclock.kafka;

import dev.replyclock.config.KafkaSettings;
import dev.replyclock.config.PrivacySettings;
import dev.replyclock.config.TeamViewSettings;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.privacy.ErasureMessages;
import dev.replyclock.privacy.Excerpter;
import dev.replyclock.privacy.Pseudonymizer;
import dev.replyclock.privacy.StateArchive;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The processing graph, apart from any {@code KafkaStreams} instance so that tests can run it in a
 * {@code TopologyTestDriver}:
 * <pre>
 * support.messages -> ingest (decode, validate, classify) -+-> sla (clocks; deadline index in memory) -+-> support.alerts
 *                      ^                                  |                                          +-> &lt;app-id&gt;-team-load
 *                      |                                  +-> support.messages.dlq (with reason headers, redacted)
 * &lt;app-id&gt;-rekey ------+------------------------------------+ (ingest.rekey: auto; a record keyed otherwise
 *                                                              than by its conversationId, re-keyed)
 *
 * with privacy options, the right to erasure (see {@link #addErasure}):
 * ingest -> {app}-customer-index -> customers (index) &lt;- support.privacy.requests
 *           customers -> {app}-conversation-erase -> sla;  customers, sla -> support.privacy.results
 * &lt;app-id&gt;-team-load -> team (open conversations per team, overload state) -+-> support.alerts (overload, digest)
 *                                                                         +-> support.alerts.overload
 * </pre>
 * The team view is a second sub-topology keyed by team, behind its own topic (see {@link #teamLoadTopic}).
 */
public final class ReplyclockTopology {

    static final String SOURCE = "messages-in";
    static final String INGEST = "ingest";
    static final String SLA = "sla";
    static final String ALERTS_OUT = "alerts-out";
    static final String DEAD_LETTER_OUT = "dead-letter-out";
    static final String REKEY_OUT = "rekey-out";
    static final String REKEY_IN = "rekey-in";
    public static final String CLOCKS_STORE = "reply-clocks";
    // Right to erasure (see addErasure)
    static final String CUSTOMER_INDEX_OUT = "customer-index-out";
    static final String CUSTOMER_INDEX_IN = "customer-index-in";
    static final String PRIVACY_REQUESTS_IN = "privacy-requests-in";
    static final String CUSTOMERS = "customers";
    static final String ERASE_OUT = "conversation-erase-out";
    static final String ERASE_IN = "conversation-erase-in";
    static final String PRIVACY_SUMMARY_OUT = "privacy-summary-out";
    static final String PRIVACY_RESULTS_OUT = "privacy-results-out";
    public static final String CUSTOMER_INDEX_STORE = "customer-index";
    public static final String CUSTOMER_INDEX_EXPIRY_STORE = "customer-index-expiry";
    static final String TEAM_LOAD_OUT = "team-load-out";
    static final String TEAM_LOAD_IN = "team-load-in";
    static final String TEAM = "team";
    static final String TEAM_ALERTS_OUT = "team-alerts-out";
    static final String OVERLOAD_OUT = "overload-out";
    public static final String TEAM_OPEN_STORE = "team-open-conversations";
    public static final String TEAM_OVERLOAD_STORE = "team-overload";
    public static final String TEAM_DIGEST_STORE = "team-digests";

    private ReplyclockTopology() {
    }

    /** The default retention of a conversation's state after its last reply or the end of its ladder. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    /** The stores' changelog configs at the default {@code privacy.erasure-bound}. */
    static final TopicConfigs DEFAULT_TOPIC_CONFIGS = new TopicConfigs(PrivacySettings.DEFAULT_ERASURE_BOUND);

    /**
     * The topic from the SLA processor to the team view: {@code <application-id>-team-load}, created by
     * {@link TopicSetup} (not by Streams: the Processor API has no managed repartition topics).
     */
    public static String teamLoadTopic(String applicationId) {
        return TeamLoad.topic(applicationId);
    }

    /**
     * The topic through which ingest re-keys a message by its conversationId ({@code ingest.rekey: auto}):
     * {@code <application-id>-rekey}, with the partitions of the messages topic, created by {@link TopicSetup}
     * (the Processor API has no managed repartition topics, as for {@link #teamLoadTopic}).
     */
    public static String rekeyTopic(String applicationId) {
        return applicationId + "-rekey";
    }

    /** The pipeline {@code spec} describes: the daemon's with every option its config turns on. */
    public static Topology build(PipelineSpec spec) {
        KafkaSettings.Topics topics = spec.topics();
        ReplyclockMetrics metrics = spec.metrics();
        Clock clock = spec.clock();
        Duration retention = spec.retention();
        TopicConfigs topicConfigs = spec.topicConfigs();
        // The processors keep their package-private null conventions; the nulls stop here.
        Pseudonymizer pseudonymizer = spec.pseudonymizer().orElse(null);
        Excerpter excerpter = spec.excerpter().orElse(null);
        String rekeyTopic = spec.rekey() ? rekeyTopic(spec.applicationId()) : null;
        PrivacyOptions privacy = spec.erasure().orElse(null);
        MessageCodec codec = new MessageCodec(clock);
        Topology t = new Topology();
        t.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.messages());
        boolean indexCustomers = privacy != null && pseudonymizer != null;
        if (rekeyTopic != null) {
            // Read by the same task as the messages (same partition count): a re-keyed record comes back to ingest
            // on the partition of its conversation, and from there takes the usual way to the SLA processor.
            t.addSource(REKEY_IN, new ByteArrayDeserializer(), new ByteArrayDeserializer(), rekeyTopic);
        }
        t.addProcessor(INGEST, () -> new IngestProcessor(codec, spec.classifier(), metrics, pseudonymizer,
                spec.redactor(), excerpter, indexCustomers, rekeyTopic),
                rekeyTopic == null ? new String[] {SOURCE} : new String[] {SOURCE, REKEY_IN});
        if (rekeyTopic != null) {
            t.addSink(REKEY_OUT, rekeyTopic, new ByteArraySerializer(), new ByteArraySerializer(), INGEST);
        }
        StateArchive archive = privacy == null ? null : privacy.archive().orElse(null);
        TeamLoadForwarder forwarder = spec.teamView().isPresent() ? new TeamLoadForwarder(TEAM_LOAD_OUT)
                : TeamLoadForwarder.OFF;
        t.addProcessor(SLA, () -> new SlaProcessor(spec.engine(), metrics, clock, retention, archive, forwarder),
                privacy == null ? new String[] {INGEST} : new String[] {INGEST, addEraseSource(t, privacy)});
        t.addStateStore(store(CLOCKS_STORE, Serdes.String(), new StoredClockSerde(), topicConfigs), SLA);
        t.addSink(ALERTS_OUT, topics.alerts(), new StringSerializer(), new AlertSerde().serializer(), SLA);
        t.addSink(DEAD_LETTER_OUT, topics.deadLetter(), new ByteArraySerializer(), new ByteArraySerializer(), INGEST);
        if (privacy != null) {
            addErasure(t, topics, privacy, clock, retention, topicConfigs);
        }
        spec.teamView().ifPresent(teams -> addTeamView(t, topics, metrics, clock, retention, teams,
                teamLoadTopic(spec.applicationId()), topicConfigs));
        return t;
    }

    /**
     * A persistent store whose changelog keeps erased or expired values at most {@code privacy.erasure-bound}
     * (see {@link TopicConfigs}).
     */
    private static <K, V> StoreBuilder<KeyValueStore<K, V>> store(String name, Serde<K> keys, Serde<V> values,
                                                                  TopicConfigs topicConfigs) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
                .withLoggingEnabled(topicConfigs.bounded());
    }

    /** The SLA processor's second input: erase commands, keyed by conversationId like the messages. */
    private static String addEraseSource(Topology t, PrivacyOptions privacy) {
        t.addSource(ERASE_IN, new StringDeserializer(), EraseCommand.serde().deserializer(), privacy.eraseTopic());
        return ERASE_IN;
    }

    /**
     * The right to erasure, the Kafka way: ingest re-keys (pseudonym -> conversationId) to the customer-index
     * topic; the customer processor, co-partitioned with the requests topic, keeps the index and turns a
     * request into one erase command per conversation for the SLA processor; both answer on the results topic.
     */
    private static void addErasure(Topology t, KafkaSettings.Topics topics, PrivacyOptions privacy, Clock clock,
                                   Duration retention, TopicConfigs topicConfigs) {
        t.addSink(CUSTOMER_INDEX_OUT, privacy.customerIndexTopic(), new StringSerializer(), new StringSerializer(), INGEST);
        t.addSource(CUSTOMER_INDEX_IN, new StringDeserializer(), new StringDeserializer(), privacy.customerIndexTopic());
        Deserializer<ErasureMessages.Request> requests = (topic, bytes) -> ErasureMessages.decodeRequest(bytes).orElse(null);
        t.addSource(PRIVACY_REQUESTS_IN, new StringDeserializer(), requests, topics.privacyRequests());
        t.addProcessor(CUSTOMERS, () -> new CustomerIndexProcessor(clock, retention), CUSTOMER_INDEX_IN, PRIVACY_REQUESTS_IN);
        t.addStateStore(store(CUSTOMER_INDEX_STORE, Serdes.String(), Serdes.Long(), topicConfigs), CUSTOMERS);
        t.addStateStore(store(CUSTOMER_INDEX_EXPIRY_STORE, Serdes.String(), Serdes.String(), topicConfigs), CUSTOMERS);
        t.addSink(ERASE_OUT, privacy.eraseTopic(), new StringSerializer(), EraseCommand.serde().serializer(), CUSTOMERS);
        Serializer<ErasureMessages.Result> results = (topic, r) -> ErasureMessages.encode(r);
        t.addSink(PRIVACY_SUMMARY_OUT, topics.privacyResults(), new StringSerializer(), results, CUSTOMERS);
        t.addSink(PRIVACY_RESULTS_OUT, topics.privacyResults(), new StringSerializer(), results, SLA);
    }

    /** Own sinks, not the SLA processor's: sharing a sink would merge the sub-topologies (and their partitioning). */
    private static void addTeamView(Topology t, KafkaSettings.Topics topics, ReplyclockMetrics metrics, Clock clock,
                                    Duration retention, TeamViewSettings teams, String teamLoadTopic,
                                    TopicConfigs topicConfigs) {
        TeamLoadSerde loads = new TeamLoadSerde();
        AlertSerde alerts = new AlertSerde();
        t.addSink(TEAM_LOAD_OUT, teamLoadTopic, new StringSerializer(), loads.serializer(), SLA);
        t.addSource(TEAM_LOAD_IN, new StringDeserializer(), loads.deserializer(), teamLoadTopic);
        t.addProcessor(TEAM, () -> new TeamProcessor(teams, metrics, clock, retention), TEAM_LOAD_IN);
        t.addStateStore(store(TEAM_OPEN_STORE, Serdes.String(), loads, topicConfigs), TEAM);
        t.addStateStore(store(TEAM_OVERLOAD_STORE, Serdes.String(), alerts, topicConfigs), TEAM);
        t.addStateStore(store(TEAM_DIGEST_STORE, Serdes.String(), Serdes.Long(), topicConfigs), TEAM);
        t.addSink(TEAM_ALERTS_OUT, topics.alerts(), new StringSerializer(), alerts.serializer(), TEAM);
        t.addSink(OVERLOAD_OUT, topics.overload(), new StringSerializer(), alerts.serializer(), TEAM);
    }
}
