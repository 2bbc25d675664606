package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.MutableClock;
import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.ApiTokens;
import dev.replyclock.privacy.Role;
import dev.replyclock.testing.ApiCalls;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed attempts lock out per address and per token, judged once the token is known: behind an ingress every
 * caller has the same address, and one caller's bad tries must not lock out the others. All calls here come
 * from 127.0.0.1, as they would through an ingress.
 */
class ApiLockoutTest {

    private static final String ADMIN = "admin-token-0123456789abcdef";
    private static final String RESPONDER = "responder-token-0123456789ab";
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:10Z"));
    private OpsHttpServer server;
    private ApiCalls api;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("admin"), ADMIN);
        Files.writeString(dir.resolve("responder"), RESPONDER);
        server = new OpsHttpServer("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> new Readiness(true, "ok"), () -> Liveness.LIVE,
                ApiTokens.of(ApiToken.fromFile("ops-admin", Role.ADMIN, dir.resolve("admin")),
                        ApiToken.fromFile("agent-bot", Role.RESPONDER, dir.resolve("responder"))),
                (id, by) -> { }, () -> ReloadResult.refused(List.of()), null);
        server.enableExport(new AdminTotp(SECRET, clock), each -> { });
        api = new ApiCalls(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int ack(String token) throws Exception {
        return api.call("POST", "/api/conversations/c-1/ack", token, null).statusCode();
    }

    @Test
    void aCallerWithAValidTokenIsNotLockedOutByOthersFailuresFromTheSameAddress() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(403, ack("guessed-token-" + i + "-0123456789"));
        }
        HttpResponse<String> guesser = api.call("POST", "/api/conversations/c-1/ack", "guessed-token-x-0123456789", null);
        assertEquals(429, guesser.statusCode(), "the address that guesses is locked out");
        assertTrue(guesser.headers().firstValue("Retry-After").isPresent());
        assertEquals(429, ack(null), "without a token too");

        assertEquals(202, ack(RESPONDER), "a valid token from the same address still works");
        assertEquals(200, api.call("POST", "/-/reload", ADMIN, null).statusCode());
    }

    /** An ack sent from another loopback address (all of 127/8 is this machine), answered with its status. */
    private int ackFrom(String localAddress, String token) throws Exception {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), server.port(), InetAddress.getByName(localAddress), 0)) {
            s.setSoTimeout(5000);
            String request = "POST /api/conversations/c-1/ack HTTP/1.1\r\nHost: replyclock\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void aWrongTokenTriedFromManyAddressesIsLockedOutWhereverItComesFromAndOnlyIt() throws Exception {
        String revoked = "revoked-token-0123456789abc";
        for (int i = 0; i < 10; i++) {
            assertEquals(403, ackFrom("127.0.0." + (10 + i), revoked), "one failure from each address");
        }
        assertEquals(429, ackFrom("127.0.0.30", revoked), "the token is locked out from a fresh address too");
        assertEquals(403, ackFrom("127.0.0.30", "another-wrong-token-0123456"), "that address is not");
        assertEquals(202, ackFrom("127.0.0.30", RESPONDER));
    }

    @Test
    void wrongTotpCodesLockOutTheTokenThatSentThemAndNoOther() throws Exception {
        AdminTotp app = new AdminTotp(SECRET, clock);
        String good = app.codeAt(clock.instant());
        String wrong = String.format("%06d", (Integer.parseInt(good) + 500_000) % 1_000_000);
        for (int i = 0; i < 10; i++) {
            assertEquals(403, api.call("GET", "/api/export", ADMIN, null, "X-Replyclock-TOTP", wrong).statusCode());
        }
        assertEquals(429, api.call("GET", "/api/export", ADMIN, null, "X-Replyclock-TOTP", good).statusCode(),
                "the admin token that guessed codes is locked out, even with the right code");
        assertEquals(429, api.call("POST", "/-/reload", ADMIN, null).statusCode(), "on every route");

        assertEquals(202, ack(RESPONDER), "another token from the same address is not");
    }
}
