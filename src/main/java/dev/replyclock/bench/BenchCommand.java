package dev.replyclock.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.classify.Classifier;
import dev.replyclock.config.KafkaSettings;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.kafka.EmbeddedKafka;
import dev.replyclock.kafka.PipelineSpec;
import dev.replyclock.kafka.ReplyclockTopology;
import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Percentiles;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.sla.SlaEngine;
import dev.replyclock.sla.SlaPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replyclock bench}: in one run on the same topic and machine, the Kafka ceiling (a plain consumer
 * that decodes), a Kafka Streams pass-through with the same guarantee, replyclock's own pipeline, the
 * signal latency under load, the breach lateness with the open conversations of the run, and the memory
 * per open conversation.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures replyclock against the raw Kafka ceiling on the same records (embedded broker by default).",
                "Prints a table; --json FILE writes the figures."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "a real cluster (default: an embedded broker)")
    String bootstrap;

    @Option(names = "--messages", defaultValue = "1000000", description = "messages to produce (default: ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--conversations", defaultValue = "100000", description = "conversations (default: ${DEFAULT-VALUE})")
    int conversations;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions of the bench topics (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--guarantee", defaultValue = "exactly_once_v2", description = "exactly_once_v2 or at_least_once")
    String guarantee;

    @Option(names = "--stream-threads", defaultValue = "1",
            description = "stream threads of the pass-through and of the pipeline alike (default: ${DEFAULT-VALUE})")
    int streamThreads;

    @Option(names = "--warmup-messages", defaultValue = "300000",
            description = "messages a throwaway pipeline reads before anything is timed, so that the JIT compiles"
                    + " the code first, as in a daemon that has run for a while (default: ${DEFAULT-VALUE}, at most"
                    + " --messages; 0 = none)")
    int warmupMessages;

    @Option(names = "--seed", defaultValue = "42", description = "traffic seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--probes", defaultValue = "10000", description = "breach-lateness probes (default: ${DEFAULT-VALUE})")
    int probes;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
    Path json;

    @Option(names = "--burst-seconds", defaultValue = "60",
            description = "length of the 10x burst (default: ${DEFAULT-VALUE}; 0 = no burst phase)")
    int burstSeconds;

    @Option(names = "--steady-seconds", defaultValue = "20",
            description = "steady load before and after the burst (default: ${DEFAULT-VALUE})")
    int steadySeconds;

    @Option(names = "--delivery-only", description = "only the delivery latency runs: alone, beside a dead receiver,"
            + " with a flaky receiver (quick to repeat; --json writes their keys)")
    boolean deliveryOnly;

    @Option(names = "--restore", description = "only the restore and failover runs: two instances share"
            + " --restore-conversations open conversations, one stops, the seconds until the survivor fires due"
            + " deadlines again, without and with a standby replica (--json writes their keys)")
    boolean restoreOnly;

    @Option(names = "--restore-conversations", defaultValue = "1000000",
            description = "open conversations of the --restore runs (default: ${DEFAULT-VALUE})")
    int restoreConversations;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter out;
    private String servers;
    private String run;
    private Path work;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        run = Long.toString(System.currentTimeMillis(), 36);
        work = Files.createTempDirectory("replyclock-bench-");
        EmbeddedKafka broker = null;
        try {
            if (bootstrap == null) {
                broker = EmbeddedKafka.start(0, work.resolve("kafka"));
                servers = broker.bootstrapServers();
            } else {
                servers = bootstrap;
            }
            return measure();
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    private int measure() throws Exception {
        if (deliveryOnly) {
            Map<String, Long> delivery = delivery().latencies();
            System.err.print("\r" + " ".repeat(70) + "\r");
            BenchDelivery.print(out, delivery);
            out.flush();
            if (json != null) {
                ObjectMapper m = JsonMapper.builder().build();
                ObjectNode o = m.createObjectNode();
                BenchDelivery.json(o, delivery);
                o.put("cores", Runtime.getRuntime().availableProcessors())
                        .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
                Files.writeString(json, m.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
            }
            return 0;
        }
        if (restoreOnly) {
            return restore();
        }
        String in = "bench-" + run + ".messages";
        KafkaSettings.Topics topics = new KafkaSettings.Topics(in, "bench-" + run + ".alerts", "bench-" + run + ".dlq");
        Map<String, Integer> wanted = new HashMap<>();
        for (String t : List.of(in, topics.alerts(), topics.deadLetter(), "bench-" + run + ".passthrough")) {
            wanted.put(t, partitions);
        }
        TopicSetup.ensure(servers, wanted, Duration.ofSeconds(60));
        warmUp();
        long heapBaseline = usedHeapAfterGc();

        BenchMessages traffic = new BenchMessages(seed, conversations);
        produce(in, traffic, messages, "produce");

        double ceiling = ceiling(in);
        double passthrough = streamsRate("passthrough", passThrough(in, "bench-" + run + ".passthrough"), in);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReplyclockMetrics metrics = new ReplyclockMetrics(registry, SlaPolicy.DEFAULT);
        KafkaStreams app = pipeline("pipeline", topics, metrics);
        double pipelineRate = streamsRate("pipeline", app, in);
        try {
            Map<String, Long> latency = probeLatency(traffic, topics, pipelineRate / 2, ceiling / 2);
            ObjectNode burst = JsonMapper.builder().build().createObjectNode();
            if (burstSeconds > 0) {
                // The steady rate is a twentieth of what the pipeline sustains, so the 10x burst runs at half of
                // it: a burst the pipeline can absorb, whose cost shows as latency, not as a lasting backlog.
                new BenchBurst(servers, topics.messages(), topics.alerts(), run, traffic, this::producer)
                        .run(Math.max(1, Math.round(pipelineRate / 20)), steadySeconds, burstSeconds, burst);
            }
            latency.putAll(delivery().latencies());
            double open = registry.find("replyclock.open.conversations").gauges().stream().mapToDouble(g -> g.value()).sum();
            long heapPerOpen = open > 0 ? (long) ((usedHeapAfterGc() - heapBaseline) / open) : -1;
            report(ceiling, passthrough, pipelineRate, latency, heapPerOpen, (long) open, burst);
        } finally {
            app.close(Duration.ofSeconds(20));
        }
        return 0;
    }

    /** {@code --restore}: the failover without a standby (a restore from the changelog), then with one. */
    private int restore() throws Exception {
        BenchRestore bench = new BenchRestore(servers, run, work, partitions, guarantee,
                new BenchMessages(seed, conversations), this::producer);
        BenchRestore.Result cold = bench.failover("restore", restoreConversations, 0);
        BenchRestore.Result warm = bench.failover("failover", restoreConversations, 1);
        System.err.print("\r" + " ".repeat(70) + "\r");
        out.printf("%nreplyclock bench --restore: %,d open conversations over 2 instances, %d partitions, %s, %d cores, Java %s%n",
                cold.openConversations(), partitions, guarantee, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.printf("  one instance stops (%d of %d tasks move); seconds until every partition fires due deadlines again:%n",
                cold.movedTasks(), partitions);
        out.printf("    without a standby (restore from the changelog)   %6.1f s%n", cold.seconds());
        out.printf("    with a standby replica                           %6.1f s  (%d tasks moved)%n", warm.seconds(),
                warm.movedTasks());
        out.printf("  (a crash instead of a stop adds the session timeout, 15 s, before the group notices)%n");
        out.flush();
        if (json != null) {
            ObjectMapper m = JsonMapper.builder().build();
            ObjectNode o = m.createObjectNode()
                    .put("restore_seconds", cold.seconds())
                    .put("failover_seconds_with_standby", warm.seconds())
                    .put("restore_open_conversations", cold.openConversations())
                    .put("partitions", partitions)
                    .put("guarantee", guarantee)
                    .put("cores", Runtime.getRuntime().availableProcessors())
                    .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            Files.writeString(json, m.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
        }
        return 0;
    }

    /**
     * Runs a throwaway pipeline (its own topics and application id, traffic of another seed) over
     * {@code --warmup-messages} records, untimed. On 2 cores the JIT's compiler threads take most of a core for
     * the first 20-30 s of a cold pipeline: timed cold, the figures measured the compiler as much as replyclock.
     * The ceiling and the pass-through run after it too, so the three are measured alike, warm.
     */
    private void warmUp() throws Exception {
        int warmup = Math.min(warmupMessages, messages); // a small run gets a small warm-up
        if (warmup <= 0) {
            return;
        }
        String in = "bench-" + run + ".warmup";
        KafkaSettings.Topics topics = new KafkaSettings.Topics(in, in + "-alerts", in + "-dlq");
        TopicSetup.ensure(servers, Map.of(in, partitions, topics.alerts(), partitions, topics.deadLetter(), partitions),
                Duration.ofSeconds(60));
        produce(in, new BenchMessages(seed + 1, conversations), warmup, "warmup-produce");
        String name = "warmup";
        KafkaStreams app = pipeline(name, topics, new ReplyclockMetrics(new SimpleMeterRegistry(), SlaPolicy.DEFAULT));
        try {
            startRunning(name, app);
            awaitCommitted("bench-" + run + "-" + name, in, name, TimeUnit.MINUTES.toNanos(30));
        } finally {
            app.close(Duration.ofSeconds(20));
        }
    }

    /** {@code count} records of {@code traffic} to {@code topic}, each sent at its own time, as real messages are. */
    private void produce(String topic, BenchMessages traffic, int count, String phase) {
        progress(phase, 0, count);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < count; i++) {
                BenchMessages.Generated g = traffic.next(Instant.now()); // deadlines spread over the seconds this takes
                producer.send(new ProducerRecord<>(topic, g.key(), g.value()));
                if (i % 50_000 == 0) {
                    progress(phase, i, count);
                }
            }
            producer.flush();
        }
        progress(phase, count, count);
    }

    /** replyclock's pipeline as the bench runs it (application id {@code bench-<run>-<name>}), not started. */
    private KafkaStreams pipeline(String name, KafkaSettings.Topics topics, ReplyclockMetrics metrics) {
        return new KafkaStreams(ReplyclockTopology.build(PipelineSpec.core("bench-" + run + "-" + name, topics,
                Classifier::builtIn, new SlaEngine(SlaPolicy.DEFAULT, Clock.systemUTC()), metrics, Clock.systemUTC())),
                streamsProps(name));
    }

    /** The ceiling: a plain consumer that reads every record and decodes it. */
    private double ceiling(String topic) {
        MessageCodec codec = new MessageCodec();
        long count = 0;
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            while (count < messages) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    codec.decode(r.value());
                    count++;
                }
                progress("ceiling", count, messages);
            }
        }
        return count / seconds(start);
    }

    private KafkaStreams passThrough(String from, String to) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(from, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .mapValues(v -> v)
                .to(to, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return new KafkaStreams(b.build(), streamsProps("passthrough"));
    }

    private Properties streamsProps(String name) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + run + "-" + name);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        p.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("streams-" + name).toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        return p;
    }

    /**
     * Runs a Streams app until its group has committed every input record; the time counts from RUNNING, so
     * start-up and the first rebalance are left out for both apps alike.
     */
    private double streamsRate(String name, KafkaStreams app, String topic) throws Exception {
        startRunning(name, app);
        List<long[]> progress = new ArrayList<>();
        progress.add(new long[] {System.nanoTime(), 0}); // RUNNING: where a run one look saw whole is timed from
        awaitCommitted(servers, "bench-" + run + "-" + name, topic, name, TimeUnit.HOURS.toNanos(1), progress);
        double rate = steadyRate(progress, messages);
        if ("passthrough".equals(name)) {
            app.close(Duration.ofSeconds(20));
        }
        return rate;
    }

    /** Starts the app and waits until it is RUNNING (at most 60 s). */
    private static void startRunning(String name, KafkaStreams app) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        app.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        app.start();
        if (!running.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not reach RUNNING within 60 s");
        }
    }

    /** Waits until the group has committed every record of the topic (end offsets taken when called). */
    private void awaitCommitted(String group, String topic, String phase, long timeoutNanos) throws Exception {
        awaitCommitted(servers, group, topic, phase, timeoutNanos);
    }

    static void awaitCommitted(String servers, String group, String topic, String phase, long timeoutNanos)
            throws Exception {
        awaitCommitted(servers, group, topic, phase, timeoutNanos, null);
    }

    /**
     * The rate between the first look that saw 10% of the records committed and the first that saw 90%: the
     * steady state, without the start (a thread may process before the app as a whole is RUNNING, or start
     * late) or the last commit's wait. {@code progress}: (nanoTime, records committed) pairs in time order.
     */
    static double steadyRate(List<long[]> progress, long total) {
        long[] from = progress.stream().filter(p -> p[1] >= total / 10).findFirst().orElseThrow();
        long[] to = progress.stream().filter(p -> p[1] >= total * 9 / 10).findFirst().orElseThrow();
        if (to == from) {
            // one look saw both (a run shorter than a look's interval): the whole run, from the first entry
            from = progress.get(0);
        }
        return (to[1] - from[1]) / ((to[0] - from[0]) / 1e9);
    }

    /** @param progress where each look's (nanoTime, records committed) goes; null = nowhere */
    static void awaitCommitted(String servers, String group, String topic, String phase, long timeoutNanos,
                               List<long[]> progress) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
            long done = 0;
            while (done < end && System.nanoTime() < deadline) {
                Thread.sleep(50);
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                done = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
                if (progress != null) {
                    progress.add(new long[] {System.nanoTime(), done});
                }
                progress(phase, Math.min(done, end), end);
            }
        }
    }

    /**
     * Signal latency under load, twice: at half the pipeline's own measured rate (a load it holds, so latency is
     * read apart from throughput), then at half the ceiling's rate (today's figure, which builds a backlog when
     * the pipeline is slower than that); then breach lateness with the run's open conversations. Probes are
     * complaints in conversations of their own; latency is measured to the committed alert record.
     */
    private Map<String, Long> probeLatency(BenchMessages traffic, KafkaSettings.Topics topics, double halfPipeline,
                                           double halfCeiling) throws Exception {
        Map<String, Long> signalSent = new ConcurrentHashMap<>();
        Map<String, Long> deadlines = new ConcurrentHashMap<>();
        Map<String, Long> signalMs = new ConcurrentHashMap<>();
        List<Long> lateMs = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> readAlerts(topics.alerts(), signalSent, deadlines, signalMs, lateMs, stop));
        reader.start();
        Map<String, Long> r = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // 1. at half the pipeline's rate, 2. at half the ceiling's, 10 s each, one probe every 100 records
            String halfPipelineProbes = "probe-hp-" + run + "-";
            String halfCeilingProbes = "probe-" + run + "-";
            loadWithProbes(producer, traffic, topics, halfPipeline, halfPipelineProbes, signalSent);
            awaitCommitted("bench-" + run + "-pipeline", topics.messages(), "drain", TimeUnit.MINUTES.toNanos(30));
            awaitSignals(halfPipelineProbes, signalSent, signalMs);
            loadWithProbes(producer, traffic, topics, halfCeiling, halfCeilingProbes, signalSent);
            // Let the pipeline drain the load first: a backlog would make breach probes stale on arrival.
            // (Signal probes that waited longer than their 1-minute target in the backlog are stale and
            // raise no signal: the latency figures then count only those that did.)
            awaitCommitted("bench-" + run + "-pipeline", topics.messages(), "drain", TimeUnit.MINUTES.toNanos(30));
            // 3. breach probes: complaints sent 55 s ago (1-minute target), deadlines spread over 5-10 s from now
            Instant now = Instant.now();
            for (int i = 0; i < probes; i++) {
                String conv = "late-" + run + "-" + i;
                Instant sentAt = now.minusSeconds(55).plusMillis(5000L * i / probes);
                deadlines.put(conv, sentAt.plusSeconds(60).toEpochMilli());
                producer.send(new ProducerRecord<>(topics.messages(), conv, traffic.complaint(conv, sentAt).value()));
            }
            producer.flush();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lateMs.size() < probes && System.nanoTime() < until) {
                progress("breaches", lateMs.size(), probes);
                Thread.sleep(100);
            }
            putSignals(r, "signal_hp", halfPipelineProbes, signalSent, signalMs);
            putSignals(r, "signal", halfCeilingProbes, signalSent, signalMs);
        } finally {
            stop.set(true);
            reader.join();
        }
        long[] l = sorted(lateMs);
        r.put("breach_p50", Percentiles.of(l, 50));
        r.put("breach_p99", Percentiles.of(l, 99));
        r.put("breaches_seen", (long) l.length);
        return r;
    }

    /** {@code rate} records a second for 10 s, one in 100 a signal probe in a conversation {@code probePrefix + i}. */
    private void loadWithProbes(KafkaProducer<String, byte[]> producer, BenchMessages traffic,
                                KafkaSettings.Topics topics, double rate, String probePrefix,
                                Map<String, Long> signalSent) {
        long start = System.nanoTime();
        long total = (long) (rate * 10);
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                // sleeps, not spins: on 2 cores a spinning load generator takes a core from the pipeline it measures
                LockSupport.parkNanos(wait);
            }
            if (i % 100 == 0) {
                String conv = probePrefix + i;
                signalSent.put(conv, System.currentTimeMillis());
                producer.send(new ProducerRecord<>(topics.messages(), conv, traffic.complaint(conv, Instant.now()).value()));
            } else {
                BenchMessages.Generated g = traffic.next(Instant.now());
                producer.send(new ProducerRecord<>(topics.messages(), g.key(), g.value()));
            }
            if (i % 20_000 == 0) {
                progress("latency", i, total);
            }
        }
        producer.flush();
    }

    /** Once the input is processed, its signal alerts are committed: waits (at most 10 s) until they are read. */
    private static void awaitSignals(String prefix, Map<String, Long> signalSent, Map<String, Long> signalMs)
            throws InterruptedException {
        long sent = signalSent.keySet().stream().filter(k -> k.startsWith(prefix)).count();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (signalMs.keySet().stream().filter(k -> k.startsWith(prefix)).count() < sent && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    private static void putSignals(Map<String, Long> r, String key, String prefix, Map<String, Long> signalSent,
                                   Map<String, Long> signalMs) {
        long[] s = signalMs.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue).sorted().toArray();
        putPercentiles(r, key, s);
        r.put(key + "s_seen", (long) s.length);
        r.put(key + "s_sent", signalSent.keySet().stream().filter(k -> k.startsWith(prefix)).count());
    }

    /** {@code prefix_p50}, {@code prefix_p99} and {@code prefix_max} of ascending values (-1 when none). */
    static void putPercentiles(Map<String, Long> r, String prefix, long[] sorted) {
        r.put(prefix + "_p50", Percentiles.of(sorted, 50));
        r.put(prefix + "_p99", Percentiles.of(sorted, 99));
        r.put(prefix + "_max", Percentiles.max(sorted));
    }



    private void readAlerts(String topic, Map<String, Long> signalSent, Map<String, Long> deadlines,
                            Map<String, Long> signalMs, List<Long> lateMs, AtomicBoolean stop) {
        try (KafkaConsumer<String, byte[]> c = BenchBurst.alertsConsumer(servers, topic)) {
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(50))) {
                    long received = System.currentTimeMillis();
                    Long sent = signalSent.get(r.key());
                    Long deadline = deadlines.get(r.key());
                    if (sent == null && deadline == null) {
                        continue;
                    }
                    Alert a = AlertJson.fromBytes(r.value());
                    if (sent != null && a.kind() == AlertKind.SIGNAL) {
                        signalMs.putIfAbsent(r.key(), received - sent);
                    } else if (deadline != null && a.kind() == AlertKind.BREACH) {
                        lateMs.add(received - deadline);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void report(double ceiling, double passthrough, double pipeline, Map<String, Long> lat, long heapPerOpen,
                        long open, ObjectNode burst) throws IOException {
        System.err.print("\r" + " ".repeat(70) + "\r");
        out.printf("%nreplyclock bench: %,d messages over %,d conversations, %d partitions, %s, %d cores, Java %s%n",
                messages, conversations, partitions, guarantee, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.printf("  ceiling (consumer + decode)   %,12.0f records/s%n", ceiling);
        out.printf("  Streams pass-through          %,12.0f records/s%n", passthrough);
        out.printf("  replyclock pipeline           %,12.0f records/s   %.2fx ceiling, %.2fx pass-through%n",
                pipeline, pipeline / ceiling, pipeline / passthrough);
        out.printf("  signal latency at half the pipeline's rate (%,.0f/s)  p50 %d ms  p99 %d ms  max %d ms  (%d of %d probes)%n",
                pipeline / 2, lat.get("signal_hp_p50"), lat.get("signal_hp_p99"), lat.get("signal_hp_max"),
                lat.get("signal_hps_seen"), lat.get("signal_hps_sent"));
        out.printf("  signal latency at half the ceiling's rate (%,.0f/s)   p50 %d ms  p99 %d ms  max %d ms  (%d of %d probes; the others went stale in the backlog)%n",
                ceiling / 2, lat.get("signal_p50"), lat.get("signal_p99"), lat.get("signal_max"),
                lat.get("signals_seen"), lat.get("signals_sent"));
        out.printf("  breach lateness (%,d probes, %,d open) p50 %d ms  p99 %d ms  (%d seen)%n", probes, open,
                lat.get("breach_p50"), lat.get("breach_p99"), lat.get("breaches_seen"));
        out.printf("  heap per open conversation    %,12d bytes%n", heapPerOpen);
        BenchDelivery.print(out, lat);
        if (burst.has("during")) {
            out.printf("  burst %d s at %,d/s between %d s at %,d/s: %d of %d probe alerts received (%d lost, %d repeated,"
                            + " %d stale: processed after their deadline)%n",
                    burst.get("burst_seconds").asInt(), burst.get("burst_records_per_s").asLong(),
                    burst.get("steady_seconds").asInt(), burst.get("steady_records_per_s").asLong(),
                    burst.get("alerts_received").asInt(), burst.get("alerts_expected").asInt(),
                    burst.get("alerts_lost").asInt(), burst.get("alerts_repeated").asInt(),
                    burst.get("alerts_stale").asInt());
            for (String phase : List.of("during", "after")) {
                var p = burst.get(phase);
                out.printf("    %-6s the burst: signal latency p50 %d ms p99 %d ms max %d ms; breach lateness p50 %d ms p99 %d ms max %d ms%n",
                        phase, p.get("signal_latency_ms").get("p50").asLong(), p.get("signal_latency_ms").get("p99").asLong(),
                        p.get("signal_latency_ms").get("max").asLong(), p.get("breach_lateness_ms").get("p50").asLong(),
                        p.get("breach_lateness_ms").get("p99").asLong(), p.get("breach_lateness_ms").get("max").asLong());
            }
        }
        out.flush();
        if (json != null) {
            ObjectMapper m = JsonMapper.builder().build();
            ObjectNode o = m.createObjectNode()
                    .put("messages", messages)
                    .put("guarantee", guarantee)
                    .put("ceiling_records_per_s", Math.round(ceiling))
                    .put("passthrough_records_per_s", Math.round(passthrough))
                    .put("pipeline_records_per_s", Math.round(pipeline))
                    .put("ratio", round(pipeline / ceiling))
                    .put("ratio_to_passthrough", round(pipeline / passthrough));
            o.putObject("signal_latency_ms").put("p50", lat.get("signal_p50")).put("p99", lat.get("signal_p99"))
                    .put("max", lat.get("signal_max"));
            o.putObject("signal_latency_at_half_pipeline_ms").put("p50", lat.get("signal_hp_p50"))
                    .put("p99", lat.get("signal_hp_p99")).put("max", lat.get("signal_hp_max"));
            BenchDelivery.json(o, lat); // the contract's delivery_latency_ms, and the extra keys beside it
            o.putObject("breach_lateness_ms").put("p50", lat.get("breach_p50")).put("p99", lat.get("breach_p99"));
            o.put("heap_bytes_per_open_conversation", heapPerOpen)
                    .put("cores", Runtime.getRuntime().availableProcessors())
                    .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            // Extra keys, beside the contract's:
            if (burst.has("during")) {
                o.set("burst", burst);
            }
            Files.writeString(json, m.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
        }
    }

    private BenchDelivery delivery() {
        return new BenchDelivery(servers, run, partitions, this::producer);
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String lastProgress = "";

    static synchronized void progress(String phase, long done, long total) {
        int width = 30;
        int filled = total == 0 ? width : (int) Math.min(width, done * width / total);
        String key = phase + filled;
        if (key.equals(lastProgress)) {
            return; // redraw only when the bar moves
        }
        lastProgress = key;
        System.err.printf("\r%-12s [%s%s] %3d%%", phase, "#".repeat(filled), " ".repeat(width - filled),
                total == 0 ? 100 : done * 100 / total);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static long[] sorted(List<Long> values) {
        synchronized (values) {
            return Percentiles.sorted(values);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
