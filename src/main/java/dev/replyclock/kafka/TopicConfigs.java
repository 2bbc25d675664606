package dev.replyclock.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topic configs that bound how long the broker keeps what the daemon has erased or expired
 * ({@code privacy.erasure-bound}). Deleting a key from a store writes a tombstone to its compacted changelog,
 * but the older values stay on disk until the log cleaner compacts their segment: the active segment never is,
 * and by default a dirty segment may wait forever ({@code max.compaction.lag.ms} is infinite). Each topic here
 * gets {@code segment.ms} and {@code max.compaction.lag.ms} of half the bound: the segment holding the tombstone
 * closes within one half (the broker rolls at the next write), and the cleaner must compact it within the
 * other. Transit topics (delete policy) keep their records at most half the bound, in segments of at most half.
 */
public final class TopicConfigs {

    private final Duration half;

    /** @param erasureBound {@code privacy.erasure-bound} */
    public TopicConfigs(Duration erasureBound) {
        this.half = erasureBound.dividedBy(2);
    }

    /** For a store's changelog ({@code withLoggingEnabled}) and any internal topic Kafka Streams creates. */
    public Map<String, String> bounded() {
        return Map.of(TopicConfig.SEGMENT_MS_CONFIG, millis(half),
                TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, millis(half));
    }

    /** A compacted topic of the daemon's own (overload, silences). */
    public Map<String, String> compacted() {
        return with(bounded(), TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    /** A compacted topic whose records also go after {@code retention} (the notification log). */
    public Map<String, String> compactedFor(Duration retention) {
        return with(with(bounded(), TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE),
                TopicConfig.RETENTION_MS_CONFIG, millis(retention));
    }

    /**
     * A topic that carries records from one processor to another (erasure requests and results, the customer
     * index, erase commands, team loads): kept {@code wanted} or half the bound, whichever is shorter, so that a
     * record is gone within the bound.
     */
    public Map<String, String> transit(Duration wanted) {
        Duration kept = wanted.compareTo(half) < 0 ? wanted : half;
        return with(bounded(), TopicConfig.RETENTION_MS_CONFIG, millis(kept));
    }

    /**
     * A topic that carries customer messages back to the app (the rekey topic, {@code ingest.rekey: auto}): as
     * {@link #transit}, and it accepts messages as large as the dead-letter topic does.
     */
    public Map<String, String> messagesInTransit(Duration wanted) {
        return with(transit(wanted), TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                String.valueOf(StreamsSettings.DEAD_LETTER_MAX_BYTES));
    }

    /**
     * The dead-letter topic: kept {@code retention} ({@code kafka.topics.dead-letter-retention}), in segments of
     * at most half the bound (a segment is deleted only once its newest record is past the retention), and it
     * accepts the largest dead letter the app writes.
     */
    public Map<String, String> deadLetters(Duration retention) {
        Duration segment = retention.compareTo(half) < 0 ? retention : half;
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, millis(retention),
                TopicConfig.SEGMENT_MS_CONFIG, millis(segment),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(StreamsSettings.DEAD_LETTER_MAX_BYTES));
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new HashMap<>(base);
        m.put(key, value);
        return Map.copyOf(m);
    }

    private static String millis(Duration d) {
        return String.valueOf(d.toMillis());
    }
}
