package dev.replyclock.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.cli.Daemon;
import dev.replyclock.cli.Main;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.TeamAlert;
import dev.replyclock.model.Tier;
import dev.replyclock.testing.InProcessDaemon;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon on a real embedded broker: records in, alerts out at a receiver, poison to the dead-letter
 * topic, metrics and readiness over HTTP. Time is a {@link MutableClock}: deadlines are reached by advancing
 * it; Awaitility only waits for the asynchronous pipeline.
 */
class PipelineIT {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final String API_TOKEN = "test-token-0123456789abcdef";

    @TempDir
    static Path work;

    private static MutableClock clock;
    private static Daemon daemon;
    private static ReplyclockConfig config;
    private static Path alertsFile;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startDaemon() throws Exception {
        clock = new MutableClock(T0);
        alertsFile = work.resolve("alerts.jsonl");
        Path tokenFile = work.resolve("api-token");
        Files.writeString(tokenFile, API_TOKEN + "\n");
        config = ConfigLoader.builtIn(InProcessDaemon.settings(work, Map.of(
                "http.api-token-file", tokenFile.toString(),
                "sla.escalation.every", "5m",
                "alerts.receivers", InProcessDaemon.logReceiver(alertsFile))));
        daemon = Daemon.start(config, clock, new PrintStream(PrintStream.nullOutputStream()));
        producer = InProcessDaemon.producer(daemon);
        await().atMost(Duration.ofSeconds(60)).until(() -> daemon.readiness().ready());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void complaintGoesFromSignalThroughBreachAndEscalationToResolved() throws Exception {
        String conv = "conv-" + UUID.randomUUID();
        send(conv, message(conv, "inbound", "Bonjour, mon colis est arrivé cassé.", clock.instant()));
        ConversationAlert signal = awaitAlert(conv, AlertKind.SIGNAL);
        assertEquals(Tier.COMPLAINT, signal.tier());
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), signal.deadline(), "complaint target is 1 minute");
        assertTrue(!signal.signals().isEmpty(), "the signal says why it fired");

        clock.advance(Duration.ofSeconds(48));
        awaitAlert(conv, AlertKind.WARNING);
        clock.advance(Duration.ofSeconds(12));
        Alert breach = awaitAlert(conv, AlertKind.BREACH);
        assertEquals(signal.deadline(), breach.deadline());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, awaitAlert(conv, AlertKind.ESCALATION).level());
        assertTrue(scrape().contains("replyclock_escalations_total{level=\"1\",tier=\"complaint\"}"));

        send(conv, message(conv, "outbound", "Désolés, un remplacement part aujourd'hui.", clock.instant()));
        awaitAlert(conv, AlertKind.RESOLVED);
        assertEquals(1, alertsOf(conv).stream().filter(a -> a.kind() == AlertKind.BREACH).count(),
                "each alert is delivered once");
    }

    @Test
    void staffReplyBeforeTheDeadlineStopsTheClock() throws Exception {
        String conv = "conv-" + UUID.randomUUID();
        String other = "conv-" + UUID.randomUUID();
        send(conv, message(conv, "inbound", "This is urgent, where is my order?", clock.instant()));
        awaitAlert(conv, AlertKind.SIGNAL);
        send(conv, message(conv, "outbound", "It left the warehouse this morning.", clock.instant()));
        // A marker conversation in the same run shows when the reply has been processed.
        send(other, message(other, "inbound", "The item arrived broken", clock.instant()));
        awaitAlert(other, AlertKind.SIGNAL);
        clock.advance(Duration.ofMinutes(6));
        awaitAlert(other, AlertKind.BREACH);
        List<ConversationAlert> alerts = alertsOf(conv);
        assertEquals(List.of(AlertKind.SIGNAL, AlertKind.CLOSED), alerts.stream().map(Alert::kind).toList(),
                "no warning or breach; the signal's incident is closed by the reply");
        assertEquals(Alert.CLOSED_REPLIED, alerts.get(1).reason());
        assertEquals(alerts.get(0).deadline(), alerts.get(1).deadline(), "the same incident");
    }

    @Test
    void acknowledgementOverHttpStopsTheLadderButNotTheMeasurement() throws Exception {
        String conv = "conv-" + UUID.randomUUID();
        String marker = "conv-" + UUID.randomUUID();
        send(conv, message(conv, "inbound", "Le colis est arrivé cassé", clock.instant()));
        awaitAlert(conv, AlertKind.SIGNAL);
        assertEquals(401, post("/api/conversations/" + conv + "/ack", null).statusCode());
        assertEquals(403, post("/api/conversations/" + conv + "/ack", "wrong-token-0123456789").statusCode());
        HttpResponse<String> ack = request("POST", "/api/conversations/" + conv + "/ack", "{\"by\": \"alice\"}", API_TOKEN);
        assertEquals(202, ack.statusCode(), ack.body());
        // The marker, sent after the ack on the same path, shows when the ack has been processed.
        send(marker, message(marker, "inbound", "The parcel arrived damaged", clock.instant()));
        awaitAlert(marker, AlertKind.SIGNAL);
        clock.advance(Duration.ofMinutes(2));
        awaitAlert(marker, AlertKind.BREACH);
        List<ConversationAlert> afterAck = alertsOf(conv);
        assertEquals(List.of(AlertKind.SIGNAL, AlertKind.ACKNOWLEDGED), afterAck.stream().map(Alert::kind).toList(),
                "the ack tells the receivers; no warning, breach or escalation after it");
        assertEquals("alice", afterAck.get(1).ackedBy());
        send(conv, message(conv, "outbound", "Un remplacement part demain.", clock.instant()));
        await().atMost(PIPELINE).until(() -> scrape().contains(
                "replyclock_replies_total{tier=\"complaint\",within_target=\"false\"}"));
        ConversationAlert closed = awaitAlert(conv, AlertKind.CLOSED);
        assertEquals("alice", closed.ackedBy(), "who took it is shown on the later alerts");
    }

    @Test
    void aSilenceMutesMatchingAlertsUntilDeleted() throws Exception {
        String muted = "conv-" + UUID.randomUUID();
        String marker = "conv-" + UUID.randomUUID();
        assertEquals(401, request("POST", "/api/silences", "{}", null).statusCode());
        assertEquals(400, request("POST", "/api/silences", "{\"matchers\": {\"tier\": \"complaint\"}}", API_TOKEN)
                .statusCode(), "a silence without an end is refused");
        HttpResponse<String> created = request("POST", "/api/silences",
                "{\"matchers\": {\"conversationId\": \"" + muted + "\"}, \"duration\": \"2h\", \"comment\": \"test\"}",
                API_TOKEN);
        assertEquals(201, created.statusCode(), created.body());
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).get("id").asText();
        assertTrue(request("GET", "/api/silences", null, API_TOKEN).body().contains(id));

        send(muted, message(muted, "inbound", "Le colis est arrivé cassé", clock.instant()));
        send(marker, message(marker, "inbound", "Le colis est arrivé cassé", clock.instant()));
        awaitAlert(marker, AlertKind.SIGNAL);
        await().atMost(PIPELINE).until(() -> scrape().contains("replyclock_silenced_total{receiver=\"file\"}"));
        assertEquals(List.of(), alertsOf(muted), "silenced alerts are counted, not sent");

        assertEquals(200, request("DELETE", "/api/silences/" + id, null, API_TOKEN).statusCode());
        assertEquals(404, request("DELETE", "/api/silences/" + id, null, API_TOKEN).statusCode());
        clock.advance(Duration.ofMinutes(2));
        awaitAlert(muted, AlertKind.BREACH);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAsARedactedPreviewAndTheNextRecordIsProcessed() throws Exception {
        producer.send(new ProducerRecord<>(config.kafka().topics().messages(), "poison",
                "{not json, call +33 6 12 34 56 78".getBytes(StandardCharsets.UTF_8))).get();
        String conv = "conv-" + UUID.randomUUID();
        send(conv, message(conv, "inbound", "URGENT please", clock.instant()));
        awaitAlert(conv, AlertKind.SIGNAL);

        try (KafkaConsumer<byte[], byte[]> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, daemon.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            dlq.subscribe(List.of(config.kafka().topics().deadLetter()));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().atMost(PIPELINE).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(r -> {
                    if ("poison".equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            ConsumerRecord<byte[], byte[]> dead = found.get(0);
            assertEquals("{\"preview\":\"{not json, call [phone]\",\"bytes\":33}",
                    new String(dead.value(), StandardCharsets.UTF_8), "only a redacted preview of what did not decode");
            assertEquals("{not json, call [phone]", header(dead, "replyclock.dlq.preview"), "a redacted preview");
            assertEquals("not-json", header(dead, "replyclock.dlq.reason"));
            assertEquals(config.kafka().topics().messages(), header(dead, "replyclock.dlq.topic"));
            assertTrue(header(dead, "replyclock.dlq.offset").matches("\\d+"));
        }
        assertTrue(scrape().contains("replyclock_dead_letters_total{reason=\"not-json\"}"));
    }

    @Test
    void sendCommandProducesValidLinesAndReportsInvalidOnesByLineNumber() throws Exception {
        String conv = "conv-" + UUID.randomUUID();
        Path input = work.resolve("send-" + conv + ".jsonl");
        Files.write(input, List.of(
                new String(message(conv, "inbound", "Where is my order? I need it before Saturday", clock.instant()),
                        StandardCharsets.UTF_8),
                "{\"messageId\": \"x\"}",
                "not json at all"), StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setErr(new PrintWriter(err))
                .execute("send", "--bootstrap", daemon.bootstrapServers(), input.toString());
        assertEquals(1, exit, "some lines were skipped");
        assertTrue(err.toString().contains("line 2: skipped: missing field 'conversationId'"), err.toString());
        assertTrue(err.toString().contains("line 3: skipped: not valid JSON"), err.toString());
        assertTrue(err.toString().contains("sent 1 message(s)"), err.toString());
        assertEquals(Tier.URGENT, awaitAlert(conv, AlertKind.SIGNAL).tier());
    }

    @Test
    void metricsAndReadinessAreServedOverHttp() throws Exception {
        String conv = "conv-" + UUID.randomUUID();
        send(conv, message(conv, "inbound", "Quel est le prix de la lampe ?", clock.instant()));
        send(conv, message(conv, "outbound", "Elle coûte 35 €.", clock.instant().plusSeconds(30)));
        await().atMost(PIPELINE).until(() -> scrape().contains("replyclock_reply_time_seconds_count{channel=\"chat\",clock=\"first\",tier=\"standard\"}"));
        String metrics = scrape();
        for (String name : List.of("replyclock_messages_total{channel=\"chat\",direction=\"inbound\",tier=\"standard\"}",
                "replyclock_alerts_total", "replyclock_reply_time_seconds_bucket",
                "replyclock_replies_total{tier=\"standard\",within_target=\"true\"}", "replyclock_deadline_lateness_seconds", "replyclock_deadline_index_size",
                "replyclock_delivery_queue_depth{receiver=\"file\"}", "replyclock_delivery_latency_seconds_count{receiver=\"file\"}",
                "replyclock_receiver_circuit_state{receiver=\"file\",state=\"closed\"} 1.0",
                "replyclock_inhibited_total{receiver=\"file\"}", "replyclock_grouped_alerts_total{receiver=\"file\"}",
                "replyclock_open_conversations{tier=\"complaint\"}", "jvm_memory_used_bytes", "kafka_stream_")) {
            assertTrue(metrics.contains(name), "missing " + name);
        }
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals(200, get("/health/live").statusCode());
    }

    @Test
    void aTeamOverloadReachesTheAlertsTheOverloadTopicAndTheMetrics() throws Exception {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        int threshold = config.teams().overloadThreshold();
        for (int i = 0; i < threshold; i++) {
            String conv = "conv-" + UUID.randomUUID();
            String json = new String(message(conv, "inbound", "Le colis est arrivé cassé", clock.instant()),
                    StandardCharsets.UTF_8);
            send(conv, (json.substring(0, json.length() - 1) + ",\"team\":\"" + team + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (KafkaConsumer<String, byte[]> overload = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, daemon.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-overload-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            overload.subscribe(List.of(config.kafka().topics().overload()));
            List<Alert> found = new ArrayList<>();
            await().atMost(PIPELINE).until(() -> {
                for (ConsumerRecord<String, byte[]> r : overload.poll(Duration.ofMillis(200))) {
                    if (team.equals(r.key())) {
                        found.add(AlertJson.fromBytes(r.value()));
                    }
                }
                return !found.isEmpty();
            });
            Alert state = found.get(0);
            assertEquals(AlertKind.OVERLOAD, state.kind());
            assertEquals(1, state.level());
            assertEquals(team, state.team());
            assertEquals(threshold, ((TeamAlert) state).conversations().size());
        }
        // The team is not named in the config: its label is "other" (a producer's team names never become labels).
        await().atMost(PIPELINE).until(() -> scrape().contains("replyclock_team_overloaded{team=\"other\"} 1.0"));
        await().atMost(PIPELINE).until(() -> Files.readAllLines(alertsFile, StandardCharsets.UTF_8).stream()
                .anyMatch(l -> l.contains("\"kind\":\"overload\"") && l.contains("\"team\":\"" + team + "\"")));
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static byte[] message(String conv, String direction, String text, Instant sentAt) {
        return ("{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\"" + conv + "\",\"direction\":\""
                + direction + "\",\"channel\":\"chat\",\"from\":\"+33612345678\",\"text\":\"" + text
                + "\",\"sentAt\":\"" + sentAt.atOffset(ZoneOffset.ofHours(1)) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(config.kafka().topics().messages(), key, value)).get();
    }

    private static ConversationAlert awaitAlert(String conv, AlertKind kind) {
        return await().atMost(PIPELINE).until(() -> alertsOf(conv).stream().filter(a -> a.kind() == kind).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static List<ConversationAlert> alertsOf(String conv) {
        try {
            if (!Files.exists(alertsFile)) {
                return List.of();
            }
            List<ConversationAlert> out = new ArrayList<>();
            for (String line : Files.readAllLines(alertsFile, StandardCharsets.UTF_8)) {
                Alert a = AlertJson.fromBytes(line.getBytes(StandardCharsets.UTF_8));
                if (a instanceof ConversationAlert c && conv.equals(c.conversationId())) { // not a team alert
                    out.add(c);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> request(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(daemon.httpBaseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(daemon.httpBaseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scrape() throws Exception {
        return get("/metrics").body();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(daemon.httpBaseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
