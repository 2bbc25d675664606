package dev.replyclock.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.alert.Silence;
import dev.replyclock.alert.SilenceStore;
import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.ApiTokens;
import dev.replyclock.privacy.Role;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint: {@code /metrics} (Prometheus text), {@code /health/live} (200 while the process does its
 * job, 503 with the reason in JSON once a part of it died, see {@link Liveness}), {@code /health/ready} (200
 * only when the Streams app runs, the notifier consumes and the broker answers; 503 with the reason
 * otherwise), and the API, which needs a bearer token of {@code http.api-tokens} (or {@code http.api-token-file})
 * with a role high enough: {@code GET /api/silences}, {@code GET /api/conversations/{id}} (viewer),
 * {@code POST /api/conversations/{id}/ack},
 * {@code POST /api/silences}, {@code DELETE /api/silences/{id}} (responder), {@code POST /-/reload} and
 * {@code GET /api/export} (admin). No token is 401; a wrong token or a role too low 403. Failed attempts are
 * counted per address and per presented token, and checked once the token is known: a caller with a valid
 * token is never locked out by others' failures from the same address (behind an ingress, every caller's).
 *
 * <p>On Jetty rather than the JDK's {@code com.sun.net.httpserver}: the JDK server reads a request head on a
 * worker thread, blocking, with no read timeout but the JVM-wide {@code sun.net.httpserver.maxReqTime}
 * (read once, by whichever server starts first in the JVM), so a few clients that send one byte and stall
 * took every worker and the liveness probe timed out. Jetty parses request heads without a thread (a stalled
 * client costs a socket, not a worker), closes a connection idle for {@link #IDLE_TIMEOUT}, and its pool is
 * this server's own. Bodies over {@link OpsCall#MAX_BODY} get 413.
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
    private static final Pattern CONVERSATION_PATH = Pattern.compile("/api/conversations/([A-Za-z0-9._:@-]{1,200})");

    /** Re-reads the configuration; says what it applied, what needs a restart, or why it refused the file. */
    @FunctionalInterface
    public interface Reloader {
        ReloadResult reload();
    }

    /** A connection with no traffic for this long is closed, a stalled request head included. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);

    private final Server server;
    private final ServerConnector connector;
    private final ApiTokens tokens;
    private final AckSink ackSink;
    private final Reloader reloader;
    private final SilenceStore silences;
    private final PrometheusMeterRegistry registry;
    private final Supplier<Readiness> readiness;
    private final Supplier<Liveness> liveness;
    private final FailedAttemptLimiter limiter = new FailedAttemptLimiter(10, Duration.ofMinutes(1), java.time.Clock.systemUTC());
    private volatile ExportEndpoint export = new ExportEndpoint(null, null);
    private volatile OpenConversationSource conversations;
    private static final Pattern SILENCE_PATH = Pattern.compile("/api/silences(?:/([A-Za-z0-9-]{1,64}))?");

    /** @param tokens null or empty when the API is off (no {@code http.api-tokens}, no {@code http.api-token-file}) */
    public OpsHttpServer(String bindAddress, int port, PrometheusMeterRegistry registry, Supplier<Readiness> readiness,
                         Supplier<Liveness> liveness, ApiTokens tokens, AckSink ackSink, Reloader reloader,
                         SilenceStore silences) {
        this.silences = silences;
        this.tokens = tokens == null || tokens.isEmpty() ? null : tokens;
        this.ackSink = ackSink;
        this.reloader = reloader;
        this.registry = registry;
        this.readiness = readiness;
        this.liveness = liveness;
        // Workers run the routes only (an ack may wait up to 10 s for Kafka); the probes need one free.
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("replyclock-http");
        pool.setDaemon(true);
        pool.setReservedThreads(0);
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(bindAddress);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                OpsCall call = new OpsCall(request, response, callback);
                try {
                    route(call);
                    call.finish();
                } catch (Exception e) {
                    log.warn("ops HTTP request {} failed: {}", call.path(), e.toString());
                    call.fail(e);
                }
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port
                    + " (http.port; use another port or 0 for any free one)",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private void route(OpsCall call) throws IOException {
        if (call.announcesTooLargeBody()) {
            call.sendJson(413, "{\"error\": \"the request body is larger than " + OpsCall.MAX_BODY / 1024 + " KiB\"}");
            return;
        }
        String path = call.path();
        switch (path) {
            case "/metrics" -> respond(call, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            case "/health/live" -> {
                Liveness l = liveness.get();
                respond(call, l.live() ? 200 : 503, "application/json", JSON.createObjectNode()
                        .put("live", l.live()).put("reason", l.reason()).toString());
            }
            case "/health/ready" -> {
                Readiness r = readiness.get();
                respond(call, r.ready() ? 200 : 503, "text/plain; charset=utf-8", r.describe() + "\n");
            }
            case "/-/reload" -> reload(call);
            default -> {
                if (path.startsWith("/api/")) {
                    api(call);
                } else {
                    call.sendJson(404, "{\"error\": \"no such route\"}");
                }
            }
        }
    }

    /**
     * Turns on {@code GET /api/export} (the full export of the open conversations, behind the token and the
     * admin's TOTP code); {@code totp} null leaves it off (404 with the key to set).
     */
    public void enableExport(AdminTotp totp, OpenConversationSource source) {
        export = new ExportEndpoint(totp, source);
    }

    /** Turns on {@code GET /api/conversations/{id}}: one open conversation's state, for a viewer token. */
    public void enableConversationState(OpenConversationSource source) {
        conversations = source;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String baseUrl() {
        String host = connector.getHost();
        boolean any = host == null || host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host);
        return "http://" + (any ? "localhost" : host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /**
     * The caller's token when it is valid, has at least {@code needed} and is not locked out; otherwise answers
     * 503 (API off), 401 (no token), 403 (wrong token, role too low) or 429 (locked out) and returns null.
     */
    private ApiToken authorized(OpsCall ex, Role needed) {
        if (tokens == null) {
            ex.sendJson(503, "{\"error\": \"the API is off: set http.api-tokens or http.api-token-file\"}");
            return null;
        }
        String address = ex.remoteAddress();
        ApiTokens.Presented presented = tokens.check(ex.header("Authorization"));
        ApiToken caller = presented.token();
        if (caller != null) {
            // A valid token answers for its own failures only (wrong TOTP codes), not for its address's.
            if (lockedOut(ex, limiter.blockedFor(tokenKey(caller)))) {
                return null;
            }
            if (!caller.role().allows(needed)) {
                ex.sendJson(403, JSON.createObjectNode().put("error", "the token '" + caller.name() + "' has the role "
                        + caller.role().wireName() + "; this call needs " + needed.wireName()).toString());
                if (!"GET".equals(ex.method())) {
                    AuditLog.record(ex, caller, 403, "refused: role too low");
                }
                return null;
            }
            return caller;
        }
        String addressKey = "address " + address;
        String presentedKey = presented.missing() ? null : "presented " + presented.fingerprint();
        Duration blocked = limiter.blockedFor(addressKey);
        if (presentedKey != null && limiter.blockedFor(presentedKey).compareTo(blocked) > 0) {
            blocked = limiter.blockedFor(presentedKey);
        }
        if (lockedOut(ex, blocked)) {
            return null;
        }
        limiter.failed(addressKey);
        if (presentedKey != null) {
            limiter.failed(presentedKey);
        }
        // Logged without the token or the header: only the outcome and where it came from.
        log.warn("API request refused ({}) from {}", presented.missing() ? "MISSING" : "WRONG", address);
        ex.setHeader("WWW-Authenticate", "Bearer");
        ex.sendJson(presented.missing() ? 401 : 403, "{\"error\": \"" + (presented.missing()
                ? "a bearer token is required" : "the token is not valid") + "\"}");
        return null;
    }

    private static String tokenKey(ApiToken token) {
        return "token " + token.name();
    }

    private static boolean lockedOut(OpsCall ex, Duration blocked) {
        if (blocked.isZero()) {
            return false;
        }
        ex.setHeader("Retry-After", String.valueOf(Math.max(1, blocked.toSeconds())));
        ex.sendJson(429, "{\"error\": \"too many failed attempts; try again later\"}");
        return true;
    }

    private void reload(OpsCall ex) {
        ApiToken caller = authorized(ex, Role.ADMIN);
        if (caller == null) {
            return;
        }
        if (!"POST".equals(ex.method())) {
            ex.setHeader("Allow", "POST");
            ex.sendJson(405, "{\"error\": \"use POST\"}");
            return;
        }
        ReloadResult result = reloader.reload();
        ObjectNode body = JSON.createObjectNode().put("reloaded", result.reloaded());
        ArrayNode list = body.putArray("problems");
        result.problems().forEach(p -> list.addObject().put("key", p.key()).put("value", p.value()).put("fix", p.fix()));
        result.applied().forEach(body.putArray("applied")::add);
        result.needsRestart().forEach(body.putArray("needsRestart")::add);
        if (!result.needsRestart().isEmpty()) {
            body.put("message", "changed, not applied: " + String.join(", ", result.needsRestart())
                    + " (needs a restart; the running values are kept until then)");
        }
        int status = result.reloaded() ? 200 : 400;
        ex.sendJson(status, body.toString());
        AuditLog.record(ex, caller, status, result.reloaded() ? "config reloaded"
                : "config reload refused (" + result.problems().size() + " problems)");
    }

    /** The role each API route needs; null for no such route. */
    private static Role needed(String path, String method) {
        if ("/api/export".equals(path)) {
            return Role.ADMIN;
        }
        if (SILENCE_PATH.matcher(path).matches()) {
            return "GET".equals(method) ? Role.VIEWER : Role.RESPONDER;
        }
        if (CONVERSATION_PATH.matcher(path).matches()) {
            return Role.VIEWER;
        }
        return ACK_PATH.matcher(path).matches() ? Role.RESPONDER : null;
    }

    private void api(OpsCall ex) throws IOException {
        String path = ex.path();
        Role needed = needed(path, ex.method());
        ApiToken caller = authorized(ex, needed == null ? Role.VIEWER : needed);
        if (caller == null) {
            return;
        }
        if (needed == null) {
            ex.sendJson(404, "{\"error\": \"no such API route\"}");
            return;
        }
        if ("/api/export".equals(path)) {
            export.handle(ex, caller, () -> limiter.failed(tokenKey(caller)));
            return;
        }
        Matcher sm = SILENCE_PATH.matcher(path);
        if (sm.matches()) {
            silences(ex, sm.group(1), caller);
            return;
        }
        Matcher cm = CONVERSATION_PATH.matcher(path);
        if (cm.matches()) {
            conversation(ex, cm.group(1));
            return;
        }
        Matcher m = ACK_PATH.matcher(path);
        if (!m.matches()) {
            ex.sendJson(404, "{\"error\": \"no such API route\"}");
            return;
        }
        if (!"POST".equals(ex.method())) {
            ex.setHeader("Allow", "POST");
            ex.sendJson(405, "{\"error\": \"use POST\"}");
            return;
        }
        String by;
        try {
            by = AckRequest.by(ex.body());
        } catch (OpsCall.BodyTooLarge e) {
            ex.sendJson(413, JSON.createObjectNode().put("error", e.getMessage()).toString());
            return;
        } catch (IllegalArgumentException e) {
            ex.sendJson(400, JSON.createObjectNode().put("error", e.getMessage()).toString());
            return;
        }
        try {
            ackSink.ack(m.group(1), by);
        } catch (Exception e) {
            log.error("could not publish an acknowledgement: {}", e.toString());
            ex.sendJson(503, "{\"error\": \"Kafka did not take the acknowledgement; try again\"}");
            AuditLog.record(ex, caller, 503, "ack not published");
            return;
        }
        ex.sendJson(202, JSON.createObjectNode().put("conversationId", m.group(1)).put("acknowledged", true)
                .put("by", by).toString());
        AuditLog.record(ex, caller, 202, "conversation acknowledged");
    }

    /** GET /api/conversations/{id}: the fields of the export, for one open conversation held here. */
    private void conversation(OpsCall ex, String id) {
        if (!"GET".equals(ex.method())) {
            ex.setHeader("Allow", "GET");
            ex.sendJson(405, "{\"error\": \"use GET\"}");
            return;
        }
        OpenConversationSource source = conversations;
        if (source == null) {
            ex.sendJson(404, "{\"error\": \"this server holds no conversation state\"}");
            return;
        }
        try {
            source.open(id).ifPresentOrElse(c -> ex.sendJson(200, ExportEndpoint.toJson(c).toString()),
                    () -> ex.sendJson(404, JSON.createObjectNode().put("error", "no open conversation " + id
                            + " on this instance (closed, unknown, or held by another instance: ask each)").toString()));
        } catch (IllegalStateException e) {
            ex.sendJson(503, JSON.createObjectNode().put("error", e.getMessage()).toString());
        }
    }

    /** GET /api/silences, POST /api/silences, DELETE /api/silences/{id}; the creator is the caller's token. */
    private void silences(OpsCall ex, String id, ApiToken caller) throws IOException {
        String method = ex.method();
        if (id == null && "GET".equals(method)) {
            ArrayNode list = JSON.createArrayNode();
            silences.sortedForDisplay().forEach(s -> list.add(SilenceStore.toJson(s)));
            ex.sendJson(200, list.toString());
        } else if (id == null && "POST".equals(method)) {
            int status;
            String outcome;
            try {
                Silence s = silences.create(JSON.readTree(ex.body()), caller.name());
                ex.sendJson(status = 201, SilenceStore.toJson(s).toString());
                outcome = "silence " + s.id() + " created (" + s.startsAt() + " to " + s.endsAt() + ", matching "
                        + s.matchers().keySet().stream().sorted().toList() + ")";
            } catch (OpsCall.BodyTooLarge e) {
                ex.sendJson(status = 413, JSON.createObjectNode().put("error", e.getMessage()).toString());
                outcome = "silence refused: body too large";
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException
                     | com.fasterxml.jackson.core.JsonProcessingException e) {
                ex.sendJson(status = 400, JSON.createObjectNode().put("error", e.getMessage()).toString());
                outcome = "silence refused: invalid";
            } catch (Exception e) {
                ex.sendJson(status = 503, JSON.createObjectNode().put("error", "Kafka did not take the silence; try again").toString());
                outcome = "silence not stored";
            }
            AuditLog.record(ex, caller, status, outcome);
        } else if (id != null && "DELETE".equals(method)) {
            int status;
            try {
                ex.sendJson(status = silences.delete(id) ? 200 : 404, JSON.createObjectNode().put("id", id).toString());
            } catch (Exception e) {
                ex.sendJson(status = 503, JSON.createObjectNode().put("error", "Kafka did not take the deletion; try again").toString());
            }
            AuditLog.record(ex, caller, status, status == 200 ? "silence deleted" : "silence not deleted");
        } else {
            ex.sendJson(405, "{\"error\": \"use GET or POST /api/silences, DELETE /api/silences/{id}\"}");
        }
    }

    /** GET and HEAD only (Jetty leaves the body out of a HEAD response). */
    private static void respond(OpsCall ex, int status, String contentType, String body) {
        if (!"GET".equals(ex.method()) && !"HEAD".equals(ex.method())) {
            ex.setHeader("Allow", "GET, HEAD");
            ex.send(405, null, null);
            return;
        }
        ex.send(status, contentType, body);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("the ops HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
