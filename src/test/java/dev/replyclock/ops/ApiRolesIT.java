package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.alert.SilenceStore;
import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Tier;
import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.ApiTokens;
import dev.replyclock.privacy.Role;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.Stage;
import dev.replyclock.testing.ApiCalls;
import dev.replyclock.testing.TestBroker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The API's roles on the real ops server, with silences on a real broker: what each role may call, who a
 * silence is created by, how long it may last, and the audit line of every mutating call.
 */
class ApiRolesIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIEWER = "viewer-token-0123456789abcdef";
    private static final String RESPONDER = "responder-token-0123456789ab";
    private static final String ADMIN = "admin-token-0123456789abcdef";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static int topics;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:10Z"));
    private final List<String> acked = new ArrayList<>();
    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    private SilenceStore silences;
    private OpsHttpServer server;
    private ApiCalls api;

    @BeforeEach
    void start() throws Exception {
        String topic = "roles-silences-" + topics++;
        TopicSetup.ensure(broker.client(), Map.of(topic, 1), Duration.ofSeconds(60),
                Map.of(topic, Map.of("cleanup.policy", "compact")));
        silences = new SilenceStore(broker.client(), topic, clock, Duration.ofDays(7));
        silences.start();
        List<ApiToken> tokens = new ArrayList<>();
        for (var t : List.of(List.of("dashboard", "viewer", VIEWER), List.of("agent-bot", "responder", RESPONDER),
                List.of("ops-lead", "admin", ADMIN))) {
            Path file = dir.resolve(t.get(0));
            Files.writeString(file, t.get(2) + "\n");
            tokens.add(ApiToken.fromFile(t.get(0), Role.parse(t.get(1)).orElseThrow(), file));
        }
        server = new OpsHttpServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> new Readiness(true, "ok"), () -> Liveness.LIVE, ApiTokens.of(tokens), (id, by) -> acked.add(id), () -> ReloadResult.refused(List.of()),
                silences);
        OpenConversationSource open = each -> each.accept(OPEN);
        server.enableExport(new AdminTotp(SECRET, clock), open);
        server.enableConversationState(open);
        api = new ApiCalls(server.baseUrl());
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        audit.setContext(logging);
        audit.start();
        logging.getLogger("dev.replyclock.audit").addAppender(audit);
    }

    @AfterEach
    void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.replyclock.audit").detachAppender(audit);
        server.close();
        silences.close();
    }

    private static final ReplyClock OPEN = new ReplyClock("c-1", "email", Tier.URGENT,
            Instant.parse("2026-11-24T08:59:00Z"), Instant.parse("2026-11-24T08:59:00Z"), null,
            Instant.parse("2026-11-24T09:04:00Z"), Stage.RUNNING, 0, false, List.of());

    @Test
    void aViewerReadsOneOpenConversationsStateAndAnUnknownOneIs404() throws Exception {
        HttpResponse<String> r = api.call("GET", "/api/conversations/c-1", VIEWER, null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode c = JSON.readTree(r.body());
        assertEquals("urgent", c.path("tier").asText());
        assertEquals("2026-11-24T09:04:00Z", c.path("deadline").asText());
        assertEquals(404, api.call("GET", "/api/conversations/c-unknown", VIEWER, null).statusCode());
    }

    private static final String SILENCE = "{\"matchers\": {\"tier\": \"standard\"}, \"duration\": \"2h\"}";

    private interface Route {
        int call(String token) throws Exception;
    }

    /**
     * GET silences, GET a conversation, ack, create silence, delete silence, reload, export: each with what it
     * needs but the token.
     */
    private final List<Route> routes = List.of(
            token -> api.call("GET", "/api/silences", token, null).statusCode(),
            token -> api.call("GET", "/api/conversations/c-1", token, null).statusCode(),
            token -> api.call("POST", "/api/conversations/c-1/ack", token, null).statusCode(),
            token -> api.call("POST", "/api/silences", token, SILENCE).statusCode(),
            token -> api.call("DELETE", "/api/silences/" + silences.create(JSON.readTree(SILENCE), "setup").id(), token,
                    null).statusCode(),
            token -> api.call("POST", "/-/reload", token, null).statusCode(),
            token -> {
                clock.advance(AdminTotp.STEP); // a fresh code for each export
                return api.call("GET", "/api/export", token, null, "X-Replyclock-TOTP",
                        new AdminTotp(SECRET, clock).codeAt(clock.instant())).statusCode();
            });

    /** The status the token gets on the routes from {@code from} (inclusive) to {@code to}. */
    private List<Integer> statuses(String token, int from, int to) throws Exception {
        List<Integer> out = new ArrayList<>();
        for (Route r : routes.subList(from, to)) {
            out.add(r.call(token));
        }
        return out;
    }

    private List<Integer> statuses(String token) throws Exception {
        return statuses(token, 0, routes.size());
    }

    @Test
    void eachRoleReachesItsRoutesAndGets403AboveIt() throws Exception {
        //                   GET silences, GET conversation, ack, create silence, delete silence, reload, export
        assertEquals(List.of(200, 200, 403, 403, 403, 403, 403), statuses(VIEWER), "viewer");
        assertEquals(List.of(200, 200, 202, 201, 200, 403, 403), statuses(RESPONDER), "responder");
        assertEquals(List.of(200, 200, 202, 201, 200, 200, 200), statuses(ADMIN), "admin");
        // Part of the routes each: ten failures from one address would lock it out (ApiLockoutTest).
        assertEquals(List.of(401, 401, 401), statuses(null, 0, 3), "no token");
        assertEquals(List.of(403, 403, 403, 403), statuses("not-a-token-0123456789abc", 3, 7), "a wrong token");
        HttpResponse<String> tooLow = api.call("POST", "/-/reload", RESPONDER, null);
        assertTrue(tooLow.body().contains("'agent-bot' has the role responder; this call needs admin"), tooLow.body());
    }

    @Test
    void aSilenceIsCreatedByTheCallersTokenWhateverTheBodySays() throws Exception {
        HttpResponse<String> r = api.call("POST", "/api/silences", RESPONDER,
                "{\"matchers\": {\"kind\": \"breach\"}, \"duration\": \"1h\", \"createdBy\": \"the-ceo\", \"comment\": \"deploy\"}");
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("agent-bot", JSON.readTree(r.body()).path("createdBy").asText());
        JsonNode listed = JSON.readTree(api.call("GET", "/api/silences", VIEWER, null).body());
        assertEquals("agent-bot", listed.get(0).path("createdBy").asText());
    }

    @Test
    void aSilenceLongerThanTheMaximumIsRefusedSayingWhichKeyBoundsIt() throws Exception {
        HttpResponse<String> forever = api.call("POST", "/api/silences", RESPONDER,
                "{\"matchers\": {\"tier\": \"complaint\"}, \"endsAt\": \"9999-12-31T23:59:59Z\"}");
        assertEquals(400, forever.statusCode());
        String error = JSON.readTree(forever.body()).path("error").asText();
        assertTrue(error.contains("at most 7d (alerts.silences.max-duration)"), error);
        assertEquals(400, api.call("POST", "/api/silences", RESPONDER,
                "{\"matchers\": {\"tier\": \"complaint\"}, \"duration\": \"8d\"}").statusCode());
        assertEquals(201, api.call("POST", "/api/silences", RESPONDER,
                "{\"matchers\": {\"tier\": \"complaint\"}, \"duration\": \"7d\"}").statusCode(), "exactly the maximum");
        assertEquals(1, silences.all().size(), "nothing stored of the refused ones");
    }

    @Test
    void everyMutatingCallIsAuditedWithTheTokensNameAndNeitherTheTokenNorTheComment() throws Exception {
        String id = JSON.readTree(api.call("POST", "/api/silences", RESPONDER,
                "{\"matchers\": {\"tier\": \"urgent\"}, \"duration\": \"1h\", \"comment\": \"Mme Dupont 06 12 34 56 78\"}")
                .body()).path("id").asText();
        api.call("DELETE", "/api/silences/" + id, RESPONDER, null);
        api.call("POST", "/api/conversations/c-9/ack", RESPONDER, null);
        api.call("POST", "/-/reload", ADMIN, null);
        api.call("POST", "/-/reload", VIEWER, null);
        api.call("GET", "/api/silences", VIEWER, null);

        List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(
                "silence " + id + " created (2026-11-24T09:00:10Z to 2026-11-24T10:00:10Z, matching [tier]):"
                        + " POST /api/silences by token 'agent-bot' (responder) from 127.0.0.1 -> 201",
                "silence deleted: DELETE /api/silences/" + id + " by token 'agent-bot' (responder) from 127.0.0.1 -> 200",
                "conversation acknowledged: POST /api/conversations/c-9/ack by token 'agent-bot' (responder) from 127.0.0.1 -> 202",
                "config reloaded: POST /-/reload by token 'ops-lead' (admin) from 127.0.0.1 -> 200",
                "refused: role too low: POST /-/reload by token 'dashboard' (viewer) from 127.0.0.1 -> 403"), lines,
                "one line per mutating call, reads not audited");
        String all = String.join("\n", lines);
        assertFalse(all.contains("Dupont") || all.contains("06 12"), "no comment text");
        assertFalse(all.contains(RESPONDER) || all.contains(ADMIN) || all.contains(VIEWER), "no token");
        assertEquals(List.of("c-9"), acked);
    }
}
