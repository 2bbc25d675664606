package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.ApiTokens;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/conversations/{id}/ack} on the real HTTP server: the optional {@code by} reaches the ack. */
class AckApiTest {

    private static final String TOKEN = "ack-token-0123456789";

    @TempDir
    Path dir;
    private final List<String> acks = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private OpsHttpServer server;

    @BeforeEach
    void start() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
        server = new OpsHttpServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> new Readiness(true, "ok"), () -> Liveness.LIVE, ApiTokens.of(ApiToken.fromFile(tokenFile)), (id, by) -> acks.add(id + " by " + by),
                () -> ReloadResult.refused(List.of()), null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> ack(String conversationId, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/conversations/" + conversationId + "/ack"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAckNamesWhoTookTheConversationOrNobody() throws Exception {
        HttpResponse<String> named = ack("c-42", "{\"by\": \"alice\"}");
        assertEquals(202, named.statusCode());
        assertTrue(named.body().contains("\"by\":\"alice\""), named.body());
        assertEquals(202, ack("c-43", null).statusCode(), "the body is optional");
        assertEquals(List.of("c-42 by alice", "c-43 by null"), acks);
    }

    @Test
    void aBodyThatIsNotAByIsRefusedSayingWhy() throws Exception {
        HttpResponse<String> wrongType = ack("c-42", "{\"by\": 7}");
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body().contains("'by' must be a string"), wrongType.body());
        assertEquals(400, ack("c-42", "alice").statusCode(), "not JSON");
        assertEquals(400, ack("c-42", "{\"by\": \"" + "a".repeat(101) + "\"}").statusCode(), "too long");
        assertEquals(List.of(), acks, "nothing acknowledged");
    }
}
