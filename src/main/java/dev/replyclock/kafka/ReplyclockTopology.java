package dev.replyclock.kafka;

import dev.replyclock.classify.Classifier;
import dev.replyclock.config.KafkaSettings;
import dev.replyclock.config.TeamViewSettings;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.privacy.Pseudonymizer;
import dev.replyclock.privacy.Redactor;
import dev.replyclock.sla.SlaEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The processing graph, apart from any {@code KafkaStreams} instance so that tests can run it in a
 * {@code TopologyTestDriver}:
 * <pre>
 * support.messages -> ingest (decode, validate, classify) -+-> sla (clocks + deadline index) -+-> support.alerts
 *                                                         |                                +-> &lt;app-id&gt;-team-load
 *                                                         +-> support.messages.dlq (with reason headers)
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
    public static final String CLOCKS_STORE = "reply-clocks";
    public static final String DEADLINE_INDEX_STORE = "deadline-index";
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
        return build(topics, classifier, engine, metrics, clock, retention, pseudonymizer, redactor, null, null);
    }

    /**
     * The topic from the SLA processor to the team view: {@code <application-id>-team-load}, created by
     * {@link TopicSetup} (not by Streams: the Processor API has no managed repartition topics).
     */
    public static String teamLoadTopic(String applicationId) {
        return TeamLoad.topic(applicationId);
    }

    /**
     * As above, with the team view (overload alerts and digests per team).
     *
     * @param teams         the team view's settings; null = no team view (no team-load topic needed)
     * @param teamLoadTopic {@link #teamLoadTopic} of the application id
     */
    public static Topology build(KafkaSettings.Topics topics, Supplier<Classifier> classifier, SlaEngine engine,
                                 ReplyclockMetrics metrics, Clock clock, Duration retention,
                                 Pseudonymizer pseudonymizer, Redactor redactor, TeamViewSettings teams,
                                 String teamLoadTopic) {
        MessageCodec codec = new MessageCodec();
        Topology t = new Topology();
        t.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.messages());
        t.addProcessor(INGEST, () -> new IngestProcessor(codec, classifier, metrics, pseudonymizer, redactor), SOURCE);
        TeamLoadForwarder forwarder = teams == null ? TeamLoadForwarder.OFF : new TeamLoadForwarder(TEAM_LOAD_OUT);
        t.addProcessor(SLA, () -> new SlaProcessor(engine, metrics, clock, retention, forwarder), INGEST);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLOCKS_STORE),
                Serdes.String(), new StoredClockSerde()), SLA);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEADLINE_INDEX_STORE),
                Serdes.String(), Serdes.String()), SLA);
        t.addSink(ALERTS_OUT, topics.alerts(), new StringSerializer(), new AlertSerde().serializer(), SLA);
        t.addSink(DEAD_LETTER_OUT, topics.deadLetter(), new ByteArraySerializer(), new ByteArraySerializer(), INGEST);
        if (teams != null) {
            addTeamView(t, topics, metrics, clock, teams, teamLoadTopic);
        }
        return t;
    }

    /** Own sinks, not the SLA processor's: sharing a sink would merge the sub-topologies (and their partitioning). */
    private static void addTeamView(Topology t, KafkaSettings.Topics topics, ReplyclockMetrics metrics, Clock clock,
                                    TeamViewSettings teams, String teamLoadTopic) {
        TeamLoadSerde loads = new TeamLoadSerde();
        AlertSerde alerts = new AlertSerde();
        t.addSink(TEAM_LOAD_OUT, teamLoadTopic, new StringSerializer(), loads.serializer(), SLA);
        t.addSource(TEAM_LOAD_IN, new StringDeserializer(), loads.deserializer(), teamLoadTopic);
        t.addProcessor(TEAM, () -> new TeamProcessor(teams, metrics, clock), TEAM_LOAD_IN);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TEAM_OPEN_STORE),
                Serdes.String(), loads), TEAM);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TEAM_OVERLOAD_STORE),
                Serdes.String(), alerts), TEAM);
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TEAM_DIGEST_STORE),
                Serdes.String(), Serdes.Long()), TEAM);
        t.addSink(TEAM_ALERTS_OUT, topics.alerts(), new StringSerializer(), alerts.serializer(), TEAM);
        t.addSink(OVERLOAD_OUT, topics.overload(), new StringSerializer(), alerts.serializer(), TEAM);
    }
}
