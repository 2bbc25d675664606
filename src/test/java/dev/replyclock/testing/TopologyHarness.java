package dev.replyclock.testing;

import dev.replyclock.classify.Classifier;
import dev.replyclock.config.KafkaSettings;
import dev.replyclock.config.MetricLabels;
import dev.replyclock.kafka.AlertSerde;
import dev.replyclock.kafka.PipelineSpec;
import dev.replyclock.kafka.ReplyclockTopology;
import dev.replyclock.kafka.StreamsSettings;
import dev.replyclock.model.Alert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.sla.SlaEngine;
import dev.replyclock.sla.SlaPolicies;
import dev.replyclock.sla.SlaPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The whole topology in a {@code TopologyTestDriver}, set up as the topology tests need it: the messages topic in,
 * alerts and dead letters out, the test's {@link MutableClock} as both the pipeline's clock and the driver's wall
 * clock (so that {@link #advance} reaches deadlines without sleeping), metrics in a registry of its own.
 * <pre>
 * h = TopologyHarness.setup("team-test", stateDir, clock).pipeline(p -> p.withTeamView(teams)).start();
 * </pre>
 */
public final class TopologyHarness implements AutoCloseable {

    public static final KafkaSettings.Topics TOPICS = new KafkaSettings.Topics("in", "alerts", "dlq");

    private final MutableClock clock;
    private final SimpleMeterRegistry registry;
    private final PipelineSpec spec;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> in;
    private final TestOutputTopic<String, Alert> alerts;
    private final TestOutputTopic<String, String> alertJson;
    private final TestOutputTopic<byte[], byte[]> deadLetters;

    private TopologyHarness(Setup s) {
        clock = s.clock;
        registry = new SimpleMeterRegistry();
        ReplyclockMetrics metrics = new ReplyclockMetrics(registry, s.policies.defaultPolicy(), s.labels);
        spec = s.options.apply(PipelineSpec.core(s.applicationId, TOPICS, Classifier::builtIn,
                new SlaEngine(s.policies, clock), metrics, clock));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir.toString());
        if (s.isolating) {
            StreamsSettings.isolateRecords(p, TOPICS.deadLetter(), metrics);
        }
        driver = new TopologyTestDriver(ReplyclockTopology.build(spec), p, clock.instant());
        in = driver.createInputTopic(TOPICS.messages(), new ByteArraySerializer(), new ByteArraySerializer());
        // Two views of one queue: a test reads the alerts decoded or as the JSON a receiver gets.
        alerts = driver.createOutputTopic(TOPICS.alerts(), new StringDeserializer(), new AlertSerde().deserializer());
        alertJson = driver.createOutputTopic(TOPICS.alerts(), new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(TOPICS.deadLetter(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /**
     * @param applicationId the Streams application id, which also names the internal topics
     * @param stateDir      where the stores live (a {@code @TempDir})
     * @param clock         the pipeline's clock; the driver starts at its instant
     */
    public static Setup setup(String applicationId, Path stateDir, MutableClock clock) {
        return new Setup(applicationId, stateDir, clock);
    }

    /** What differs from one test's pipeline to another's; the defaults are those of most tests. */
    public static final class Setup {
        private final String applicationId;
        private final Path stateDir;
        private final MutableClock clock;
        private SlaPolicies policies = SlaPolicies.single(SlaPolicy.DEFAULT);
        private MetricLabels labels = MetricLabels.CONTRACT;
        private boolean isolating;
        private UnaryOperator<PipelineSpec> options = UnaryOperator.identity();

        private Setup(String applicationId, Path stateDir, MutableClock clock) {
            this.applicationId = applicationId;
            this.stateDir = stateDir;
            this.clock = clock;
        }

        /** The SLA engine's policies (default: {@link SlaPolicy#DEFAULT} for every message). */
        public Setup policies(SlaPolicies policies) {
            this.policies = policies;
            return this;
        }

        /** The label values of the metrics (default: the contract's channels, no team). */
        public Setup labels(MetricLabels labels) {
            this.labels = labels;
            return this;
        }

        /** As the daemon runs: a record that makes a processor throw goes to the dead-letter topic, counted. */
        public Setup isolatingRecords() {
            this.isolating = true;
            return this;
        }

        /** The options on top of {@link PipelineSpec#core} (retention, erasure, team view, ...). */
        public Setup pipeline(UnaryOperator<PipelineSpec> options) {
            this.options = options;
            return this;
        }

        public TopologyHarness start() {
            return new TopologyHarness(this);
        }
    }

    /** Moves the pipeline's clock and the driver's wall clock together: punctuations see the new time. */
    public void advance(Duration d) {
        clock.advance(d);
        driver.advanceWallClockTime(d);
    }

    public MutableClock clock() {
        return clock;
    }

    public SimpleMeterRegistry registry() {
        return registry;
    }

    public PipelineSpec spec() {
        return spec;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    /** {@link #TOPICS}' messages topic, keys and values as raw bytes. */
    public TestInputTopic<byte[], byte[]> in() {
        return in;
    }

    public TestOutputTopic<String, Alert> alerts() {
        return alerts;
    }

    /** The alerts as JSON, what a receiver reads. */
    public TestOutputTopic<String, String> alertJson() {
        return alertJson;
    }

    public TestOutputTopic<byte[], byte[]> deadLetters() {
        return deadLetters;
    }

    public <K, V> KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
    }
}
