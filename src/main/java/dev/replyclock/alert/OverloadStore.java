package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the compacted overload topic ({@code kafka.topics.overload}: key = team, value = the overload alert's
 * JSON, level 1 firing, level 0 or a tombstone over) into an {@link OverloadState} through a
 * {@link CompactedTopicTail}, like {@link SilenceStore} does for silences, so that a restarted notifier knows
 * at once which teams are overloaded.
 */
public final class OverloadStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OverloadStore.class);

    private final OverloadState state;
    private final CompactedTopicTail<byte[]> tail;

    public OverloadStore(Properties client, String topic, OverloadState state) {
        this.state = state;
        this.tail = new CompactedTopicTail<>(client, topic, new ByteArrayDeserializer(), "replyclock-overload",
                this::apply, "inhibition now learns only from the alerts topic");
    }

    /**
     * Starts tailing and waits (up to {@code wait}) until the topic has been read to its end, so that the
     * receivers start with the current overload state.
     *
     * @return false when the topic was not read to its end in time (the tail goes on)
     */
    public boolean start(Duration wait) {
        tail.start();
        boolean loaded = tail.awaitLoaded(wait);
        if (loaded) {
            log.debug("overload state loaded: {} team(s) firing", state.firingTeams().size());
        }
        return loaded;
    }

    public OverloadState state() {
        return state;
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            state.over(r.key(), Instant.ofEpochMilli(r.timestamp()));
            return;
        }
        try {
            Alert a = AlertJson.fromBytes(r.value());
            if (a.kind() == AlertKind.OVERLOAD) {
                state.update(r.key(), a.level() >= 1, a.createdAt());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("skipping an unreadable overload record at {}-{}@{} ({} bytes): {}", r.topic(), r.partition(),
                    r.offset(), r.value().length, e.getMessage());
        }
    }

    /** The name of the thread reading the topic when it ended on an error, else empty. */
    public java.util.Optional<String> deadTail() {
        return tail.failed() ? java.util.Optional.of(tail.threadName()) : java.util.Optional.empty();
    }

    @Override
    public void close() {
        tail.close();
    }
}
