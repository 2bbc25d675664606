package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** In-memory stand-ins for what the delivery pipeline talks to: no broker, no network. */
final class PipelineFakes {

    private PipelineFakes() {
    }

    /** A notification log in memory; {@code failFlush} makes it undurable. */
    static final class MemoryLog implements DeliveryLog {
        final Map<String, Instant> entries = new LinkedHashMap<>();
        Exception failFlush;
        int flushes;

        @Override
        public boolean contains(String alertId) {
            return entries.containsKey(alertId);
        }

        @Override
        public void record(String alertId, Instant at) {
            entries.put(alertId, at);
        }

        @Override
        public void flush() throws Exception {
            if (failFlush != null) {
                throw failFlush;
            }
            flushes++;
        }
    }

    /**
     * A receiver that answers each call with the next scripted failure (none left: it accepts), and keeps the
     * ids of every notification it accepted, one list per call.
     */
    static final class ScriptedReceiver implements Receiver {
        final String name;
        final Deque<Exception> failures = new ArrayDeque<>();
        final List<List<String>> accepted = new ArrayList<>();
        Predicate<Alert> takes = a -> true;
        int calls;

        ScriptedReceiver(String name) {
            this.name = name;
        }

        ScriptedReceiver failing(Exception... next) {
            failures.addAll(List.of(next));
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void deliver(Alert alert) throws Exception {
            deliver(AlertGroup.of(alert));
        }

        @Override
        public void deliver(AlertGroup group) throws Exception {
            calls++;
            Exception e = failures.poll();
            if (e != null) {
                throw e;
            }
            accepted.add(group.alerts().stream().map(Alert::id).toList());
        }

        @Override
        public boolean takes(Alert alert) {
            return takes.test(alert);
        }

        /** Every accepted alert id, in order. */
        List<String> acceptedIds() {
            return accepted.stream().flatMap(List::stream).toList();
        }
    }

    /** Each metric call as {@code name:receiver[:detail]}. */
    static final class RecordingMetrics implements DeliveryMetrics {
        final List<String> events = new ArrayList<>();
        final Map<String, Supplier<String>> circuit = new LinkedHashMap<>();

        long count(String event) {
            return events.stream().filter(event::equals).count();
        }

        @Override
        public void receiverAtZero(String receiver) {
            events.add("atZero:" + receiver);
        }

        @Override
        public void delivery(String receiver, String outcome) {
            events.add("delivery:" + receiver + ":" + outcome);
        }

        @Override
        public void deliveryLatency(String receiver, Duration latency) {
            events.add("latency:" + receiver + ":" + latency);
        }

        @Override
        public void silenced(String receiver) {
            events.add("silenced:" + receiver);
        }

        @Override
        public void inhibited(String receiver, int count) {
            events.add("inhibited:" + receiver + ":" + count);
        }

        @Override
        public void grouped(String receiver, int count) {
            events.add("grouped:" + receiver + ":" + count);
        }

        @Override
        public void deliveryQueue(String receiver, Supplier<Long> depth) {
        }

        @Override
        public void deliveryRetry(String receiver) {
            events.add("retry:" + receiver);
        }

        @Override
        public void undelivered(String receiver, String reason) {
            events.add("undelivered:" + receiver + ":" + reason);
        }

        @Override
        public void circuitState(String receiver, Supplier<String> state) {
            circuit.put(receiver, state);
        }

        @Override
        public void forgetReceiver(String receiver) {
        }
    }

    /** The undelivered topic as a list of {@code alertId reason detail}. */
    static final class UndeliveredList implements GiveUpStage.Sink {
        final List<String> put = new ArrayList<>();

        @Override
        public void put(Alert alert, String reason, String detail) {
            put.add(alert.id() + " " + reason + " " + detail);
        }
    }
}
