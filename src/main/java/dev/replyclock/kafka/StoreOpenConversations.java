package dev.replyclock.kafka;

import dev.replyclock.ops.OpenConversationSource;
import dev.replyclock.sla.ReplyClock;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The open conversations of this instance, read from the reply-clock store through Kafka Streams'
 * interactive queries: only the partitions this instance runs as active (not its standby copies), so with
 * several instances each one exports its own share.
 */
public final class StoreOpenConversations implements OpenConversationSource {

    private final KafkaStreams streams;

    public StoreOpenConversations(KafkaStreams streams) {
        this.streams = streams;
    }

    private ReadOnlyKeyValueStore<String, StoredClock> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(ReplyclockTopology.CLOCKS_STORE,
                    QueryableStoreTypes.<String, StoredClock>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw unreadable();
        }
    }

    private IllegalStateException unreadable() {
        return new IllegalStateException("the conversation state cannot be read now (" + streams.state()
                + "); try again in a few seconds");
    }

    @Override
    public Optional<ReplyClock> open(String conversationId) {
        StoredClock stored;
        try {
            stored = store().get(conversationId);
        } catch (InvalidStateStoreException e) {
            throw unreadable();
        }
        return stored != null && stored.isOpen() ? Optional.of(stored.clock()) : Optional.empty();
    }

    @Override
    public void forEachOpen(Consumer<ReplyClock> each) {
        ReadOnlyKeyValueStore<String, StoredClock> store = store();
        try (KeyValueIterator<String, StoredClock> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoredClock> kv = all.next();
                if (kv.value != null && kv.value.isOpen()) {
                    each.accept(kv.value.clock());
                }
            }
        }
    }
}
