package dev.replyclock.kafka;

import dev.replyclock.alert.Alert;
import dev.replyclock.classify.Tier;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.sla.ClassifiedMessage;
import dev.replyclock.sla.Outcome;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.SlaEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one reply clock per conversation in a persistent store and fires what falls due.
 *
 * <p>Timers are durable: every clock with something still to say has one entry in a second store, the
 * deadline index, keyed {@code <13-digit epoch millis>:<conversationId>} so that RocksDB's byte order is time
 * order. A wall-clock punctuator (every {@value #TICK_MILLIS} ms) range-scans the index up to now: the cost
 * of a tick grows with the deadlines due, not with the open conversations. Both stores are changelogged, and
 * with exactly_once_v2 an alert is in the output topic if and only if the store change that fired it is
 * committed, so a restart neither loses nor repeats a deadline; alert ids are deterministic besides.
 */
final class SlaProcessor extends ContextualProcessor<String, ClassifiedMessage, String, Alert> {

    static final long TICK_MILLIS = 250;
    /** Bounds one tick's work; the rest of a flood is taken on the next tick. */
    static final int MAX_DUE_PER_TICK = 20_000;

    private final SlaEngine engine;
    private final ReplyclockMetrics metrics;
    private final Clock clock;
    private final Map<Tier, Long> openHere = new EnumMap<>(Tier.class);
    private KeyValueStore<String, StoredClock> clocks;
    private KeyValueStore<String, String> deadlineIndex;

    SlaProcessor(SlaEngine engine, ReplyclockMetrics metrics, Clock clock) {
        this.engine = engine;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        clocks = context.getStateStore(ReplyclockTopology.CLOCKS_STORE);
        deadlineIndex = context.getStateStore(ReplyclockTopology.DEADLINE_INDEX_STORE);
        // The open-conversations gauge is per instance: count what this task owns once, at assignment.
        try (KeyValueIterator<String, StoredClock> all = clocks.all()) {
            all.forEachRemaining(kv -> countOpen(null, kv.value.clock().tier()));
        }
        context.schedule(Duration.ofMillis(TICK_MILLIS), PunctuationType.WALL_CLOCK_TIME, ts -> fireDue());
    }

    @Override
    public void process(Record<String, ClassifiedMessage> record) {
        String conversationId = record.key();
        StoredClock stored = clocks.get(conversationId);
        Optional<ReplyClock> current = Optional.ofNullable(stored).map(StoredClock::clock);
        ClassifiedMessage message = record.value();
        if (message.message().sentAt().toInstant().isAfter(clock.instant())) {
            metrics.lateMessage("future");
        }
        Outcome outcome = engine.onMessage(current, message);
        outcome.measurement().ifPresent(metrics::replied);
        if (message.message().isInbound() && outcome.clock().map(ReplyClock::stale).orElse(false)
                && (stored == null || !stored.clock().stale())) {
            metrics.lateMessage("stale");
        }
        apply(conversationId, stored, outcome);
    }

    /** Fires every clock whose wake-up time has come, in time order. */
    void fireDue() {
        Instant now = clock.instant();
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = deadlineIndex.range(indexKey(0, ""), indexKey(now.toEpochMilli(), "\uffff"))) {
            while (it.hasNext() && due.size() < MAX_DUE_PER_TICK) {
                due.add(it.next());
            }
        }
        for (KeyValue<String, String> entry : due) {
            deadlineIndex.delete(entry.key);
            StoredClock stored = clocks.get(entry.value);
            if (stored == null || !entry.key.equals(indexKey(stored.wakeUpMillis(), entry.value))) {
                continue; // an index entry left behind by a clock that has moved on
            }
            metrics.deadlineLateness(Duration.ofMillis(now.toEpochMilli() - stored.wakeUpMillis()));
            apply(entry.value, stored, engine.onDue(stored.clock()));
        }
    }

    private void apply(String conversationId, StoredClock before, Outcome outcome) {
        long now = clock.millis();
        for (Alert alert : outcome.alerts()) {
            metrics.alert(alert.kind(), alert.tier());
            context().forward(new Record<>(conversationId, alert, now));
        }
        if (before != null && before.wakeUpMillis() != StoredClock.NONE) {
            deadlineIndex.delete(indexKey(before.wakeUpMillis(), conversationId));
        }
        Tier tierBefore = before == null ? null : before.clock().tier();
        if (outcome.clock().isEmpty()) {
            if (before != null) {
                clocks.delete(conversationId);
            }
            countOpen(tierBefore, null);
            return;
        }
        ReplyClock after = outcome.clock().get();
        long wakeUp = engine.nextWakeUp(after).map(Instant::toEpochMilli).orElse(StoredClock.NONE);
        clocks.put(conversationId, new StoredClock(after, wakeUp));
        if (wakeUp != StoredClock.NONE) {
            deadlineIndex.put(indexKey(wakeUp, conversationId), conversationId);
        }
        countOpen(tierBefore, after.tier());
    }

    private void countOpen(Tier from, Tier to) {
        if (from == to) {
            return;
        }
        if (from != null) {
            openHere.merge(from, -1L, Long::sum);
        }
        if (to != null) {
            openHere.merge(to, 1L, Long::sum);
        }
        metrics.openMoved(from, to);
    }

    @Override
    public void close() {
        // This task's conversations move to another instance (or the app stops): take them off the gauge.
        openHere.forEach((tier, n) -> metrics.openAdjust(tier, -n));
        openHere.clear();
    }

    static String indexKey(long epochMillis, String conversationId) {
        return String.format("%013d:%s", epochMillis, conversationId);
    }
}
