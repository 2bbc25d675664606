package dev.replyclock.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.AlertJson;
import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.UsedTotpSteps;
import dev.replyclock.sla.ReplyClock;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/export}: every open conversation of this instance as JSON lines
 * ({@code application/x-ndjson}, one object a line, streamed), after the bearer token (checked by
 * {@link OpsHttpServer}) AND the admin's TOTP code in {@code X-Replyclock-TOTP}. A missing code is 401, a
 * wrong or replayed one 403, both counted as failed attempts of the caller's token; a code whose use cannot be
 * recorded (the shared replay guard is unreachable) 503; without {@code http.admin-totp-file} the export is off
 * (404). Each export is written to the audit log with the token's name, the caller's address and the count.
 */
final class ExportEndpoint {

    static final String TOTP_HEADER = "X-Replyclock-TOTP";
    private static final Logger log = LoggerFactory.getLogger(ExportEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminTotp totp;
    private final OpenConversationSource source;

    /** @param totp null when the export is off */
    ExportEndpoint(AdminTotp totp, OpenConversationSource source) {
        this.totp = totp;
        this.source = source;
    }

    /**
     * Called once an admin token has been accepted.
     *
     * @param failedAttempt counts a wrong or replayed code against the caller
     */
    void handle(OpsCall ex, ApiToken caller, Runnable failedAttempt) throws IOException {
        if (totp == null || source == null) {
            ex.sendJson(404, "{\"error\": \"the export is off: set http.admin-totp-file (create it with"
                    + " 'replyclock totp-secret --file F')\"}");
            return;
        }
        if (!"GET".equals(ex.method())) {
            ex.setHeader("Allow", "GET");
            ex.sendJson(405, "{\"error\": \"use GET\"}");
            return;
        }
        String address = ex.remoteAddress();
        AdminTotp.Check check;
        try {
            check = totp.check(ex.header(TOTP_HEADER));
        } catch (UsedTotpSteps.Unavailable e) {
            log.error("export refused: {}", e.getMessage());
            ex.sendJson(503, "{\"error\": \"the code cannot be checked for replay now; try again\"}");
            AuditLog.record(ex, caller, 503, "full export refused: the replay guard is unavailable");
            return;
        }
        if (check != AdminTotp.Check.OK) {
            failedAttempt.run();
            // Logged without the code or the token: only the outcome and where it came from.
            log.warn("export refused ({}) from {}", check, address);
            int status = check == AdminTotp.Check.MISSING ? 401 : 403;
            ex.sendJson(status, switch (check) {
                case MISSING -> "{\"error\": \"the export needs the admin's TOTP code in the " + TOTP_HEADER + " header\"}";
                case REPLAYED -> "{\"error\": \"this code was used already; wait for the next one\"}";
                default -> "{\"error\": \"the TOTP code is not valid\"}";
            });
            AuditLog.record(ex, caller, status, "full export refused: TOTP code " + check.name().toLowerCase(Locale.ROOT));
            return;
        }
        Lines lines = new Lines(ex);
        try {
            source.forEachOpen(lines::write);
        } catch (IllegalStateException e) {
            if (!lines.started()) {
                ex.sendJson(503, JSON.createObjectNode().put("error", e.getMessage()).toString());
                return;
            }
            throw e;
        } catch (UncheckedIOException e) {
            log.warn("export to {} broke off after {} conversations: {}", address, lines.count, e.getCause().toString());
            ex.fail(e.getCause());
            return;
        }
        lines.finish();
        AuditLog.record(ex, caller, 200, "full export of " + lines.count + " open conversations");
    }

    /** The exported fields; there is no customer text or identifier in the state to leave out. */
    static ObjectNode toJson(ReplyClock c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("conversationId", c.conversationId());
        o.put("tier", c.tier().wireName());
        o.put("channel", c.channel());
        o.put("team", c.team());
        o.put("policy", c.policy());
        o.put("openedAt", c.openedAt().toString());
        o.put("deadline", c.deadline().toString());
        o.put("stage", c.stage().name().toLowerCase(Locale.ROOT));
        o.put("escalations", c.escalations());
        o.put("acked", c.acked());
        o.set("signals", AlertJson.signalsNode(c.signals()));
        return o;
    }

    /** Sends the 200 headers with the first line, so that a state that cannot be read still gets its 503. */
    private static final class Lines {
        private final OpsCall ex;
        private OutputStream out;
        long count;

        Lines(OpsCall ex) {
            this.ex = ex;
        }

        boolean started() {
            return out != null;
        }

        void write(ReplyClock c) {
            try {
                start();
                out.write(toJson(c).toString().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void start() throws IOException {
            if (out == null) {
                // chunked: the size is not known before the end
                out = new BufferedOutputStream(ex.stream("application/x-ndjson"), 64 * 1024);
            }
        }

        void finish() throws IOException {
            start();
            out.close();
        }
    }
}
