package dev.replyclock.bench;

import dev.replyclock.classify.Classifier;
import dev.replyclock.config.KafkaSettings;
import dev.replyclock.kafka.PipelineSpec;
import dev.replyclock.kafka.ReplyclockTopology;
import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.sla.SlaEngine;
import dev.replyclock.sla.SlaPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * {@code bench --restore}: two pipeline instances share {@code N} open conversations; one of them stops (it
 * leaves the group, as a stopped or rolling-restarted daemon does); measured: the seconds from the stop until
 * the survivor fires due deadlines again on every partition. Without a standby the survivor restores the
 * stopped instance's clocks from their changelog; with one it has them warm. Either way it rebuilds its
 * in-memory deadline index from the clock store before the first tick.
 *
 * <p>Breach probes (urgent questions, sent so that their 5-minute target falls due every 20 ms for 3 minutes from
 * just before the stop on, across all partitions); a partition "fires again" with the first breach alert created
 * after the stopped instance was gone. A crash (SIGKILL) adds the time the group takes to notice: the session
 * timeout, 15 s.
 */
final class BenchRestore {

    /** One run's outcome. */
    record Result(double seconds, int movedTasks, long openConversations) {
    }

    private static final long PROBE_EVERY_MS = 20;
    private static final Duration URGENT_TARGET = SlaPolicy.DEFAULT.target(dev.replyclock.model.Tier.URGENT);
    private static final int PROBES = 9_000; // 3 minutes of due deadlines, whenever the stop comes in them

    private final String servers;
    private final String run;
    private final Path work;
    private final int partitions;
    private final String guarantee;
    private final BenchMessages traffic;
    private final Supplier<KafkaProducer<String, byte[]>> producers;

    BenchRestore(String servers, String run, Path work, int partitions, String guarantee, BenchMessages traffic,
                 Supplier<KafkaProducer<String, byte[]>> producers) {
        this.servers = servers;
        this.run = run;
        this.work = work;
        this.partitions = partitions;
        this.guarantee = guarantee;
        this.traffic = traffic;
        this.producers = producers;
    }

    Result failover(String name, int conversations, int standbys) throws Exception {
        String prefix = "bench-" + run + "." + name;
        KafkaSettings.Topics topics = new KafkaSettings.Topics(prefix + ".messages", prefix + ".alerts", prefix + ".dlq");
        TopicSetup.ensure(servers, Map.of(topics.messages(), partitions, topics.alerts(), partitions,
                topics.deadLetter(), partitions), Duration.ofSeconds(60));
        String appId = "bench-" + run + "-" + name;
        KafkaStreams a = instance(appId, topics, name + "-a", standbys);
        KafkaStreams b = instance(appId, topics, name + "-b", standbys);
        try {
            a.start();
            b.start();
            awaitRunning(a, b);
            try (KafkaProducer<String, byte[]> producer = producers.get()) {
                Instant now = Instant.now();
                for (int i = 0; i < conversations; i++) {
                    String conv = "open-" + i;
                    producer.send(new ProducerRecord<>(topics.messages(), conv, traffic.question(conv, now).value()));
                    if (i % 50_000 == 0) {
                        BenchCommand.progress(name + " load", i, conversations);
                    }
                }
                producer.flush();
            }
            BenchCommand.awaitCommitted(servers, appId, topics.messages(), name + " load", TimeUnit.HOURS.toNanos(1));
            // Deadlines from 5 s from now on, every 20 ms for 3 minutes: the stop comes at the first of them, or
            // as soon as the standbys have caught up if that takes longer; deadlines keep falling due after it.
            long firstDue = System.currentTimeMillis() + 5_000;
            try (KafkaProducer<String, byte[]> producer = producers.get()) {
                for (int i = 0; i < PROBES; i++) {
                    String conv = "due-" + i;
                    Instant sentAt = Instant.ofEpochMilli(firstDue + i * PROBE_EVERY_MS).minus(URGENT_TARGET);
                    producer.send(new ProducerRecord<>(topics.messages(), conv, traffic.urgent(conv, sentAt).value()));
                }
                producer.flush();
            }
            BenchCommand.awaitCommitted(servers, appId, topics.messages(), name + " probes", TimeUnit.MINUTES.toNanos(5));
            awaitNoLag(a, b);
            KafkaStreams victim = activeTasks(a) >= activeTasks(b) ? a : b;
            int moved = activeTasks(victim);
            try (KafkaConsumer<String, byte[]> alerts = BenchBurst.alertsConsumer(servers, topics.alerts())) {
                long wait = firstDue - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                long stopAt = System.currentTimeMillis();
                victim.close(CloseOptions.timeout(Duration.ofSeconds(30))
                        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
                long gone = System.currentTimeMillis();
                long lastFirst = awaitEveryPartitionFires(alerts, gone, TimeUnit.MINUTES.toNanos(2), name);
                double seconds = lastFirst < 0 ? -1 : (lastFirst - stopAt) / 1000.0;
                return new Result(seconds, moved, conversations + PROBES);
            }
        } finally {
            a.close(Duration.ofSeconds(20));
            b.close(Duration.ofSeconds(20));
        }
    }

    private KafkaStreams instance(String appId, KafkaSettings.Topics topics, String dir, int standbys) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        p.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("streams-" + dir).toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbys);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // As the daemon: a crashed instance would be noticed after 15 s; a stopped one leaves at once.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 15_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        p.put(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.LINGER_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        ReplyclockMetrics metrics = new ReplyclockMetrics(new SimpleMeterRegistry(), SlaPolicy.DEFAULT);
        return new KafkaStreams(ReplyclockTopology.build(PipelineSpec.core(appId, topics, Classifier::builtIn,
                new SlaEngine(SlaPolicy.DEFAULT, Clock.systemUTC()), metrics, Clock.systemUTC())), p);
    }

    private static void awaitRunning(KafkaStreams... apps) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            boolean all = true;
            int tasks = 0;
            for (KafkaStreams app : apps) {
                all &= app.state() == KafkaStreams.State.RUNNING;
                tasks += activeTasks(app);
            }
            if (all && tasks > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the restore bench's instances did not reach RUNNING within 120 s");
    }

    /**
     * Until every local store, active or standby, is within 2 records of its changelog's end (an exactly-once
     * changelog ends with a commit marker, which no store reads), for at most 60 s.
     */
    private static void awaitNoLag(KafkaStreams... apps) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            boolean caughtUp = true;
            for (KafkaStreams app : apps) {
                caughtUp &= app.allLocalStorePartitionLags().values().stream()
                        .flatMap(m -> m.values().stream()).allMatch(l -> l.offsetLag() <= 2);
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static int activeTasks(KafkaStreams app) {
        return app.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    /**
     * Reads breach alerts until every partition has one created after {@code goneMillis} (so by the survivor);
     * returns when the last partition's first one was read, or -1 on timeout.
     */
    private long awaitEveryPartitionFires(KafkaConsumer<String, byte[]> alerts, long goneMillis, long timeoutNanos,
                                          String phase) throws IOException {
        Map<Integer, Long> firstAfter = new HashMap<>();
        long until = System.nanoTime() + timeoutNanos;
        while (firstAfter.size() < partitions && System.nanoTime() < until) {
            for (ConsumerRecord<String, byte[]> r : alerts.poll(Duration.ofMillis(20))) {
                long received = System.currentTimeMillis();
                if (firstAfter.containsKey(r.partition()) || !r.key().startsWith("due-")) {
                    continue;
                }
                Alert alert = AlertJson.fromBytes(r.value());
                if (alert.kind() == AlertKind.BREACH && alert.createdAt().toEpochMilli() > goneMillis) {
                    firstAfter.put(r.partition(), received);
                }
            }
            BenchCommand.progress(phase, firstAfter.size(), partitions);
        }
        return firstAfter.size() < partitions ? -1 : firstAfter.values().stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
