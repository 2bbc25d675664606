package dev.replyclock.testing;

import dev.replyclock.kafka.StreamsSettings;
import dev.replyclock.ops.ReplyclockMetrics;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The settings of a {@code TopologyTestDriver} run of the pipeline: its app id and state, records isolated as in the daemon. */
public final class DriverProperties {

    private DriverProperties() {
    }

    public static Properties isolating(String applicationId, Path stateDir, String deadLetterTopic,
                                       ReplyclockMetrics metrics) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsSettings.isolateRecords(p, deadLetterTopic, metrics);
        return p;
    }
}
