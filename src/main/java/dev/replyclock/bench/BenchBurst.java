package dev.replyclock.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Percentiles;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The bench's burst phase, against the running pipeline: a steady rate, then 10x that rate for the burst,
 * then the steady rate again. Throughout, probes run at a fixed pace whatever the load (10 a second each):
 * signal probes (a complaint, its signal alert is expected) and breach probes (a complaint sent 50 s ago on
 * a 1-minute target, its breach is due 30 s later, less in tiny runs). Each probe's alert is expected exactly once; the figures
 * are split by phase: "during" = sent (signals) or due (breaches) within the burst, "after" = after it.
 */
final class BenchBurst {

    /** How long the generator sleeps between looks at the clock: the records due meanwhile go out together. */
    private static final long GENERATOR_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(200);


    /** One probe alert awaited: which phase it belongs to, and the time its latency counts from. */
    private record Expected(AlertKind kind, String phase, long fromMillis) {
    }

    private static final String BEFORE = "before";
    private static final String DURING = "during";
    private static final String AFTER = "after";
    private static final long PROBE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * How far ahead a breach probe is due: 30 s (more than the backlog a 10x burst builds on 2 cores), or less
     * in tiny runs (steady phase + half the burst).
     */
    private static final Duration BREACH_DUE_IN = Duration.ofSeconds(30);

    private final String servers;
    private final String messagesTopic;
    private final String alertsTopic;
    private final String run;
    private final BenchMessages traffic;
    private final Supplier<KafkaProducer<String, byte[]>> producers;

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    /** Latencies per "kind/phase". */
    private final Map<String, List<Long>> measured = new ConcurrentHashMap<>();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    /**
     * Breach probes whose signal came: processed before their deadline. One without a signal was processed
     * after it, so it is stale by design (measured, no alert): counted apart, not as lost.
     */
    private final Set<String> inTime = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> duplicates = new ConcurrentHashMap<>();

    BenchBurst(String servers, String messagesTopic, String alertsTopic, String run, BenchMessages traffic,
               Supplier<KafkaProducer<String, byte[]>> producers) {
        this.servers = servers;
        this.messagesTopic = messagesTopic;
        this.alertsTopic = alertsTopic;
        this.run = run;
        this.traffic = traffic;
        this.producers = producers;
    }

    /**
     * Runs the three phases, waits for every probe's alert (at most 60 s after the last deadline), and
     * writes the figures into {@code out}.
     */
    void run(long steadyRate, int steadySeconds, int burstSeconds, ObjectNode out) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        KafkaConsumer<String, byte[]> consumer = alertsConsumer();
        Thread reader = new Thread(() -> read(consumer, stop), "bench-burst-reader");
        reader.start();
        long sent = 0;
        // A probe processed after its deadline counts as stale (no alert, by design), so the margin must
        // stay wide: in a tiny run, a probe sent before the burst falls due within it.
        Duration dueIn = Duration.ofSeconds(Math.max(1, Math.min(BREACH_DUE_IN.toSeconds(), steadySeconds + burstSeconds / 2)));
        try (KafkaProducer<String, byte[]> producer = producers.get()) {
            long t0 = System.nanoTime();
            long burstStart = t0 + TimeUnit.SECONDS.toNanos(steadySeconds);
            long burstEnd = burstStart + TimeUnit.SECONDS.toNanos(burstSeconds);
            long end = burstEnd + TimeUnit.SECONDS.toNanos(steadySeconds);
            long burstStartMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(burstStart - t0);
            long burstEndMillis = burstStartMillis + TimeUnit.SECONDS.toMillis(burstSeconds);
            long nextProbe = t0;
            long probe = 0;
            // Records due by the schedule so far, phase by phase: steady, 10x, steady.
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                double due = rateIntegral(now - t0, steadyRate, steadySeconds, burstSeconds);
                while (sent < due) {
                    BenchMessages.Generated g = traffic.next(Instant.now());
                    producer.send(new ProducerRecord<>(messagesTopic, g.key(), g.value()));
                    sent++;
                }
                if (now >= nextProbe) {
                    String phase = now < burstStart ? BEFORE : now < burstEnd ? DURING : AFTER;
                    long nowMillis = System.currentTimeMillis();
                    String signal = "burst-signal-" + run + "-" + probe;
                    expected.put(signal, new Expected(AlertKind.SIGNAL, phase, nowMillis));
                    producer.send(new ProducerRecord<>(messagesTopic, signal, traffic.complaint(signal, Instant.now()).value()));
                    String breach = "burst-breach-" + run + "-" + probe;
                    long deadline = nowMillis + dueIn.toMillis();
                    String duePhase = deadline < burstStartMillis ? BEFORE : deadline < burstEndMillis ? DURING : AFTER;
                    expected.put(breach, new Expected(AlertKind.BREACH, duePhase, deadline));
                    producer.send(new ProducerRecord<>(messagesTopic, breach, traffic.complaint(breach,
                            Instant.ofEpochMilli(deadline).minusSeconds(60)).value()));
                    probe++;
                    BenchCommand.progress("burst", now - t0, end - t0);
                    nextProbe += PROBE_EVERY_NANOS;
                }
                // sleeps between sends, not spins: a spinning generator takes a core from the pipeline it measures
                LockSupport.parkNanos(GENERATOR_PAUSE_NANOS);
            }
            producer.flush();
        }
        long until = System.nanoTime() + dueIn.toNanos() + TimeUnit.SECONDS.toNanos(60);
        while (received.size() < expected.size() && System.nanoTime() < until) {
            BenchCommand.progress("burst-wait", received.size(), expected.size());
            Thread.sleep(100);
        }
        // A little longer, so that a repeated alert would be seen too.
        Thread.sleep(1000);
        stop.set(true);
        reader.join();

        out.put("steady_records_per_s", steadyRate)
                .put("burst_records_per_s", steadyRate * 10)
                .put("steady_seconds", steadySeconds)
                .put("burst_seconds", burstSeconds)
                .put("records_sent", sent)
                .put("alerts_expected", expected.size())
                .put("alerts_received", received.size())
                .put("alerts_stale", stale())
                .put("alerts_lost", expected.size() - received.size() - stale())
                .put("alerts_repeated", duplicates.values().stream().mapToInt(Integer::intValue).sum());
        for (String phase : List.of(DURING, AFTER)) {
            ObjectNode p = out.putObject(phase);
            percentiles(p.putObject("signal_latency_ms"), measured.get(AlertKind.SIGNAL + "/" + phase));
            percentiles(p.putObject("breach_lateness_ms"), measured.get(AlertKind.BREACH + "/" + phase));
        }
    }

    /** Breach probes neither signalled nor breached: processed after their deadline, stale by design. */
    private int stale() {
        int n = 0;
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            if (e.getValue().kind() == AlertKind.BREACH && !inTime.contains(e.getKey()) && !received.contains(e.getKey())) {
                n++;
            }
        }
        return n;
    }

    /** Records due {@code elapsed} nanoseconds into the phase schedule. */
    static double rateIntegral(long elapsedNanos, double steadyRate, int steadySeconds, int burstSeconds) {
        double s = elapsedNanos / 1e9;
        double before = Math.min(s, steadySeconds);
        double burst = Math.max(0, Math.min(s - steadySeconds, burstSeconds));
        double after = Math.max(0, s - steadySeconds - burstSeconds);
        return steadyRate * (before + 10 * burst + after);
    }

    private KafkaConsumer<String, byte[]> alertsConsumer() {
        return alertsConsumer(servers, alertsTopic);
    }

    /** A read_committed consumer of every partition of the alerts topic, from its end as of now. */
    static KafkaConsumer<String, byte[]> alertsConsumer(String servers, String alertsTopic) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = c.partitionsFor(alertsTopic).stream()
                .map(p -> new TopicPartition(alertsTopic, p.partition())).toList();
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position); // resolve the end now, before the first probe is sent
        return c;
    }

    private void read(KafkaConsumer<String, byte[]> c, AtomicBoolean stop) {
        try (c) {
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(50))) {
                    long at = System.currentTimeMillis();
                    Expected e = r.key() == null ? null : expected.get(r.key());
                    if (e == null) {
                        continue;
                    }
                    Alert a = AlertJson.fromBytes(r.value());
                    if (a.kind() == AlertKind.SIGNAL && e.kind() == AlertKind.BREACH) {
                        inTime.add(r.key());
                    }
                    if (a.kind() != e.kind()) {
                        continue;
                    }
                    if (!received.add(r.key())) {
                        duplicates.merge(r.key(), 1, Integer::sum);
                        continue;
                    }
                    measured.computeIfAbsent(e.kind() + "/" + e.phase(), k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(at - e.fromMillis());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void percentiles(ObjectNode o, List<Long> values) {
        long[] v = values == null ? new long[0] : Percentiles.sorted(values);
        o.put("count", v.length).put("p50", Percentiles.of(v, 50)).put("p99", Percentiles.of(v, 99))
                .put("max", Percentiles.max(v));
    }
}
