package dev.replyclock.ops;

import dev.replyclock.privacy.ApiToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of the API's mutating calls (ack, silences, reload) and of the export, refusals for a role
 * too low included, on the {@code dev.replyclock.audit} logger: what was done, by which token (its name, never
 * the token), from where, and the status answered. Nothing a customer wrote goes here, nor a silence's comment.
 */
final class AuditLog {

    private static final Logger audit = LoggerFactory.getLogger("dev.replyclock.audit");

    private AuditLog() {
    }

    /** @param caller null when the request presented no valid token */
    static void record(OpsCall ex, ApiToken caller, int status, String what) {
        audit.info("{}: {} {} by {} from {} -> {}", what, ex.method(), ex.path(),
                caller == null ? "no valid token" : "token '" + caller.name() + "' (" + caller.role().wireName() + ")",
                ex.remoteAddress(), status);
    }
}
