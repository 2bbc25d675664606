package dev.replyclock.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.replyclock.alert.Silence;
import dev.replyclock.alert.SilenceStore;
import dev.replyclock.config.ConfigProblem;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint, on the JDK's own HTTP server (a handful of routes need no framework):
 * {@code /metrics} (Prometheus text), {@code /health/live} (the process answers), {@code /health/ready}
 * (200 only when the Streams app runs and the notifier consumes; 503 with the reason otherwise), and the
 * API, which needs the bearer token: {@code POST /api/conversations/{id}/ack}.
 */
public final class OpsHttpServer implements AutoCloseable {

    /** Publishes an acknowledgement of a conversation's current deadline, by someone (null = unnamed). */
    @FunctionalInterface
    public interface AckSink {
        void ack(String conversationId, String by) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(OpsHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACK_PATH = Pattern.compile("/api/conversations/([A-Za-z0-9._:@-]{1,200})/ack");

    /** Re-reads the configuration; returns the problems of a refused file (empty = reloaded). */
    @FunctionalInterface
    public interface Reloader {
        List<ConfigProblem> reload();
    }

    private final HttpServer server;
    private final ApiToken token;
    private final AckSink ackSink;
    private final Reloader reloader;
    private final SilenceStore silences;
    private final FailedAttemptLimiter limiter = new FailedAttemptLimiter(10, Duration.ofMinutes(1), java.time.Clock.systemUTC());
    private volatile ExportEndpoint export = new ExportEndpoint(null, null);
    private static final Pattern SILENCE_PATH = Pattern.compile("/api/silences(?:/([A-Za-z0-9-]{1,64}))?");

    /** @param token null when the API is off ({@code http.api-token-file} empty) */
    public OpsHttpServer(String bindAddress, int port, PrometheusMeterRegistry registry, Supplier<Readiness> readiness,
                         ApiToken token, AckSink ackSink, Reloader reloader, SilenceStore silences) {
        this.silences = silences;
        this.token = token;
        this.ackSink = ackSink;
        this.reloader = reloader;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port
                    + " (http.port; use another port or 0 for any free one)", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "replyclock-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape()));
        server.createContext("/health/live", ex -> respond(ex, 200, "text/plain; charset=utf-8", "live\n"));
        server.createContext("/health/ready", ex -> {
            Readiness r = readiness.get();
            respond(ex, r.ready() ? 200 : 503, "text/plain; charset=utf-8", r.describe() + "\n");
        });
        server.createContext("/api/", this::api);
        server.createContext("/-/reload", this::reload);
        server.start();
    }

    /**
     * Turns on {@code GET /api/export} (the full export of the open conversations, behind the token and the
     * admin's TOTP code); {@code totp} null leaves it off (404 with the key to set).
     */
    public void enableExport(AdminTotp totp, OpenConversationSource source) {
        export = new ExportEndpoint(totp, source);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        String host = server.getAddress().getAddress().isAnyLocalAddress()
                ? "localhost" : server.getAddress().getHostString();
        return "http://" + host + ":" + port();
    }

    /** Answers 503/401/403 and returns false unless the request carries the API token. */
    private boolean authorized(HttpExchange ex) throws IOException {
        if (token == null) {
            send(ex, 503, "{\"error\": \"the API is off: set http.api-token-file\"}");
            return false;
        }
        String address = ex.getRemoteAddress().getAddress().getHostAddress();
        Duration blocked = limiter.blockedFor(address);
        if (!blocked.isZero()) {
            ex.getResponseHeaders().set("Retry-After", String.valueOf(Math.max(1, blocked.toSeconds())));
            send(ex, 429, "{\"error\": \"too many failed attempts; try again later\"}");
            return false;
        }
        ApiToken.Check check = token.check(ex.getRequestHeaders().getFirst("Authorization"));
        if (check == ApiToken.Check.OK) {
            return true;
        }
        limiter.failed(address);
        // Logged without the token or the header: only the outcome and where it came from.
        log.warn("API request refused ({}) from {}", check, address);
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        send(ex, check == ApiToken.Check.MISSING ? 401 : 403, "{\"error\": \"" + (check == ApiToken.Check.MISSING
                ? "a bearer token is required" : "the token is not valid") + "\"}");
        return false;
    }

    private void reload(HttpExchange ex) throws IOException {
        try (ex) {
            if (!authorized(ex)) {
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                send(ex, 405, "{\"error\": \"use POST\"}");
                return;
            }
            List<ConfigProblem> problems = reloader.reload();
            ObjectNode body = JSON.createObjectNode().put("reloaded", problems.isEmpty());
            ArrayNode list = body.putArray("problems");
            problems.forEach(p -> list.addObject().put("key", p.key()).put("value", p.value()).put("fix", p.fix()));
            send(ex, problems.isEmpty() ? 200 : 400, body.toString());
        }
    }

    private void api(HttpExchange ex) throws IOException {
        try (ex) {
            if (!authorized(ex)) {
                return;
            }
            if ("/api/export".equals(ex.getRequestURI().getPath())) {
                export.handle(ex, limiter);
                return;
            }
            Matcher sm = SILENCE_PATH.matcher(ex.getRequestURI().getPath());
            if (sm.matches()) {
                silences(ex, sm.group(1));
                return;
            }
            Matcher m = ACK_PATH.matcher(ex.getRequestURI().getPath());
            if (!m.matches()) {
                send(ex, 404, "{\"error\": \"no such API route\"}");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                send(ex, 405, "{\"error\": \"use POST\"}");
                return;
            }
            String by;
            try {
                by = AckRequest.by(ex.getRequestBody().readNBytes(8192));
            } catch (IllegalArgumentException e) {
                send(ex, 400, JSON.createObjectNode().put("error", e.getMessage()).toString());
                return;
            }
            try {
                ackSink.ack(m.group(1), by);
            } catch (Exception e) {
                log.error("could not publish an acknowledgement: {}", e.toString());
                send(ex, 503, "{\"error\": \"Kafka did not take the acknowledgement; try again\"}");
                return;
            }
            send(ex, 202, JSON.createObjectNode().put("conversationId", m.group(1)).put("acknowledged", true)
                    .put("by", by).toString());
        }
    }

    /** GET /api/silences, POST /api/silences, DELETE /api/silences/{id}. */
    private void silences(HttpExchange ex, String id) throws IOException {
        String method = ex.getRequestMethod();
        if (id == null && "GET".equals(method)) {
            ArrayNode list = JSON.createArrayNode();
            silences.sortedForDisplay().forEach(s -> list.add(SilenceStore.toJson(s)));
            send(ex, 200, list.toString());
        } else if (id == null && "POST".equals(method)) {
            try {
                Silence s = silences.create(JSON.readTree(ex.getRequestBody()));
                send(ex, 201, SilenceStore.toJson(s).toString());
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException
                     | com.fasterxml.jackson.core.JsonProcessingException e) {
                send(ex, 400, JSON.createObjectNode().put("error", e.getMessage()).toString());
            } catch (Exception e) {
                send(ex, 503, JSON.createObjectNode().put("error", "Kafka did not take the silence; try again").toString());
            }
        } else if (id != null && "DELETE".equals(method)) {
            try {
                send(ex, silences.delete(id) ? 200 : 404, JSON.createObjectNode().put("id", id).toString());
            } catch (Exception e) {
                send(ex, 503, JSON.createObjectNode().put("error", "Kafka did not take the deletion; try again").toString());
            }
        } else {
            send(ex, 405, "{\"error\": \"use GET or POST /api/silences, DELETE /api/silences/{id}\"}");
        }
    }

    static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, "HEAD".equals(ex.getRequestMethod()) ? -1 : bytes.length);
            if (!"HEAD".equals(ex.getRequestMethod())) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
