package dev.replyclock.ingest.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.cli.Daemon;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Tier;
import dev.replyclock.testing.InProcessDaemon;
import dev.replyclock.testing.WebhookPayloads;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The webhook intake over real HTTP to the whole daemon on its embedded broker: WhatsApp and Chatwoot webhooks shaped
 * like the providers' documented examples, and the native contract. Time is a {@link MutableClock}; Awaitility waits
 * for the pipeline. The last test reads back every topic, the alerts and the logs of the whole run: the customer's
 * phone number is nowhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntakeIT {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration PIPELINE = Duration.ofSeconds(30);
    private static final String TOKEN = "ingest-token-0123456789abcdef";
    private static final String VERIFY_TOKEN = "verify-token-0123456789abcdef";
    private static final String APP_SECRET = "whatsapp-app-secret-0123456789ab";
    private static final String CHATWOOT_PATH_SECRET = "chatwoot-path-0123456789abcdef";
    private static final String CHATWOOT_SIGNING = "chatwoot-signing-0123456789abcd";
    /** Customers' numbers as WhatsApp sends them (wa_id): none may reach a topic, a log or an alert. */
    private static final List<String> NUMBERS = new ArrayList<>(List.of("33698765432")); // in the fixtures' contacts
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static MutableClock clock;
    private static Daemon daemon;
    private static Path alertsFile;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private static Level ourLevelBefore;

    @BeforeAll
    static void startDaemon() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(logging);
        logs.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
        ourLevelBefore = logging.getLogger("dev.replyclock").getLevel();
        logging.getLogger("dev.replyclock").setLevel(Level.TRACE);

        clock = new MutableClock(T0);
        alertsFile = work.resolve("alerts.jsonl");
        Map<String, String> settings = new HashMap<>(Map.of(
                "ingest.http.port", "0",
                "ingest.http.rate-limit", "1000",
                "ingest.http.token-file", secret("ingest-token", TOKEN),
                "ingest.whatsapp.verify-token-file", secret("verify-token", VERIFY_TOKEN),
                "ingest.whatsapp.app-secret-file", secret("app-secret", APP_SECRET),
                "ingest.chatwoot.token-file", secret("chatwoot-token", CHATWOOT_PATH_SECRET),
                "ingest.chatwoot.webhook-secret-file", secret("chatwoot-signing", CHATWOOT_SIGNING),
                "alerts.receivers", InProcessDaemon.logReceiver(alertsFile)));
        daemon = Daemon.start(ConfigLoader.builtIn(InProcessDaemon.settings(work, settings)), clock,
                new PrintStream(PrintStream.nullOutputStream()));
        await().atMost(Duration.ofSeconds(60)).until(() -> daemon.readiness().ready());
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
        logging.getLogger("dev.replyclock").setLevel(ourLevelBefore);
    }

    private static String secret(String name, String value) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, value + "\n");
        return file.toString();
    }

    /** A new customer's wa_id (a French mobile number without its '+'), remembered for the last test. */
    private static String newCustomer() {
        String waId = "336" + String.format("%08d", (int) (Math.random() * 100_000_000));
        NUMBERS.add(waId);
        return waId;
    }

    @Test
    @Order(1)
    void theIntakeMetricsExistAtZeroForEverySourceBeforeTheFirstWebhook() throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(daemon.httpBaseUrl()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String source : List.of("messages", "whatsapp", "chatwoot")) {
            for (String outcome : List.of("produced", "duplicate", "ignored", "invalid", "unauthorized", "too-large",
                    "rate-limited", "unavailable")) {
                assertTrue(metrics.contains("replyclock_intake_total{outcome=\"" + outcome + "\",source=\"" + source
                        + "\"}"), source + "/" + outcome);
            }
        }
    }

    @Test
    void theWhatsappHandshakeEchoesTheChallengeOnlyForTheVerifyToken() throws Exception {
        HttpResponse<String> ok = get("/ingest/whatsapp?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                + "&hub.challenge=1158201444");
        assertEquals(200, ok.statusCode());
        assertEquals("1158201444", ok.body());
        assertEquals(403, get("/ingest/whatsapp?hub.mode=subscribe&hub.verify_token=wrong-0123456789abcdef"
                + "&hub.challenge=1158201444").statusCode());
        assertEquals(403, get("/ingest/whatsapp?hub.challenge=1158201444").statusCode());
    }

    @Test
    void aWhatsappComplaintProducesASignalAndTheBusinessSentStatusClosesTheClock() throws Exception {
        String waId = newCustomer();
        String wamid = "wamid." + UUID.randomUUID();
        HttpResponse<String> in = whatsapp(WebhookPayloads.whatsappText(waId, wamid,
                "Bonjour, mon colis est arrivé cassé, le vase est en morceaux", clock.instant()));
        assertEquals(200, in.statusCode(), in.body());
        assertEquals(1, JSON.readTree(in.body()).path("produced").asInt());
        String conv = conversationOf("wa:" + wamid);
        ConversationAlert signal = awaitAlert(conv, AlertKind.SIGNAL);
        assertEquals(Tier.COMPLAINT, signal.tier());
        assertEquals("whatsapp", signal.channel());

        HttpResponse<String> delivered = whatsapp(WebhookPayloads.whatsappStatus(waId, "wamid.out-" + wamid,
                "delivered", clock.instant()));
        assertEquals(0, JSON.readTree(delivered.body()).path("produced").asInt(), "delivered says nothing new");
        assertEquals(200, whatsapp(WebhookPayloads.whatsappStatus(waId, "wamid.out-" + wamid, "sent",
                clock.instant().plusSeconds(20))).statusCode());
        assertClosedBeforeItsDeadline(conv, "the sent status closed the wait before its deadline");
    }

    @Test
    void aBadOrMissingSignatureGets401AndProducesNothing() throws Exception {
        String wamid = "wamid." + UUID.randomUUID();
        String body = WebhookPayloads.whatsappText(newCustomer(), wamid, "mon colis est arrivé cassé", clock.instant());
        assertEquals(401, post("/ingest/whatsapp", body, Map.of("X-Hub-Signature-256",
                "sha256=" + Hmac.sha256Hex("another-secret".getBytes(StandardCharsets.UTF_8),
                        body.getBytes(StandardCharsets.UTF_8)))).statusCode());
        assertEquals(401, post("/ingest/whatsapp", body, Map.of()).statusCode());
        String tampered = whatsappSignature(body);
        assertEquals(401, post("/ingest/whatsapp", body.replace("cassé", "CASSÉ"),
                Map.of("X-Hub-Signature-256", tampered)).statusCode());
        // A good message after them: once it is on the topic, the refused ones would be too.
        String marker = "wamid." + UUID.randomUUID();
        assertEquals(200, whatsapp(WebhookPayloads.whatsappText(newCustomer(), marker, "hello", clock.instant())).statusCode());
        conversationOf("wa:" + marker);
        assertTrue(messagesWithId("wa:" + wamid).isEmpty(), "a refused notification produced nothing");
    }

    @Test
    void aNotificationWithNothingUsableIsAcknowledged() throws Exception {
        for (String body : List.of("{\"object\": \"whatsapp_business_account\", \"entry\": []}", "not json at all")) {
            assertEquals(200, whatsapp(body).statusCode(), body);
        }
    }

    @Test
    void aChatwootIncomingOutgoingPairOpensAndClosesAWait() throws Exception {
        int conversation = (int) (Math.random() * 1_000_000);
        String conv = "chatwoot:5:" + conversation;
        HttpResponse<String> in = chatwoot(WebhookPayloads.chatwoot(5, conversation, conversation * 10 + 1, "incoming",
                false, "Ma commande est arrivée cassée, je demande un remboursement", "Channel::WebWidget", "returns",
                clock.instant()));
        assertEquals(200, in.statusCode(), in.body());
        ConversationAlert signal = awaitAlert(conv, AlertKind.SIGNAL);
        assertEquals("returns", signal.team());
        assertEquals("chat", signal.channel());
        assertEquals(200, chatwoot(WebhookPayloads.chatwoot(5, conversation, conversation * 10 + 2, "outgoing", true,
                "note: call the carrier", "Channel::WebWidget", "returns", clock.instant())).statusCode());
        assertEquals(200, chatwoot(WebhookPayloads.chatwoot(5, conversation, conversation * 10 + 3, "outgoing", false,
                "Toutes nos excuses, un remplacement part aujourd'hui", "Channel::WebWidget", "returns",
                clock.instant().plusSeconds(10))).statusCode());
        assertClosedBeforeItsDeadline(conv, "the agent's reply closed the wait, the private note did not");
    }

    @Test
    void chatwootWithoutThePathSecretOrWithABadSignatureGets401() throws Exception {
        String body = WebhookPayloads.chatwoot(5, 77, 771, "incoming", false, "hello", "Channel::Api", null, clock.instant());
        String ts = String.valueOf(clock.instant().getEpochSecond());
        Map<String, String> signed = Map.of("X-Chatwoot-Timestamp", ts, "X-Chatwoot-Signature", "sha256="
                + Hmac.sha256Hex(CHATWOOT_SIGNING.getBytes(StandardCharsets.UTF_8), (ts + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, post("/ingest/chatwoot", body, signed).statusCode(), "no path secret");
        assertEquals(401, post("/ingest/chatwoot/wrong-secret-0123456789", body, signed).statusCode());
        assertEquals(401, post("/ingest/chatwoot/" + CHATWOOT_PATH_SECRET, body, Map.of()).statusCode(), "unsigned");
        String old = String.valueOf(clock.instant().minus(Duration.ofMinutes(10)).getEpochSecond());
        assertEquals(401, post("/ingest/chatwoot/" + CHATWOOT_PATH_SECRET, body, Map.of("X-Chatwoot-Timestamp", old,
                "X-Chatwoot-Signature", "sha256=" + Hmac.sha256Hex(CHATWOOT_SIGNING.getBytes(StandardCharsets.UTF_8),
                        (old + "." + body).getBytes(StandardCharsets.UTF_8)))).statusCode(), "a stale signature");
        assertEquals(200, post("/ingest/chatwoot/" + CHATWOOT_PATH_SECRET, body, signed).statusCode());
    }

    @Test
    void aReplayedWebhookAddsNoWait() throws Exception {
        String waId = newCustomer();
        String wamid = "wamid." + UUID.randomUUID();
        String complaint = WebhookPayloads.whatsappText(waId, wamid, "le colis est arrivé cassé", clock.instant());
        assertEquals(1, JSON.readTree(whatsapp(complaint).body()).path("produced").asInt());
        HttpResponse<String> again = whatsapp(complaint);
        assertEquals(200, again.statusCode());
        assertEquals(1, JSON.readTree(again.body()).path("duplicates").asInt());
        String conv = conversationOf("wa:" + wamid);
        awaitAlert(conv, AlertKind.SIGNAL);
        whatsapp(WebhookPayloads.whatsappStatus(waId, "wamid.out-" + wamid, "sent", clock.instant().plusSeconds(5)));
        // Meta retries a notification it thinks undelivered, also after the reply: it must not open a new wait.
        assertEquals(200, whatsapp(complaint).statusCode());
        assertClosedBeforeItsDeadline(conv, "the wait was closed before its deadline");
        assertEquals(1, messagesWithId("wa:" + wamid).size(), "the message is on the topic once");
    }

    @Test
    void theNativeContractTakesJsonLinesAndReportsEachBadLine() throws Exception {
        String conv = "native-" + UUID.randomUUID();
        String good = "{\"messageId\": \"n-" + conv + "\", \"conversationId\": \"" + conv + "\", \"direction\": \"inbound\","
                + " \"channel\": \"sms\", \"from\": \"+33 6 11 22 33 44\", \"text\": \"URGENT: where is my order?\","
                + " \"sentAt\": \"" + clock.instant() + "\"}";
        NUMBERS.add("611223344");
        String body = good + "\n{\"messageId\": \"x\"}\nnot json\n";
        HttpResponse<String> answer = post("/ingest/messages", body, Map.of("Authorization", "Bearer " + TOKEN));
        assertEquals(400, answer.statusCode(), "a refused line fails the request, the good one is produced");
        JsonNode json = JSON.readTree(answer.body());
        assertEquals(1, json.path("produced").asInt());
        assertEquals(List.of(2, 3), List.of(json.path("errors").get(0).path("line").asInt(),
                json.path("errors").get(1).path("line").asInt()));
        assertEquals("missing-field", json.path("errors").get(0).path("reason").asText());
        assertEquals(Tier.URGENT, awaitAlert(conv, AlertKind.SIGNAL).tier());
        assertEquals(401, post("/ingest/messages", good, Map.of()).statusCode());
        assertEquals(403, post("/ingest/messages", good, Map.of("Authorization", "Bearer wrong-0123456789abcdef")).statusCode());
    }

    @Test
    void aBodyPastTheSizeLimitGets413() throws Exception {
        assertEquals(413, dev.replyclock.testing.AnnouncedPost.status(daemon.intakeBaseUrl() + "/ingest/messages",
                1_100_000, "Authorization: Bearer " + TOKEN));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noCustomerPhoneNumberIsOnAnyTopicInAnyLogOrAlert() throws Exception {
        assertFalse(NUMBERS.isEmpty());
        List<String> records = allRecordsOfAllTopics();
        assertTrue(records.size() > 10, "the run's records were read: " + records.size());
        String alerts = Files.readString(alertsFile);
        List<String> logLines = logs.list.stream().map(IntakeIT::render).toList();
        for (String number : NUMBERS) {
            String national = number.substring(number.length() - 9);
            for (String r : records) {
                assertFalse(r.contains(national), "a topic holds " + number + ": " + r);
            }
            assertFalse(alerts.contains(national), "an alert holds " + number);
            for (String line : logLines) {
                assertFalse(line.contains(national), "a log line holds " + number + ": " + line);
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /**
     * Past the complaint target, a conversation whose wait is still open breaches; one closed by a reply shows its
     * signal and the {@code closed} that resolves the signal's incident, and no breach. A marker complaint sent
     * now shows when everything sent before it has been processed.
     */
    private static void assertClosedBeforeItsDeadline(String conv, String why) throws Exception {
        String marker = markerComplaint();
        clock.advance(Duration.ofMinutes(2));
        awaitAlert(marker, AlertKind.BREACH);
        assertEquals(List.of(AlertKind.SIGNAL, AlertKind.CLOSED), kinds(conv), why);
    }

    /** A complaint in a conversation of its own, whose breach shows that what was sent before it was processed. */
    private static String markerComplaint() throws Exception {
        String waId = newCustomer();
        String wamid = "wamid.marker-" + UUID.randomUUID();
        whatsapp(WebhookPayloads.whatsappText(waId, wamid, "colis arrivé cassé", clock.instant()));
        String conv = conversationOf("wa:" + wamid);
        awaitAlert(conv, AlertKind.SIGNAL);
        return conv;
    }

    private static HttpResponse<String> whatsapp(String body) throws Exception {
        return post("/ingest/whatsapp", body, Map.of("X-Hub-Signature-256", whatsappSignature(body)));
    }

    private static String whatsappSignature(String body) {
        return "sha256=" + Hmac.sha256Hex(APP_SECRET.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> chatwoot(String body) throws Exception {
        String ts = String.valueOf(clock.instant().getEpochSecond());
        return post("/ingest/chatwoot/" + CHATWOOT_PATH_SECRET, body, Map.of("X-Chatwoot-Timestamp", ts,
                "X-Chatwoot-Delivery", UUID.randomUUID().toString(), "X-Chatwoot-Signature", "sha256="
                        + Hmac.sha256Hex(CHATWOOT_SIGNING.getBytes(StandardCharsets.UTF_8),
                        (ts + "." + body).getBytes(StandardCharsets.UTF_8))));
    }

    private static HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(daemon.intakeBaseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(daemon.intakeBaseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The conversation of a message on the messages topic, once it is there. */
    private static String conversationOf(String messageId) {
        return await().atMost(PIPELINE).until(() -> messagesWithId(messageId), l -> !l.isEmpty())
                .get(0).path("conversationId").asText();
    }

    private static List<JsonNode> messagesWithId(String messageId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : read(List.of("support.messages"))) {
            JsonNode m = JSON.readTree(r.value());
            if (messageId.equals(m.path("messageId").asText())) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<String> allRecordsOfAllTopics() throws Exception {
        List<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", daemon.bootstrapServers()))) {
            topics = List.copyOf(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
        }
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : read(topics)) {
            StringBuilder b = new StringBuilder(r.topic()).append(' ');
            b.append(r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8)).append(' ');
            b.append(r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8));
            for (Header h : r.headers()) {
                b.append(' ').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Every record of the topics, aborted transactions included, from the beginning to the current end. */
    private static List<ConsumerRecord<byte[], byte[]>> read(List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, daemon.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                for (PartitionInfo info : consumer.partitionsFor(t)) {
                    partitions.add(new TopicPartition(t, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + PIPELINE.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read the topics to their end");
                }
            }
        }
        return out;
    }

    private static List<AlertKind> kinds(String conv) throws Exception {
        return alertsOf(conv).stream().map(Alert::kind).toList();
    }

    private static ConversationAlert awaitAlert(String conv, AlertKind kind) {
        return await().atMost(PIPELINE).until(() -> alertsOf(conv).stream().filter(a -> a.kind() == kind).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static List<ConversationAlert> alertsOf(String conv) throws Exception {
        if (!Files.exists(alertsFile)) {
            return List.of();
        }
        List<ConversationAlert> out = new ArrayList<>();
        for (String line : Files.readAllLines(alertsFile, StandardCharsets.UTF_8)) {
            Alert a = AlertJson.fromBytes(line.getBytes(StandardCharsets.UTF_8));
            if (a instanceof ConversationAlert c && conv.equals(c.conversationId())) {
                out.add(c);
            }
        }
        return out;
    }

    private static String render(ILoggingEvent e) {
        StringBuilder b = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            b.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return b.toString();
    }
}
