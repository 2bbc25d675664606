package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.ApiTokens;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ops endpoint keeps answering its probes whatever its other clients do, and tells the truth in them. */
class OpsHttpServerAbuseTest {

    private static final String TOKEN = "abuse-token-0123456789";

    @TempDir
    Path dir;
    private final AtomicReference<Liveness> liveness = new AtomicReference<>(Liveness.LIVE);
    private final List<Socket> sockets = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private OpsHttpServer server;

    @BeforeEach
    void start() throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, TOKEN);
        server = new OpsHttpServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> new Readiness(true, "ok"), liveness::get, ApiTokens.of(ApiToken.fromFile(tokenFile)), (id, by) -> { }, () -> ReloadResult.refused(List.of()),
                null);
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(1))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Socket connect() throws Exception {
        Socket s = new Socket("127.0.0.1", server.port());
        sockets.add(s);
        return s;
    }

    @Test
    void liveAnswersWithinASecondWhileStalledAndSilentConnectionsAreHeldOpen() throws Exception {
        for (int i = 0; i < 20; i++) {
            connect().getOutputStream().write('G'); // the start of a request head, then nothing
            connect(); // connected, nothing sent
        }
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> live = get("/health/live");
            assertEquals(200, live.statusCode());
            assertEquals("{\"live\":true,\"reason\":\"live\"}", live.body());
        }
        assertEquals(200, get("/health/ready").statusCode());
        assertEquals(200, get("/metrics").statusCode());
    }

    @Test
    void aConnectionThatStallsInItsRequestHeadIsClosedAfterTheIdleTimeout() throws Exception {
        Socket stalled = connect();
        stalled.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x".getBytes(StandardCharsets.US_ASCII));
        stalled.setSoTimeout((int) OpsHttpServer.IDLE_TIMEOUT.plusSeconds(10).toMillis());
        InputStream in = stalled.getInputStream();
        long start = System.nanoTime();
        in.readAllBytes(); // returns at the server's close (a 408 or nothing), or throws at the socket timeout
        Duration open = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(open.compareTo(OpsHttpServer.IDLE_TIMEOUT.plusSeconds(5)) < 0, "closed after " + open);
    }

    @Test
    void aBodyLargerThan64KiBIsRefusedWith413WhetherItsLengthIsAnnouncedOrNot() throws Exception {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        // An announced length over the limit is refused from the headers alone, before any body is read: the
        // request is written by hand so that no upload races the server's answer and close.
        assertEquals(413, statusOfAnnouncedPost("/api/silences", big.length, "Authorization: Bearer " + TOKEN));
        // No Content-Length: the body arrives chunked and is cut at the limit.
        HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/silences"))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        HttpResponse<String> refused = client.send(chunked.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, refused.statusCode());
        assertTrue(refused.body().contains("64 KiB"), refused.body());
        // Unauthenticated and to any route: refused before anything else is read.
        assertEquals(413, statusOfAnnouncedPost("/health/live", big.length, null));
    }

    private int statusOfAnnouncedPost(String path, int length, String header) throws Exception {
        return dev.replyclock.testing.AnnouncedPost.status(server.baseUrl() + path, length, header);
    }

    @Test
    void liveFailsWith503AndAShortJsonReasonOnceAPartDied() throws Exception {
        liveness.set(new Liveness(false, "the Streams client is ERROR"));
        HttpResponse<String> dead = get("/health/live");
        assertEquals(503, dead.statusCode());
        assertEquals("application/json", dead.headers().firstValue("Content-Type").orElse(""));
        assertEquals("{\"live\":false,\"reason\":\"the Streams client is ERROR\"}", dead.body());
    }
}
