package dev.replyclock.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.alert.DeliveryPolicy;
import dev.replyclock.alert.LogReceiver;
import dev.replyclock.alert.Notifier;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.kafka.StreamThreadFailures;
import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.model.MutableClock;
import dev.replyclock.ops.Liveness;
import dev.replyclock.ops.OpsHttpServer;
import dev.replyclock.ops.Readiness;
import dev.replyclock.ops.ReloadResult;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.privacy.ApiTokens;
import dev.replyclock.sla.SlaPolicy;
import dev.replyclock.testing.InProcessDaemon;
import dev.replyclock.testing.TestBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon that stopped working says so on {@code /health/live} and ends, instead of answering 200 forever
 * while nothing is processed: the Streams client in ERROR (threads that keep failing) or stopped unasked.
 */
class LivenessIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String baseUrl, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The non-replyclock metrics the rules and the dashboard query ({@code DeployFilesTest} checks replyclock_*). */
    private static java.util.Set<String> otherMetricsInRules() throws IOException {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String file : List.of("deploy/prometheus/replyclock-rules.yml", "deploy/grafana/dashboards/replyclock.json")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(?:kafka|process|jvm)_[a-z_]+")
                    .matcher(java.nio.file.Files.readString(Path.of(file)));
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    @Test
    void aStreamsClientWhoseThreadKeepsFailingGoesToErrorAndFailsTheLivenessProbe() throws Exception {
        String topic = "liveness-in";
        TopicSetup.ensure(broker.bootstrapServers(), Map.of(topic, 1), Duration.ofSeconds(60));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String())).foreach((k, v) -> {
            throw new IllegalStateException("a processor that throws on every record");
        });
        Properties p = broker.client();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "liveness-it");
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("streams").toString());
        // The failed thread does not leave the group: its replacement waits for the session to time out.
        p.put(StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        p.put(StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2000);
        List<StreamThreadExceptionResponse> responses = Collections.synchronizedList(new ArrayList<>());
        try (KafkaStreams streams = new KafkaStreams(builder.build(), p)) {
            // One replacement allowed: the replaced thread meets the same record and the client stops.
            streams.setUncaughtExceptionHandler(new StreamThreadFailures(1, Duration.ofMinutes(10), Clock.systemUTC(),
                    responses::add));
            try (OpsHttpServer ops = new OpsHttpServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    () -> new Readiness(true, "n/a"), () -> Liveness.judge(streams.state(), false, List.of()),
                    (ApiTokens) null, (id, by) -> { }, () -> ReloadResult.refused(List.of()), null)) {
                streams.start();
                assertEquals(200, get(ops.baseUrl(), "/health/live").statusCode());
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(broker.client(), new StringSerializer(),
                        new StringSerializer())) {
                    producer.send(new ProducerRecord<>(topic, "c-1", "poison")).get();
                }
                await().atMost(WAIT).until(() -> get(ops.baseUrl(), "/health/live").statusCode() == 503);
                await().atMost(WAIT).until(() -> streams.state() == KafkaStreams.State.ERROR); // via PENDING_ERROR
                assertEquals("{\"live\":false,\"reason\":\"the Streams client is ERROR\"}",
                        get(ops.baseUrl(), "/health/live").body());
                assertEquals(List.of(StreamThreadExceptionResponse.REPLACE_THREAD,
                        StreamThreadExceptionResponse.SHUTDOWN_CLIENT), List.copyOf(responses));
            }
        }
    }

    @Test
    void aReceiverWorkerWhosePollLoopEndedUnaskedIsReportedDeadUntilTheNotifierCloses() throws Exception {
        Notifier.Topics t = new Notifier.Topics("dead.alerts", "dead.undelivered", "dead.notifications");
        TopicSetup.ensure(broker.client(), Map.of(t.alerts(), 1, t.undelivered(), 1, t.notificationLog(), 1),
                Duration.ofSeconds(60), Map.of(t.notificationLog(), Map.of("cleanup.policy", "compact")));
        Notifier notifier = new Notifier(Notifier.Settings.of(broker.client(), "dead", t,
                new DeliveryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(1)),
                new ReplyclockMetrics(new SimpleMeterRegistry(), SlaPolicy.DEFAULT), Clock.systemUTC()),
                List.of(new LogReceiver("file", dir.resolve("alerts.jsonl").toString(), "json", System.out)));
        try {
            notifier.start();
            await().atMost(WAIT).until(notifier::isConsuming);
            assertEquals(List.of(), notifier.deadWorkers());
            // A wakeup nobody asked for ends the worker's poll loop, as an escaped exception would.
            notifier.consumers().get(0).wakeup();
            await().atMost(WAIT).until(() -> !notifier.deadWorkers().isEmpty());
            assertEquals(List.of("replyclock-deliver-file"), notifier.deadWorkers());
            Liveness l = Liveness.judge(KafkaStreams.State.RUNNING, false, notifier.deadWorkers());
            assertEquals(new Liveness(false, "thread(s) ended on an error: replyclock-deliver-file"), l);
        } finally {
            notifier.close();
        }
        assertEquals(List.of(), notifier.deadWorkers(), "a closed notifier's workers ended on purpose");
    }

    @Test
    void aDaemonWhoseStreamsClientStoppedUnaskedIsNotLiveAndRunExitsWithCodeThreeAfterTheGracePeriod() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
        ReplyclockConfig cfg = ConfigLoader.builtIn(InProcessDaemon.settings(dir, Map.of("health.dead-exit-after", "30s")));
        Daemon daemon = Daemon.start(cfg, clock, new PrintStream(PrintStream.nullOutputStream()));
        try {
            String base = daemon.httpBaseUrl();
            await().atMost(WAIT).until(() -> get(base, "/health/ready").statusCode() == 200);
            assertEquals(200, get(base, "/health/live").statusCode());
            String scrape = get(base, "/metrics").body();
            assertTrue(scrape.contains("replyclock_live 1.0"), "replyclock_live");
            await().atMost(WAIT).until(() -> get(base, "/metrics").body().contains("replyclock_input_lag_records 0.0"));
            assertTrue(otherMetricsInRules().stream().allMatch(scrape::contains),
                    "the rules' Kafka and process metrics are exported: " + otherMetricsInRules());
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return RunCommand.awaitStopOrDeath(daemon, cfg.health().deadExitAfter(), clock, new CountDownLatch(1),
                            new PrintWriter(err, true));
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            });

            daemon.streams().close(Duration.ofSeconds(30)); // not through Daemon.close: as if it had died

            await().atMost(WAIT).until(() -> get(base, "/health/live").statusCode() == 503);
            assertEquals("{\"live\":false,\"reason\":\"the Streams client is NOT_RUNNING\"}", get(base, "/health/live").body());
            assertTrue(get(base, "/metrics").body().contains("replyclock_live 0.0"));
            assertFalse(run.isDone(), "within the grace period");
            // The watchdog looks once a second, and its first look at the dead client starts the grace period (its
            // timing is DeadExitWatchdogTest's): on a loaded machine one advance could come before that look and be
            // lost, so the clock moves past the grace period again until the run has returned.
            await().atMost(WAIT).until(() -> {
                clock.advance(Duration.ofSeconds(30));
                return run.isDone();
            });
            assertEquals(Main.EXIT_DEAD, run.get(30, TimeUnit.SECONDS));
            assertTrue(err.toString().contains("the Streams client is NOT_RUNNING"), err.toString());
        } finally {
            daemon.close();
        }
        assertTrue(daemon.liveness().live(), "a daemon we closed ourselves is not reported dead");
    }
}
