package dev.replyclock.kafka;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.Direction;
import dev.replyclock.model.Tier;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.privacy.ArchivedState;
import dev.replyclock.privacy.ErasureMessages;
import dev.replyclock.privacy.StateArchive;
import dev.replyclock.sla.ClassifiedMessage;
import dev.replyclock.sla.Outcome;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.SlaEngine;
import java.io.IOException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one entry per conversation in a persistent store (a running reply clock, or a closed marker after a
 * reply) and fires what falls due.
 *
 * <p>Timers are durable: every stored entry carries its one wake-up ({@link StoredClock#wakeUpMillis}), and
 * the deadline index, kept in memory ({@link DeadlineIndex}), orders those wake-ups in time. The index is
 * rebuilt from the clock store, in one scan, whenever the task is initialized (Kafka Streams initializes a
 * processor after restoring its stores: at start, after a restore from the changelog, at a handover from a
 * standby, after a suspension), so only the clock store is changelogged: one durable write per message. A
 * wall-clock punctuator (every {@value #TICK_MILLIS} ms) takes what is due from the head of the index: the
 * cost of a tick grows with the deadlines due, not with the open conversations. The same index expires state:
 * a closed marker, or a clock whose ladder is over, wakes up once more at the end of the retention period and
 * is deleted. With exactly_once_v2 an alert is in the output topic if and only if the store change that fired
 * it is committed, and the index is rebuilt from that committed store after any failure, so a restart neither
 * loses nor repeats a deadline; alert ids are deterministic besides.
 */
final class SlaProcessor extends ContextualProcessor<String, Object, String, Object> {

    static final long TICK_MILLIS = 50;
    /** Bounds one tick's work; the rest of a flood is taken on the next tick. */
    static final int MAX_DUE_PER_TICK = 20_000;
    /** After a failed archive (a storage server down), expired states are kept and tried again this much later. */
    static final Duration ARCHIVE_RETRY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(SlaProcessor.class);

    private final SlaEngine engine;
    private final ReplyclockMetrics metrics;
    private final Clock clock;
    private final Duration retention;
    private final TeamLoadForwarder teamLoad;
    private final Map<Tier, Long> openHere = new EnumMap<>(Tier.class);
    private KeyValueStore<String, StoredClock> clocks;
    private final DeadlineIndex deadlineIndex = new DeadlineIndex();
    private final StateArchive archive;
    /** This tick's expired states, deleted once their archive file is stored. */
    private final List<KeyValue<String, StoredClock>> expiring = new ArrayList<>();

    SlaProcessor(SlaEngine engine, ReplyclockMetrics metrics, Clock clock, Duration retention) {
        this(engine, metrics, clock, retention, null, TeamLoadForwarder.OFF);
    }

    /**
     * @param archive  where expired states are archived before deletion; null = not archived
     * @param teamLoad where changes of a conversation's open state go for the team view
     */
    SlaProcessor(SlaEngine engine, ReplyclockMetrics metrics, Clock clock, Duration retention, StateArchive archive,
                 TeamLoadForwarder teamLoad) {
        this.teamLoad = teamLoad;
        this.engine = engine;
        this.metrics = metrics;
        this.clock = clock;
        this.retention = retention;
        this.archive = archive;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        super.init(context);
        clocks = context.getStateStore(ReplyclockTopology.CLOCKS_STORE);
        // One scan of what this task owns (its store is restored by now): the in-memory deadline index, and the
        // open-conversations gauge, which is per instance. A suspended task is initialized again: start afresh.
        deadlineIndex.clear();
        openHere.forEach((tier, n) -> metrics.openAdjust(tier, -n));
        openHere.clear();
        try (KeyValueIterator<String, StoredClock> all = clocks.all()) {
            all.forEachRemaining(kv -> {
                deadlineIndex.add(kv.value.wakeUpMillis(), kv.key);
                if (kv.value.isOpen()) {
                    countOpen(null, kv.value.clock().tier());
                }
            });
        }
        context.schedule(Duration.ofMillis(TICK_MILLIS), PunctuationType.WALL_CLOCK_TIME, ts -> fireDue());
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof EraseCommand erase) {
            erase(erase);
            return;
        }
        if (!(record.value() instanceof ClassifiedMessage message)) {
            return; // an unreadable record on the erase topic (its deserializer gives null): nothing to do
        }
        String conversationId = record.key();
        StoredClock stored = clocks.get(conversationId);
        Optional<ReplyClock> current = Optional.ofNullable(stored).map(StoredClock::clock);
        boolean repliedBefore = stored != null && stored.repliedAt() != StoredClock.NONE;
        if (message.message().sentAt().toInstant().isAfter(clock.instant())) {
            metrics.lateMessage("future");
        }
        Outcome outcome = engine.onMessage(current, message, repliedBefore);
        outcome.measurement().ifPresent(metrics::replied);
        if (message.message().isInbound() && outcome.clock().map(ReplyClock::stale).orElse(false)
                && current.map(c -> !c.stale()).orElse(true)) {
            metrics.lateMessage("stale");
        }
        long repliedAt = outcome.measurement().isPresent() ? clock.millis() : stored == null ? StoredClock.NONE : stored.repliedAt();
        String ackedBy = stored == null || !stored.isOpen() ? null : stored.ackedBy();
        List<ConversationAlert> incidentUpdates = List.of();
        if (stored != null && stored.isOpen()) {
            if (message.message().direction() == Direction.ACK) {
                ackedBy = message.message().by() != null ? message.message().by() : ackedBy;
                if (!stored.clock().acked() && outcome.clock().map(ReplyClock::acked).orElse(false)) {
                    incidentUpdates = Incidents.acknowledging(withAckedBy(stored, ackedBy), clock.instant());
                }
            } else if (outcome.measurement().isPresent()) {
                incidentUpdates = Incidents.closing(stored, Alert.CLOSED_REPLIED, clock.instant()); // the reply ends the ladder
            }
        }
        apply(conversationId, stored, outcome, repliedAt, true, ackedBy, incidentUpdates);
    }

    private static StoredClock withAckedBy(StoredClock s, String by) {
        return new StoredClock(s.clock(), s.repliedAt(), s.wakeUpMillis(), by, s.incidents());
    }

    /** Fires every entry whose wake-up time has come, in time order. */
    void fireDue() {
        Instant now = clock.instant();
        metrics.deadlineIndexSize(context().taskId().toString(), deadlineIndex.size());
        if (deadlineIndex.next() == StoredClock.NONE || deadlineIndex.next() > now.toEpochMilli()) {
            archiveExpired();
            return; // most ticks: nothing due
        }
        // Removed first: a clock that fails below does not come back on every tick.
        for (DeadlineIndex.Entry entry : deadlineIndex.pollDue(now.toEpochMilli(), MAX_DUE_PER_TICK)) {
            try {
                fire(entry, now);
            } catch (RuntimeException e) {
                // One bad clock must not keep the others from firing. Its state stays; the conversation's next
                // message (or the task's next initialization) re-arms it.
                DeadLetterHandler.skipOrRethrow(e, metrics, "the clock of conversation " + entry.conversationId());
            }
        }
        archiveExpired();
    }

    private void fire(DeadlineIndex.Entry entry, Instant now) {
        String conversationId = entry.conversationId();
        StoredClock stored = clocks.get(conversationId);
        if (stored == null || stored.wakeUpMillis() != entry.wakeUpMillis()) {
            return; // an index entry left behind by an entry that has moved on
        }
        if (!stored.isOpen() || engine.nextWakeUp(stored.clock()).isEmpty()) {
            expire(conversationId, stored); // retention is over: nothing more will be said about it
            return;
        }
        metrics.deadlineLateness(Duration.ofMillis(now.toEpochMilli() - stored.wakeUpMillis()));
        apply(conversationId, stored, engine.onDue(stored.clock()), stored.repliedAt(), false, stored.ackedBy(),
                List.of());
    }

    /**
     * Emits the outcome's alerts, then the updates of its incidents, and stores its state with its index entry.
     *
     * @param indexed         whether {@code before}'s index entry is still in the index (the punctuator removes it first)
     * @param ackedBy         who acknowledged the clock (null = nobody named): kept and shown on its alerts
     * @param incidentUpdates {@code acknowledged} or {@code closed} alerts of the clock's incidents
     */
    private void apply(String conversationId, StoredClock before, Outcome outcome, long repliedAt, boolean indexed,
                       String ackedBy, List<ConversationAlert> incidentUpdates) {
        long now = clock.millis();
        for (ConversationAlert alert : outcome.alerts()) {
            emit(conversationId, ackedBy == null ? alert : alert.withAckedBy(ackedBy), now);
        }
        incidentUpdates.forEach(a -> emit(conversationId, a, now));
        Tier tierBefore = before == null || !before.isOpen() ? null : before.clock().tier();
        StoredClock after;
        if (outcome.clock().isPresent()) {
            ReplyClock clockAfter = outcome.clock().get();
            // After the ladder, the clock wakes once more when retention ends, to be expired.
            long wakeUp = engine.nextWakeUp(clockAfter).map(Instant::toEpochMilli)
                    .orElse(Math.max(now, clockAfter.openedAt().toEpochMilli()) + retention.toMillis());
            List<Long> incidentsBefore = before == null || !before.isOpen() ? List.of() : before.incidents();
            after = new StoredClock(clockAfter, repliedAt, wakeUp, ackedBy, Incidents.after(incidentsBefore, outcome.alerts()));
        } else if (repliedAt != StoredClock.NONE) {
            after = StoredClock.closed(repliedAt, repliedAt + retention.toMillis());
        } else {
            after = null; // an acknowledgement or a reply for a conversation we never saw: nothing to keep
        }
        long wakeBefore = before == null || !indexed ? StoredClock.NONE : before.wakeUpMillis();
        long wakeAfter = after == null ? StoredClock.NONE : after.wakeUpMillis();
        if (wakeBefore != wakeAfter) {
            if (wakeBefore != StoredClock.NONE) {
                deadlineIndex.remove(wakeBefore, conversationId);
            }
            if (wakeAfter != StoredClock.NONE) {
                deadlineIndex.add(wakeAfter, conversationId);
            }
        }
        if (after == null) {
            if (before != null) {
                clocks.delete(conversationId);
            }
        } else if (!after.equals(before)) {
            clocks.put(conversationId, after);
        }
        countOpen(tierBefore, after == null || !after.isOpen() ? null : after.clock().tier());
        teamLoad.changed(context(), conversationId, before, after, now);
    }

    private void emit(String conversationId, Alert alert, long now) {
        metrics.alert(alert.kind(), alert.tier());
        if (alert.kind() == AlertKind.ESCALATION) {
            metrics.escalation(alert.tier(), alert.level());
        }
        context().forward(new Record<>(conversationId, alert, now), ReplyclockTopology.ALERTS_OUT);
    }

    private void expire(String conversationId, StoredClock stored) {
        if (archive == null) {
            delete(conversationId, stored);
        } else {
            expiring.add(KeyValue.pair(conversationId, stored)); // deleted once archived, at the end of the tick
        }
    }

    private void delete(String conversationId, StoredClock stored) {
        if (stored.isOpen()) { // retention is over without a reply: the ladder's incidents close, once, as it goes
            Incidents.closing(stored, Alert.CLOSED_EXPIRED, clock.instant()).forEach(a -> emit(conversationId, a, clock.millis()));
        }
        clocks.delete(conversationId);
        if (stored.isOpen()) {
            countOpen(stored.clock().tier(), null);
        }
        metrics.expired();
        teamLoad.changed(context(), conversationId, stored, null, clock.millis());
    }

    /**
     * Writes this tick's expired states to one archive file, then deletes them. When the file cannot be
     * stored (the storage server is down, the disk full), nothing is deleted: each state wakes up again
     * {@link #ARCHIVE_RETRY} later and is tried once more, while the task goes on firing deadlines. After a
     * crash between the upload and the commit a state may be archived twice, never lost.
     */
    private void archiveExpired() {
        if (expiring.isEmpty()) {
            return;
        }
        try {
            archive.write(expiring.stream().map(kv -> archived(kv.key, kv.value)).toList(), context().taskId().toString());
            expiring.forEach(kv -> delete(kv.key, kv.value));
        } catch (IOException e) {
            long retryAt = clock.millis() + ARCHIVE_RETRY.toMillis();
            for (KeyValue<String, StoredClock> kv : expiring) {
                clocks.put(kv.key, new StoredClock(kv.value.clock(), kv.value.repliedAt(), retryAt, kv.value.ackedBy(),
                        kv.value.incidents()));
                deadlineIndex.add(retryAt, kv.key);
            }
            log.warn("cannot archive {} expired conversation states to {}, kept until they are: {}; next try in {}",
                    expiring.size(), archive.describe(), e.getMessage(), ARCHIVE_RETRY);
        } finally {
            expiring.clear();
        }
    }

    private ArchivedState archived(String conversationId, StoredClock stored) {
        ReplyClock c = stored.clock();
        Instant repliedAt = stored.repliedAt() == StoredClock.NONE ? null : Instant.ofEpochMilli(stored.repliedAt());
        return c == null
                ? new ArchivedState(conversationId, null, null, null, repliedAt, null, null, List.of(), clock.instant())
                : new ArchivedState(conversationId, c.tier(), c.openedAt(), c.deadline(), repliedAt, c.policy(),
                        c.team(), c.signals(), clock.instant());
    }

    /** Right to erasure: deletes the conversation's state and its index entry, and says what it removed. */
    private void erase(EraseCommand command) {
        StoredClock stored = clocks.get(command.conversationId());
        ErasureMessages.Removed removed = ErasureMessages.Removed.NOTHING;
        if (stored != null) {
            if (stored.isOpen()) { // erased while waiting: its incidents close (the alerts hold no customer data)
                Incidents.closing(stored, Alert.CLOSED_ERASED, clock.instant())
                        .forEach(a -> emit(command.conversationId(), a, clock.millis()));
            }
            deadlineIndex.remove(stored.wakeUpMillis(), command.conversationId());
            clocks.delete(command.conversationId());
            if (stored.isOpen()) {
                countOpen(stored.clock().tier(), null);
            }
            teamLoad.changed(context(), command.conversationId(), stored, null, clock.millis()); // gone from its team too
            removed = stored.isOpen() ? ErasureMessages.Removed.OPEN_CLOCK : ErasureMessages.Removed.CLOSED_MARKER;
        }
        context().forward(new Record<>(command.requestId(),
                ErasureMessages.Result.conversation(command.requestId(), command.conversationId(), removed),
                clock.millis()), ReplyclockTopology.PRIVACY_RESULTS_OUT);
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
        metrics.deadlineIndexSize(context().taskId().toString(), -1);
        deadlineIndex.clear(); // rebuilt from the store if the task is initialized again
    }

    /** {@code <13-digit zero-padded epoch millis>:<conversationId>}: byte order is time order (until year 2286). */
    static String indexKey(long epochMillis, String conversationId) {
        String millis = Long.toString(epochMillis);
        StringBuilder b = new StringBuilder(14 + conversationId.length());
        for (int i = millis.length(); i < 13; i++) {
            b.append('0');
        }
        return b.append(millis).append(':').append(conversationId).toString();
    }
}
