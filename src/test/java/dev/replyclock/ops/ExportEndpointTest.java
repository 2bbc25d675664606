package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.ApiTokens;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.Stage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * GET /api/export on a real HTTP server: the bearer token and the admin's TOTP code (computed here from the
 * secret and the test clock, as the admin's app would), replay and drift rules, rate limiting, the audit line.
 */
class ExportEndpointTest {

    private static final String TOKEN = "export-token-0123456789";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:10Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<OpsHttpServer> servers = new ArrayList<>();
    private final AdminTotp appSide = new AdminTotp(SECRET, clock);

    private static final ReplyClock OPEN = new ReplyClock("c-42", "whatsapp", Tier.COMPLAINT,
            Instant.parse("2026-11-24T08:59:00Z"), Instant.parse("2026-11-24T08:59:00Z"), null,
            Instant.parse("2026-11-24T09:00:00Z"), Stage.BREACHED, 1, false,
            List.of(new Signal("damage", Tier.COMPLAINT, "casse", 21, 26)), "vip", true, true, "returns");

    @AfterEach
    void stop() {
        servers.forEach(OpsHttpServer::close);
    }

    private OpsHttpServer server(boolean exportOn, OpenConversationSource source) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, TOKEN);
        OpsHttpServer s = new OpsHttpServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> new Readiness(true, "ok"), () -> Liveness.LIVE, ApiTokens.of(ApiToken.fromFile(tokenFile)), (id, by) -> { }, () -> ReloadResult.refused(List.of()), null);
        servers.add(s);
        if (exportOn) {
            s.enableExport(new AdminTotp(SECRET, clock), source);
        }
        return s;
    }

    private HttpResponse<String> export(OpsHttpServer s, String token, String code) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + "/api/export")).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (code != null) {
            b.header("X-Replyclock-TOTP", code);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void exportNeedsTokenAndTotp() throws Exception {
        OpsHttpServer s = server(true, each -> each.accept(OPEN));
        String code = appSide.codeAt(clock.instant());
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        assertEquals(401, export(s, null, code).statusCode(), "no token");
        assertEquals(403, export(s, "wrong-token-0123456789", code).statusCode(), "wrong token");
        HttpResponse<String> noCode = export(s, TOKEN, null);
        assertEquals(401, noCode.statusCode());
        assertTrue(noCode.body().contains("X-Replyclock-TOTP"), noCode.body());
        assertEquals(403, export(s, TOKEN, wrong).statusCode(), "wrong code");
        assertEquals(403, export(s, TOKEN, "abc").statusCode(), "not a code at all");

        HttpResponse<String> ok = export(s, TOKEN, code);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("application/x-ndjson", ok.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, ok.body().lines().count());

        HttpResponse<String> replayed = export(s, TOKEN, code);
        assertEquals(403, replayed.statusCode(), "a code is accepted once");
        assertTrue(replayed.body().contains("used already"), replayed.body());

        clock.advance(AdminTotp.STEP);
        assertEquals(200, export(s, TOKEN, appSide.codeAt(clock.instant())).statusCode(), "the next step's code");
    }

    @Test
    void exportAcceptsOneStepOfClockDriftAndNoMore() throws Exception {
        OpsHttpServer s = server(true, each -> { });
        assertEquals(403, export(s, TOKEN, appSide.codeAt(T0.minus(AdminTotp.STEP.multipliedBy(2)))).statusCode(),
                "two steps behind");
        assertEquals(403, export(s, TOKEN, appSide.codeAt(T0.plus(AdminTotp.STEP.multipliedBy(2)))).statusCode(),
                "two steps ahead");
        assertEquals(200, export(s, TOKEN, appSide.codeAt(T0.minus(AdminTotp.STEP))).statusCode(), "one step behind");
        assertEquals(200, export(s, TOKEN, appSide.codeAt(T0.plus(AdminTotp.STEP))).statusCode(), "one step ahead");
        assertEquals(403, export(s, TOKEN, appSide.codeAt(T0)).statusCode(),
                "a step older than an accepted one is refused: it could be a captured code");
    }

    @Test
    void exportIsOffWithoutASecretFile() throws Exception {
        OpsHttpServer s = server(false, null);
        HttpResponse<String> off = export(s, TOKEN, appSide.codeAt(clock.instant()));
        assertEquals(404, off.statusCode());
        assertTrue(off.body().contains("http.admin-totp-file"), off.body());
        assertEquals(401, export(s, null, null).statusCode(), "the API still needs its token first");
        s.enableExport(null, each -> each.accept(OPEN));
        assertEquals(404, export(s, TOKEN, appSide.codeAt(clock.instant())).statusCode(), "no secret, no export");
    }

    @Test
    void exportWritesEveryFieldOfEachOpenConversationAsOneJsonLine() throws Exception {
        OpsHttpServer s = server(true, each -> {
            each.accept(OPEN);
            each.accept(new ReplyClock("c-43", "email", Tier.STANDARD, T0, T0, T0.plusSeconds(720), T0.plusSeconds(900),
                    Stage.RUNNING, 0, false, List.of()));
        });
        HttpResponse<String> ok = export(s, TOKEN, appSide.codeAt(clock.instant()));
        assertEquals(200, ok.statusCode());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ok.body().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertEquals(2, lines.size());
        JsonNode c = lines.get(0);
        assertEquals(List.of("conversationId", "tier", "channel", "team", "policy", "openedAt", "deadline", "stage",
                "escalations", "acked", "signals"), fieldNames(c));
        assertEquals("c-42", c.path("conversationId").asText());
        assertEquals("complaint", c.path("tier").asText());
        assertEquals("whatsapp", c.path("channel").asText());
        assertEquals("returns", c.path("team").asText());
        assertEquals("vip", c.path("policy").asText());
        assertEquals("2026-11-24T08:59:00Z", c.path("openedAt").asText());
        assertEquals("2026-11-24T09:00:00Z", c.path("deadline").asText());
        assertEquals("breached", c.path("stage").asText());
        assertEquals(1, c.path("escalations").asInt());
        assertTrue(c.path("acked").asBoolean());
        assertEquals("damage", c.path("signals").get(0).path("family").asText());
        assertTrue(lines.get(1).path("team").isNull());
        assertEquals("running", lines.get(1).path("stage").asText());
    }

    @Test
    void stateThatCannotBeReadIsA503() throws Exception {
        OpsHttpServer s = server(true, each -> {
            throw new IllegalStateException("the conversation state cannot be read now (REBALANCING)");
        });
        HttpResponse<String> r = export(s, TOKEN, appSide.codeAt(clock.instant()));
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("REBALANCING"), r.body());
    }

    @Test
    void wrongCodesCountAsFailedAttemptsAndAreLoggedWithoutTheCode() throws Exception {
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(logging);
        captured.start();
        ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        try {
            OpsHttpServer s = server(true, each -> each.accept(OPEN));
            String good = appSide.codeAt(clock.instant());
            String wrong = String.format("%06d", (Integer.parseInt(good) + 500_000) % 1_000_000);
            assertEquals(200, export(s, TOKEN, good).statusCode());
            for (int i = 0; i < 10; i++) {
                assertEquals(403, export(s, TOKEN, wrong).statusCode());
            }
            clock.advance(AdminTotp.STEP);
            HttpResponse<String> blocked = export(s, TOKEN, appSide.codeAt(clock.instant()));
            assertEquals(429, blocked.statusCode(), "blocked even with a good code after 10 failures");
            assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        } finally {
            root.detachAppender(captured);
        }
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("export refused (WRONG) from 127.0.0.1")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.equals("full export of 1 open conversations: GET /api/export by token 'admin' (admin) from 127.0.0.1 -> 200")),
                lines.toString());
        String all = String.join("\n", lines);
        assertFalse(all.contains(TOKEN), "no token in the logs");
        assertFalse(all.contains(SECRET), "no secret in the logs");
        assertFalse(all.contains(appSide.codeAt(T0)), "no code in the logs");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

}
