package dev.replyclock.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.alert.DeliveryPolicy;
import dev.replyclock.alert.Notifier;
import dev.replyclock.alert.WebhookReceiver;
import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.sla.SlaPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The bench's delivery latency runs (also alone: {@code bench --delivery-only}): alert record -> accepted by a
 * local webhook through the real notifier, three times in fresh topics and groups: the healthy webhook alone,
 * beside a receiver that never answers, and a webhook that refuses every 5th call.
 */
final class BenchDelivery {

    private static final int DELIVERY_ALERTS = 2000;
    private static final int DELIVERY_WARMUP = 2000;

    private final String servers;
    private final String run;
    private final int partitions;
    private final Supplier<KafkaProducer<String, byte[]>> producers;

    BenchDelivery(String servers, String run, int partitions, Supplier<KafkaProducer<String, byte[]>> producers) {
        this.servers = servers;
        this.run = run;
        this.partitions = partitions;
        this.producers = producers;
    }

    /** The receivers of a delivery run. */
    private enum DeliveryCase {
        /** The healthy webhook alone. */
        ALONE,
        /** Beside a receiver whose every call times out. */
        BESIDE_DEAD,
        /** The webhook itself answers 503 to every 5th call (20 %); measured over the alerts its first call took. */
        FLAKY
    }

    /**
     * The delivery latency three times, in fresh topics and groups each time: the healthy webhook alone, beside
     * a receiver that never answers, and a webhook that refuses every 5th call.
     */
    Map<String, Long> latencies() throws Exception {
        Map<String, Long> r = new HashMap<>();
        putDelivery(r, "delivery", deliveryLatency("delivery", DeliveryCase.ALONE));
        putDelivery(r, "delivery_dead", deliveryLatency("delivery-dead", DeliveryCase.BESIDE_DEAD));
        putDelivery(r, "delivery_flaky", deliveryLatency("delivery-flaky", DeliveryCase.FLAKY));
        return r;
    }

    private static void putDelivery(Map<String, Long> r, String prefix, long[] sorted) {
        BenchCommand.putPercentiles(r, prefix, sorted);
        r.put(prefix + "_seen", (long) sorted.length);
    }

    /** The delivery figures' JSON keys (the contract's and the extra ones), as the full run and {@code --delivery-only} write them. */
    static void json(ObjectNode o, Map<String, Long> lat) {
        o.putObject("delivery_latency_ms").put("p50", lat.get("delivery_p50")).put("p99", lat.get("delivery_p99"));
        o.putObject("delivery_latency_with_dead_receiver_ms").put("p50", lat.get("delivery_dead_p50"))
                .put("p99", lat.get("delivery_dead_p99"));
        o.putObject("delivery_latency_with_flaky_receiver_ms").put("p50", lat.get("delivery_flaky_p50"))
                .put("p99", lat.get("delivery_flaky_p99"));
    }

    static void print(PrintWriter out, Map<String, Long> lat) {
        out.printf("  delivery latency (200/s)      p50 %d ms  p99 %d ms  max %d ms  (%d of %d alerts, local webhook)%n",
                lat.get("delivery_p50"), lat.get("delivery_p99"), lat.get("delivery_max"), lat.get("delivery_seen"),
                DELIVERY_ALERTS);
        out.printf("    beside a dead receiver      p50 %d ms  p99 %d ms  max %d ms  (%d of %d alerts; the other receiver times out on every call)%n",
                lat.get("delivery_dead_p50"), lat.get("delivery_dead_p99"), lat.get("delivery_dead_max"),
                lat.get("delivery_dead_seen"), DELIVERY_ALERTS);
        out.printf("    flaky receiver (503 1 in 5) p50 %d ms  p99 %d ms  max %d ms  (%d of %d alerts: those its first call took)%n",
                lat.get("delivery_flaky_p50"), lat.get("delivery_flaky_p99"), lat.get("delivery_flaky_max"),
                lat.get("delivery_flaky_seen"), DELIVERY_ALERTS);
    }

    /**
     * Alert record -> accepted by a healthy local webhook receiver, through the real notifier, at 200 alerts/s
     * for 10 s (the load the delivery issue names); {@link DeliveryCase#BESIDE_DEAD}: with a second receiver
     * whose server accepts connections and never answers, so that every call to it times out;
     * {@link DeliveryCase#FLAKY}: the webhook answers 503 to every 5th call, and only the alerts its first call
     * took are measured (the others wait for their retry by design).
     */
    private long[] deliveryLatency(String name, DeliveryCase deliveryCase) throws Exception {
        String prefix = "bench-" + run + "." + name;
        Notifier.Topics t = new Notifier.Topics(prefix + ".alerts", prefix + ".undelivered", prefix + ".notifications");
        TopicSetup.ensure(servers, Map.of(t.alerts(), partitions, t.undelivered(), 1, t.notificationLog(), 1),
                Duration.ofSeconds(60));
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Set<String> accepted = ConcurrentHashMap.newKeySet();
        java.util.Set<String> firstCallRefused = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            long now = System.currentTimeMillis();
            try {
                Alert a = AlertJson.fromBytes(body);
                if (deliveryCase == DeliveryCase.FLAKY && calls.incrementAndGet() % 5 == 0) {
                    firstCallRefused.add(a.id()); // a retry's 503 changes nothing: it was refused before
                    ex.sendResponseHeaders(503, -1);
                    ex.close();
                    return;
                }
                if (accepted.add(a.id()) && !firstCallRefused.contains(a.id())) {
                    latencies.add(now - a.createdAt().toEpochMilli());
                }
            } catch (IOException e) {
                // not an alert: not counted
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        hook.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        hook.start();
        SilentServer dead = deliveryCase == DeliveryCase.BESIDE_DEAD ? new SilentServer() : null;
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Properties client = new Properties();
        client.put("bootstrap.servers", servers);
        List<dev.replyclock.alert.Receiver> receivers = new ArrayList<>();
        receivers.add(new WebhookReceiver("bench-hook",
                java.net.URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/"), secret,
                Duration.ofSeconds(5), Clock.systemUTC()));
        if (dead != null) {
            receivers.add(new WebhookReceiver("bench-dead", java.net.URI.create("http://127.0.0.1:" + dead.port() + "/"),
                    secret, Duration.ofSeconds(2), Clock.systemUTC()));
        }
        Notifier notifier = new Notifier(Notifier.Settings.of(client, "bench-" + run + "-" + name, t,
                DeliveryPolicy.DEFAULT, new ReplyclockMetrics(new SimpleMeterRegistry(), SlaPolicy.DEFAULT),
                Clock.systemUTC()), receivers);
        notifier.start();
        // A running daemon's notifier has joined its groups long before an alert comes: measure from there,
        // not from the join (the first alerts of the old measurement waited for it; how much of its p99 that
        // was is not measured).
        awaitAssigned(receivers.stream().map(rc -> "bench-" + run + "-" + name + "-notifier-" + rc.name()).toList(),
                t.alerts());
        try (KafkaProducer<String, byte[]> producer = producers.get()) {
            // Warm up as a running daemon is warm (JIT, HTTP connections, producer metadata): the same load for
            // 2 s, delivered and then forgotten. The measured alerts come after it.
            sendAlerts(producer, t.alerts(), name + "-warmup", DELIVERY_WARMUP, accepted);
            latencies.clear();
            accepted.clear();
            sendAlerts(producer, t.alerts(), name, DELIVERY_ALERTS, accepted);
        } finally {
            notifier.close();
            hook.stop(0);
            if (dead != null) {
                dead.close();
            }
        }
        return BenchCommand.sorted(latencies);
    }

    /** {@code count} alerts at 200 a second, then waits (at most 30 s) until the webhook has accepted them all. */
    private void sendAlerts(KafkaProducer<String, byte[]> producer, String topic, String name, int count,
                            java.util.Set<String> accepted) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * 5_000_000L; // 200 a second
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            Instant now = Instant.now();
            ConversationAlert a = Alert.about(name + "-" + i).kind(AlertKind.SIGNAL)
                    .tier(dev.replyclock.model.Tier.COMPLAINT).channel("chat").openedAt(now)
                    .deadline(now.plusSeconds(60)).createdAt(now).build();
            producer.send(new ProducerRecord<>(topic, a.conversationId(), AlertJson.toBytes(a)));
            if (i % 200 == 0) {
                BenchCommand.progress(name, i, count);
            }
        }
        producer.flush();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (accepted.size() < count && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    /** Waits until every group has a member owning every partition of the topic. */
    private void awaitAssigned(List<String> groups, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            while (System.nanoTime() < deadline) {
                try {
                    boolean all = admin.describeConsumerGroups(groups).all().get().values().stream().allMatch(g ->
                            g.members().stream().mapToLong(m -> m.assignment().topicPartitions().stream()
                                    .filter(tp -> tp.topic().equals(topic)).count()).sum() == partitions);
                    if (all) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                        throw e;
                    }
                    // not created yet: its first member is still joining
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the notifier's groups " + groups + " got no assignment within 60 s");
    }
}
