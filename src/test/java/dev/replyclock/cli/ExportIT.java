package dev.replyclock.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.testing.InProcessDaemon;
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
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/export on the running daemon: the open conversations come out of the Streams state store
 * (interactive queries), answered ones do not, and nothing of the customer (text, phone number, pseudonym)
 * is in it.
 */
class ExportIT {

    private static final String TOKEN = "export-it-token-0123456789";
    private static final String PHONE = "+33 6 12 34 56 78";

    @TempDir
    Path work;

    @Test
    void exportListsOpenConversationsWithoutCustomerData() throws Exception {
        Files.writeString(work.resolve("token"), TOKEN);
        String secret = AdminTotp.newSecret();
        Files.writeString(work.resolve("totp"), secret + "\n");
        Path file = work.resolve("replyclock.yaml");
        Path alerts = work.resolve("alerts.jsonl");
        Files.writeString(file, InProcessDaemon.configFile(work,
                "http.api-token-file: " + work.resolve("token"),
                "http.admin-totp-file: " + work.resolve("totp"),
                "alerts.receivers: " + InProcessDaemon.logReceiver(alerts)));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:10Z"));
        AdminTotp app = new AdminTotp(secret, clock);
        try (Daemon daemon = Daemon.start(ConfigLoader.load(file, Map.of()), file, clock,
                new PrintStream(PrintStream.nullOutputStream()));
             KafkaProducer<String, byte[]> producer = InProcessDaemon.producer(daemon)) {
            Instant now = clock.instant();
            send(producer, "c-broken", "inbound", "Bonjour, le colis est arrivé CASSÉ, appelez-moi au " + PHONE, null, now);
            send(producer, "c-urgent", "inbound", "This is urgent, where is my order?", "returns", now);
            send(producer, "c-answered", "inbound", "Mon colis est arrivé cassé !", null, now);
            awaitSignal(alerts, "c-broken");
            awaitSignal(alerts, "c-urgent");
            awaitSignal(alerts, "c-answered");
            send(producer, "c-answered", "outbound", "Sorry, we send a new one", null, now.plusSeconds(5));
            await().atMost(Duration.ofSeconds(30)).until(() -> daemon.registry().find("replyclock.replies").counters()
                    .stream().mapToDouble(c -> c.count()).sum() >= 1);

            assertEquals(401, export(daemon, TOKEN, null).statusCode(), "the token alone is not enough");
            HttpResponse<String> r = export(daemon, TOKEN, app.codeAt(clock.instant()));
            assertEquals(200, r.statusCode(), r.body());
            Map<String, JsonNode> byId = new HashMap<>();
            for (String line : r.body().split("\n")) {
                JsonNode n = new ObjectMapper().readTree(line);
                byId.put(n.path("conversationId").asText(), n);
            }
            assertEquals(java.util.Set.of("c-broken", "c-urgent"), byId.keySet(), "open ones only: " + r.body());
            JsonNode broken = byId.get("c-broken");
            assertEquals("complaint", broken.path("tier").asText());
            assertEquals("chat", broken.path("channel").asText());
            assertEquals("default", broken.path("policy").asText());
            assertEquals(now.toString(), broken.path("openedAt").asText());
            assertEquals(now.plus(Duration.ofMinutes(1)).toString(), broken.path("deadline").asText());
            assertEquals("running", broken.path("stage").asText());
            assertEquals(0, broken.path("escalations").asInt());
            assertFalse(broken.path("acked").asBoolean());
            assertEquals("damage", broken.path("signals").get(0).path("family").asText());
            assertEquals("returns", byId.get("c-urgent").path("team").asText());
            assertEquals("urgent", byId.get("c-urgent").path("tier").asText());

            // The signals name the rule terms that matched (as alerts do), never the message around them.
            for (String personal : new String[] {"Bonjour", "arrivé", "appelez", "+33", "612345678", "cust_"}) {
                assertFalse(r.body().contains(personal), "no customer data (" + personal + ") in " + r.body());
            }

            // One conversation's state, from the store by its key: the same fields; a closed one is not open.
            dev.replyclock.testing.ApiCalls api = new dev.replyclock.testing.ApiCalls(daemon.httpBaseUrl());
            HttpResponse<String> one = api.call("GET", "/api/conversations/c-broken", TOKEN, null);
            assertEquals(200, one.statusCode(), one.body());
            assertEquals(broken, new ObjectMapper().readTree(one.body()));
            assertEquals(404, api.call("GET", "/api/conversations/c-answered", TOKEN, null).statusCode());
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String conv, String direction, String text,
                             String team, Instant at) throws Exception {
        ObjectMapper json = new ObjectMapper();
        var m = json.createObjectNode().put("messageId", conv + "-" + direction).put("conversationId", conv)
                .put("direction", direction).put("channel", "chat").put("from", PHONE).put("text", text)
                .put("sentAt", at.toString());
        if (team != null) {
            m.put("team", team);
        }
        producer.send(new ProducerRecord<>("support.messages", conv, json.writeValueAsBytes(m))).get();
    }

    private static void awaitSignal(Path alerts, String conv) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (!Files.exists(alerts)) {
                return false;
            }
            for (String line : Files.readAllLines(alerts)) {
                Alert a = AlertJson.fromBytes(line.getBytes(StandardCharsets.UTF_8));
                if (a instanceof ConversationAlert c && c.conversationId().equals(conv)
                        && a.kind() == AlertKind.SIGNAL) {
                    return true;
                }
            }
            return false;
        });
    }

    private static HttpResponse<String> export(Daemon daemon, String token, String code) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(daemon.httpBaseUrl() + "/api/export")).GET()
                .header("Authorization", "Bearer " + token);
        if (code != null) {
            b.header("X-Replyclock-TOTP", code);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
