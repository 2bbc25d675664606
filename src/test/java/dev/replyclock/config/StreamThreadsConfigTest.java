package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.kafka.StreamsSettings;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** kafka.stream-threads: how many threads of an instance classify and run the clocks. */
class StreamThreadsConfigTest {

    private static String threads(String yaml) throws ConfigException {
        ReplyclockConfig c = ConfigLoader.parse(yaml, "test", Map.of(), Map.of());
        return String.valueOf(StreamsSettings.of(c.kafka(), "localhost:9092").get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    }

    @Test
    void oneThreadUnlessTheOperatorGivesMore() throws ConfigException {
        assertEquals("1", threads(""));
        assertEquals("2", threads("kafka.stream-threads: 2\n"));
    }

    @Test
    void noThreadAtAllIsRefusedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> threads("kafka.stream-threads: 0\n"));
        assertTrue(e.getMessage().contains("kafka.stream-threads") && e.getMessage().contains("0"), e.getMessage());
    }
}
