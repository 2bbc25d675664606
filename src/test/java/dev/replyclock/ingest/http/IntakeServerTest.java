package dev.replyclock.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.config.IntakeSettings;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.privacy.Pseudonymizer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake's own limits and answers over real HTTP, with the broker replaced by a list (or by a broker that does
 * not answer): the whole path to Kafka is {@code IntakeIT}'s.
 */
class IntakeServerTest {

    private static final String TOKEN = "ingest-token-0123456789abcdef";
    private static final String MESSAGE = "{\"messageId\": \"m1\", \"conversationId\": \"c1\", \"direction\": \"inbound\","
            + " \"channel\": \"sms\", \"from\": \"+33611223344\", \"text\": \"hi\", \"sentAt\": \"2026-11-24T09:00:00Z\"}";

    @TempDir
    Path dir;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<SupportMessage> produced = new CopyOnWriteArrayList<>();

    private IntakeServer start(int requestsPerSecond, MessageSink sink) throws Exception {
        return start(requestsPerSecond, Duration.ofSeconds(5), sink);
    }

    private IntakeServer start(int requestsPerSecond, Duration readTimeout, MessageSink sink) throws Exception {
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        IntakeSettings settings = new IntakeSettings("127.0.0.1", 0, 4096, requestsPerSecond, readTimeout,
                Duration.ofSeconds(5), token, null, null, null, null);
        return new IntakeServer(settings, sink, new Pseudonymizer(new byte[32], "FR"), Clock.systemUTC(),
                new IntakeMetrics(registry));
    }

    private static HttpResponse<String> post(IntakeServer server, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAnswerComesAfterTheBrokerHasTheMessageWithTheCustomerPseudonymized() throws Exception {
        try (IntakeServer server = start(100, produced::addAll)) {
            HttpResponse<String> answer = post(server, "/ingest/messages", MESSAGE);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(1, produced.size());
            assertTrue(produced.get(0).from().startsWith("cust_"), produced.get(0).from());
            assertTrue(registry.scrape().contains("replyclock_intake_total{outcome=\"produced\",source=\"messages\"} 1.0"));
        }
    }

    @Test
    void aBrokerThatDoesNotConfirmGets503SoThatTheSenderRetries() throws Exception {
        try (IntakeServer server = start(100, messages -> {
            throw new java.util.concurrent.TimeoutException("no answer");
        })) {
            HttpResponse<String> answer = post(server, "/ingest/messages", MESSAGE);
            assertEquals(503, answer.statusCode());
            assertTrue(answer.headers().firstValue("Retry-After").isPresent());
            assertTrue(registry.scrape().contains("replyclock_intake_total{outcome=\"unavailable\",source=\"messages\"} 1.0"));
        }
    }

    @Test
    void aClientPastTheRequestRateGets429() throws Exception {
        try (IntakeServer server = start(1, produced::addAll)) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                statuses.add(post(server, "/ingest/messages", MESSAGE).statusCode());
            }
            assertTrue(statuses.contains(429), statuses.toString());
            assertTrue(registry.scrape().contains("outcome=\"rate-limited\",source=\"messages\""));
        }
    }

    @Test
    void aBodyPastTheLimitGets413EvenWithoutALength() throws Exception {
        try (IntakeServer server = start(100, produced::addAll)) {
            String big = (MESSAGE + "\n").repeat(40); // about 7 KB, over the 4 KB limit, streamed (chunked)
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/ingest/messages")).header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, answer.statusCode());
            assertEquals(List.of(), produced);
        }
    }

    @Test
    void aSenderThatStallsMidBodyIsCutOffAfterTheReadTimeout() throws Exception {
        try (IntakeServer server = start(100, Duration.ofSeconds(1), produced::addAll);
             java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(15_000); // far above the 1 s read timeout: only a server that never gives up hits it
            socket.getOutputStream().write(("POST /ingest/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Length: 500\r\n\r\n{\"messageId\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            byte[] answer = socket.getInputStream().readAllBytes(); // until the server closes the connection
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
            String text = new String(answer, java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(text.isEmpty() || !text.startsWith("HTTP/1.1 200"), text);
            assertEquals(List.of(), produced);
        }
    }

    @Test
    void aChatwootSecretWithSlashesWorksInTheUrlPath() throws Exception {
        String secret = "base64/with+slashes=0123456789";
        Path file = Files.writeString(dir.resolve("chatwoot"), secret + "\n");
        IntakeSettings settings = new IntakeSettings("127.0.0.1", 0, 1 << 20, 100, Duration.ofSeconds(5),
                Duration.ofSeconds(5), null, null, null, file, null);
        try (IntakeServer server = new IntakeServer(settings, produced::addAll, new Pseudonymizer(new byte[32], "FR"),
                Clock.systemUTC(), new IntakeMetrics(registry))) {
            String event = dev.replyclock.testing.WebhookPayloads.chatwoot(1, 2, 3, "incoming", false, "hi",
                    "Channel::Api", null, java.time.Instant.parse("2026-11-24T09:00:00Z"));
            assertEquals(200, post(server, "/ingest/chatwoot/" + secret, event).statusCode());
            assertEquals(401, post(server, "/ingest/chatwoot/base64/with", event).statusCode());
            assertEquals(1, produced.size());
        }
    }

    @Test
    void aSourceThatIsNotConfiguredIsOffAndUnknownRoutesAre404() throws Exception {
        try (IntakeServer server = start(100, produced::addAll)) {
            HttpResponse<String> whatsapp = post(server, "/ingest/whatsapp", "{}");
            assertEquals(404, whatsapp.statusCode());
            assertTrue(whatsapp.body().contains("ingest.whatsapp.app-secret-file"), whatsapp.body());
            assertEquals(404, post(server, "/ingest/chatwoot/x", "{}").statusCode());
            assertEquals(404, post(server, "/metrics", "").statusCode());
            HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/ingest/messages")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
        }
    }
}
