package dev.replyclock.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.config.IntakeSettings;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.ingest.http.IntakeMetrics.Outcome;
import dev.replyclock.ingest.http.IntakeMetrics.Source;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.privacy.Pseudonymizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.DoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook intake: a listener of its own, apart from the ops endpoint, since it faces the internet. Routes:
 * {@code POST /ingest/messages} (the message contract, bearer token), {@code GET|POST /ingest/whatsapp} (Meta's
 * handshake, signed notifications) and {@code POST /ingest/chatwoot[/<secret>]}. Every accepted message is on the
 * broker before the answer: 2xx = nothing lost, 503 = the sender retries. Limits: body size (413), requests per
 * second per client address (429), idle and whole-body read timeouts, a bounded number of connections and threads.
 * Bodies and customer text never go to the log.
 */
public final class IntakeServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntakeServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The secret is the rest of the path, slashes included (base64 secrets have them). */
    private static final Pattern CHATWOOT_PATH = Pattern.compile("/ingest/chatwoot(?:/(.{1,200}))?");
    /** Meta's challenge is a number; anything echoed back is kept to a harmless token. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    /** How far a Chatwoot signature's timestamp may be from our clock: bounds the replay of a captured request. */
    static final Duration CHATWOOT_SKEW = Duration.ofMinutes(5);
    private static final int MAX_CONNECTIONS = 512;
    private static final int RECENT_IDS = 100_000;

    private final IntakeSettings settings;
    private final MessageSink sink;
    private final Clock clock;
    private final IntakeMetrics metrics;
    private final Secret messagesToken;
    private final Secret whatsappVerifyToken;
    private final Secret whatsappAppSecret;
    private final Secret chatwootToken;
    private final Secret chatwootSigningSecret;
    private final NativeMessages nativeMessages;
    private final WhatsappMapper whatsapp;
    private final ChatwootMapper chatwoot;
    private final RecentIds recent = new RecentIds(RECENT_IDS);
    private final Server server;
    private final ServerConnector connector;

    public IntakeServer(IntakeSettings settings, MessageSink sink, Pseudonymizer pseudonymizer, Clock clock,
                        IntakeMetrics metrics) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.metrics = metrics;
        this.messagesToken = Secret.fromFile(settings.tokenFile(), "ingest.http.token-file");
        this.whatsappVerifyToken = Secret.fromFile(settings.whatsappVerifyTokenFile(), "ingest.whatsapp.verify-token-file");
        this.whatsappAppSecret = Secret.fromFile(settings.whatsappAppSecretFile(), "ingest.whatsapp.app-secret-file");
        this.chatwootToken = Secret.fromFile(settings.chatwootTokenFile(), "ingest.chatwoot.token-file");
        this.chatwootSigningSecret = Secret.fromFile(settings.chatwootWebhookSecretFile(),
                "ingest.chatwoot.webhook-secret-file");
        this.nativeMessages = new NativeMessages(new MessageCodec(), pseudonymizer);
        this.whatsapp = new WhatsappMapper(pseudonymizer, clock);
        this.chatwoot = new ChatwootMapper(pseudonymizer, clock);

        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("replyclock-intake");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(8 * 1024);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.bindAddress());
        connector.setPort(settings.port());
        // No bytes for this long and the connection is closed (a stalled sender, an idle keep-alive).
        connector.setIdleTimeout(settings.readTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setHandler(new DoSHandler(new Routes(), DoSHandler.ID_FROM_REMOTE_ADDRESS,
                new DoSHandler.LeakingBucketTrackerFactory(settings.requestsPerSecond()), this::rateLimited, 10_000));
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("cannot listen on " + settings.bindAddress() + ":" + settings.port()
                    + " (ingest.http.port; use another port, or 0 for any free one): " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String baseUrl() {
        String host = settings.bindAddress().equals("0.0.0.0") ? "localhost" : settings.bindAddress();
        return "http://" + host + ":" + port();
    }

    private boolean rateLimited(Request request, Response response, Callback callback) {
        Source source = sourceOf(Request.getPathInContext(request));
        if (source != null) {
            metrics.count(source, Outcome.RATE_LIMITED, 1);
        }
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        return json(response, callback, 429, error("too many requests from this address; retry later"));
    }

    private static Source sourceOf(String path) {
        if (path.equals("/ingest/messages")) {
            return Source.MESSAGES;
        }
        if (path.equals("/ingest/whatsapp")) {
            return Source.WHATSAPP;
        }
        return CHATWOOT_PATH.matcher(path).matches() ? Source.CHATWOOT : null;
    }

    /** The routes; blocking (the body is read and the broker awaited on a pool thread). */
    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            try {
                Source source = sourceOf(path);
                if (source == null) {
                    return json(response, callback, 404, error("no such route; the intake serves /ingest/messages,"
                            + " /ingest/whatsapp and /ingest/chatwoot"));
                }
                return switch (source) {
                    case MESSAGES -> messages(request, response, callback);
                    case WHATSAPP -> whatsapp(request, response, callback);
                    case CHATWOOT -> chatwoot(request, response, callback, path);
                };
            } catch (BodyException e) {
                if (e.status == 413) {
                    metrics.count(sourceOf(path), Outcome.TOO_LARGE, 1);
                }
                return json(response, callback, e.status, error(e.getMessage()));
            } catch (RuntimeException | IOException e) {
                // The source and the type only: a message could quote the body, the path holds Chatwoot's secret.
                Source source = sourceOf(path);
                log.error("intake request to {} failed: {}", source == null ? "?" : source.label(), e.getClass().getName());
                return json(response, callback, 500, error("internal error; retry later"));
            }
        }
    }

    private boolean messages(Request request, Response response, Callback callback) throws IOException {
        if (messagesToken == null) {
            return off(response, callback, "ingest.http.token-file");
        }
        if (!"POST".equals(request.getMethod())) {
            return methodNotAllowed(response, callback, "POST");
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (!messagesToken.matchesBearer(authorization)) {
            refused(request, Source.MESSAGES, authorization == null ? "no token" : "wrong token");
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            return json(response, callback, authorization == null ? 401 : 403,
                    error(authorization == null ? "a bearer token is required" : "the token is not valid"));
        }
        NativeMessages.Parsed parsed = nativeMessages.parse(body(request));
        metrics.count(Source.MESSAGES, Outcome.INVALID, parsed.errors().size());
        Delivered delivered = deliver(Source.MESSAGES, parsed.messages());
        if (delivered == null) {
            return unavailable(response, callback);
        }
        ObjectNode answer = delivered.toJson();
        ArrayNode errors = answer.putArray("errors");
        parsed.errors().forEach(e -> errors.addObject().put("line", e.line()).put("reason", e.reason())
                .put("error", e.error()));
        // Like `send`: any refused line makes the answer a failure, though the good lines are on the broker.
        return json(response, callback, parsed.errors().isEmpty() ? 200 : 400, answer);
    }

    private boolean whatsapp(Request request, Response response, Callback callback) throws IOException {
        if (whatsappAppSecret == null) {
            return off(response, callback, "ingest.whatsapp.app-secret-file and ingest.whatsapp.verify-token-file");
        }
        if ("GET".equals(request.getMethod())) {
            return handshake(request, response, callback);
        }
        if (!"POST".equals(request.getMethod())) {
            return methodNotAllowed(response, callback, "GET, POST");
        }
        byte[] body = body(request);
        if (!Hmac.matches(request.getHeaders().get("X-Hub-Signature-256"), whatsappAppSecret.bytes(), body)) {
            refused(request, Source.WHATSAPP, "bad or missing signature");
            return json(response, callback, 401, error("X-Hub-Signature-256 is missing or does not match the body"));
        }
        JsonNode notification = parse(body);
        if (notification == null) {
            // Signed by Meta yet unreadable: acknowledged all the same, or Meta would retry it and in the end
            // disable the subscription.
            metrics.count(Source.WHATSAPP, Outcome.INVALID, 1);
            return json(response, callback, 200, JSON.createObjectNode().put("produced", 0).put("ignored", 1));
        }
        Mapped mapped = whatsapp.map(notification);
        metrics.count(Source.WHATSAPP, Outcome.IGNORED, mapped.ignored());
        Delivered delivered = deliver(Source.WHATSAPP, mapped.messages());
        return delivered == null ? unavailable(response, callback)
                : json(response, callback, 200, delivered.toJson().put("ignored", mapped.ignored()));
    }

    /** Meta's subscription check: echo {@code hub.challenge} when the verify token matches. */
    private boolean handshake(Request request, Response response, Callback callback) {
        Fields query = Request.extractQueryParameters(request);
        String challenge = query.getValue("hub.challenge");
        if (!"subscribe".equals(query.getValue("hub.mode")) || !whatsappVerifyToken.matches(query.getValue("hub.verify_token"))) {
            refused(request, Source.WHATSAPP, "handshake with a wrong verify token");
            return json(response, callback, 403, error("hub.mode must be subscribe and hub.verify_token must match"));
        }
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            return json(response, callback, 400, error("hub.challenge is missing or not a plain token"));
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, challenge, callback);
        return true;
    }

    private boolean chatwoot(Request request, Response response, Callback callback, String path) throws IOException {
        if (chatwootToken == null && chatwootSigningSecret == null) {
            return off(response, callback, "ingest.chatwoot.token-file or ingest.chatwoot.webhook-secret-file");
        }
        if (!"POST".equals(request.getMethod())) {
            return methodNotAllowed(response, callback, "POST");
        }
        Matcher m = CHATWOOT_PATH.matcher(path);
        String pathSecret = m.matches() ? m.group(1) : null;
        // Chatwoot cannot add headers to its webhooks: the secret usually rides in the URL path.
        if (chatwootToken != null && !chatwootToken.matches(pathSecret)
                && !chatwootToken.matchesBearer(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            refused(request, Source.CHATWOOT, "wrong or missing secret");
            return json(response, callback, 401, error("the webhook URL's secret (or bearer token) is missing or wrong"));
        }
        byte[] body = body(request);
        if (chatwootSigningSecret != null && !chatwootSignatureValid(request, body)) {
            refused(request, Source.CHATWOOT, "bad, missing or stale signature");
            return json(response, callback, 401, error("X-Chatwoot-Signature is missing, does not match the body,"
                    + " or X-Chatwoot-Timestamp is more than " + CHATWOOT_SKEW.toMinutes() + " minutes off"));
        }
        JsonNode event = parse(body);
        if (event == null) {
            metrics.count(Source.CHATWOOT, Outcome.INVALID, 1);
            return json(response, callback, 400, error("the body is not a JSON object"));
        }
        Mapped mapped = chatwoot.map(event);
        metrics.count(Source.CHATWOOT, Outcome.IGNORED, mapped.ignored());
        Delivered delivered = deliver(Source.CHATWOOT, mapped.messages());
        return delivered == null ? unavailable(response, callback)
                : json(response, callback, 200, delivered.toJson().put("ignored", mapped.ignored()));
    }

    /** {@code X-Chatwoot-Signature: sha256=<hex HMAC of "<X-Chatwoot-Timestamp>.<raw body>">}, timestamp recent. */
    private boolean chatwootSignatureValid(Request request, byte[] body) {
        String timestamp = request.getHeaders().get("X-Chatwoot-Timestamp");
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        return skew <= CHATWOOT_SKEW.toSeconds() && Hmac.matches(request.getHeaders().get("X-Chatwoot-Signature"),
                chatwootSigningSecret.bytes(), (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body);
    }

    /** How many were produced and how many were repeats; null when the broker did not confirm in time. */
    private record Delivered(int produced, int duplicates) {
        ObjectNode toJson() {
            return JSON.createObjectNode().put("produced", produced).put("duplicates", duplicates);
        }
    }

    private Delivered deliver(Source source, List<SupportMessage> messages) {
        List<SupportMessage> fresh = new ArrayList<>(messages.size());
        for (SupportMessage m : messages) {
            if (!recent.contains(m.messageId())) {
                fresh.add(m);
            }
        }
        if (!fresh.isEmpty()) {
            try {
                sink.produce(fresh);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                metrics.count(source, Outcome.UNAVAILABLE, 1);
                log.error("the broker did not confirm {} message(s) from {} within {}: {}", fresh.size(),
                        source.label(), settings.produceTimeout(), e.getClass().getSimpleName());
                return null;
            }
            fresh.forEach(m -> recent.add(m.messageId()));
        }
        int duplicates = messages.size() - fresh.size();
        metrics.count(source, Outcome.PRODUCED, fresh.size());
        metrics.count(source, Outcome.DUPLICATE, duplicates);
        return new Delivered(fresh.size(), duplicates);
    }

    /** A refused request bad enough to be refused outright; 413/408 carry their status. */
    private static final class BodyException extends IOException {
        final int status;

        BodyException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The raw body, at most {@code ingest.http.max-body-bytes}, arrived whole within the read timeout. */
    private byte[] body(Request request) throws IOException {
        int max = settings.maxBodyBytes();
        if (request.getLength() > max) {
            throw new BodyException(413, "the body is larger than " + max + " bytes (ingest.http.max-body-bytes)");
        }
        long deadline = System.nanoTime() + settings.readTimeout().toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = Content.Source.asInputStream(request)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > max) {
                    throw new BodyException(413, "the body is larger than " + max + " bytes (ingest.http.max-body-bytes)");
                }
                // A sender that trickles its body in under the idle timeout is still cut off here.
                if (System.nanoTime() > deadline) {
                    throw new BodyException(408, "the body did not arrive within " + settings.readTimeout());
                }
            }
        } catch (BodyException e) {
            throw e;
        } catch (IOException e) {
            // The sender stalled past the idle timeout, or went away: its fault, not ours (no error logged).
            throw new BodyException(408, "the body did not arrive within " + settings.readTimeout());
        }
        return out.toByteArray();
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void refused(Request request, Source source, String why) {
        metrics.count(source, Outcome.UNAUTHORIZED, 1);
        // Logged without the token, the signature or the body: what and from where.
        log.warn("intake request to {} refused ({}) from {}", source.label(), why, Request.getRemoteAddr(request));
    }

    private static boolean off(Response response, Callback callback, String keys) {
        return json(response, callback, 404, error("this source is off: set " + keys));
    }

    private static boolean methodNotAllowed(Response response, Callback callback, String allowed) {
        response.getHeaders().put(HttpHeader.ALLOW, allowed);
        return json(response, callback, 405, error("use " + allowed));
    }

    private static boolean unavailable(Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        return json(response, callback, 503, error("Kafka did not confirm the messages; retry later"));
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static boolean json(Response response, Callback callback, int status, ObjectNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body.toString(), callback);
        return true;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("the intake did not stop cleanly: {}", e.toString());
        }
    }
}
