package dev.replyclock.kafka;

import dev.replyclock.privacy.ErasureMessages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which conversations a customer had, keyed by the customer's pseudonym, for the right to erasure. Two
 * co-partitioned inputs: (pseudonym -> conversationId) from ingest for every inbound message, and erasure
 * requests keyed by pseudonym. The index store is keyed {@code pseudonym \u0000 conversationId} (a prefix
 * scan finds one customer's conversations) with the last-seen time; a request deletes the customer's
 * entries, answers a summary and sends one {@link EraseCommand} per conversation to the SLA processor.
 *
 * <p>An entry expires like the conversation state it points at, through an expiry index keyed
 * {@code <13-digit epoch millis>:<entry key>} (time order, as the deadline index): at the customer's last
 * message plus the retention plus {@link #GRACE}. The state itself lives until the retention has passed
 * after the last reply or the end of the ladder, which follow the last message; the grace covers a ladder
 * and a reply up to a week late, so that forget still finds the state, without keeping the index much longer.
 */
final class CustomerIndexProcessor extends ContextualProcessor<String, Object, Object, Object> {

    static final Duration GRACE = Duration.ofDays(7);
    static final long TICK_MILLIS = 1000;
    private static final int MAX_EXPIRED_PER_TICK = 20_000;
    private static final char SEPARATOR = '\u0000';
    private static final Logger log = LoggerFactory.getLogger(CustomerIndexProcessor.class);

    private final Clock clock;
    private final Duration keepFor;
    private KeyValueStore<String, Long> index;
    private KeyValueStore<String, String> expiry;

    CustomerIndexProcessor(Clock clock, Duration retention) {
        this.clock = clock;
        this.keepFor = retention.plus(GRACE);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        super.init(context);
        index = context.getStateStore(ReplyclockTopology.CUSTOMER_INDEX_STORE);
        expiry = context.getStateStore(ReplyclockTopology.CUSTOMER_INDEX_EXPIRY_STORE);
        context.schedule(Duration.ofMillis(TICK_MILLIS), PunctuationType.WALL_CLOCK_TIME, ts -> expireDue());
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() instanceof String conversationId) {
            seen(record.key(), conversationId);
        } else if (record.value() instanceof ErasureMessages.Request request && request.customer().equals(record.key())) {
            forget(request);
        } else {
            // Nothing of it is logged: the key could be anything a stranger wrote to the requests topic.
            log.warn("ignored a record on the privacy requests topic that is not an erasure request keyed by its customer");
        }
    }

    private void seen(String customer, String conversationId) {
        String key = customer + SEPARATOR + conversationId;
        Long before = index.get(key);
        long now = clock.millis();
        if (before != null) {
            expiry.delete(SlaProcessor.indexKey(before + keepFor.toMillis(), key));
        }
        index.put(key, now);
        expiry.put(SlaProcessor.indexKey(now + keepFor.toMillis(), key), key);
    }

    private void forget(ErasureMessages.Request request) {
        List<KeyValue<String, Long>> entries = new ArrayList<>();
        String prefix = request.customer() + SEPARATOR;
        try (KeyValueIterator<String, Long> it = index.range(prefix, request.customer() + (char) (SEPARATOR + 1))) {
            it.forEachRemaining(entries::add);
        }
        long now = clock.millis();
        context().forward(new Record<Object, Object>(request.requestId(),
                ErasureMessages.Result.summary(request, entries.size()), now), ReplyclockTopology.PRIVACY_SUMMARY_OUT);
        for (KeyValue<String, Long> e : entries) {
            index.delete(e.key);
            expiry.delete(SlaProcessor.indexKey(e.value + keepFor.toMillis(), e.key));
            String conversationId = e.key.substring(prefix.length());
            context().forward(new Record<Object, Object>(conversationId,
                    new EraseCommand(request.requestId(), conversationId), now), ReplyclockTopology.ERASE_OUT);
        }
    }

    void expireDue() {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = expiry.range(SlaProcessor.indexKey(0, ""),
                SlaProcessor.indexKey(clock.millis(), "\uffff"))) {
            while (it.hasNext() && due.size() < MAX_EXPIRED_PER_TICK) {
                due.add(it.next());
            }
        }
        for (KeyValue<String, String> e : due) {
            expiry.delete(e.key);
            Long seen = index.get(e.value);
            if (seen != null && e.key.equals(SlaProcessor.indexKey(seen + keepFor.toMillis(), e.value))) {
                index.delete(e.value);
            }
        }
    }
}
