package dev.replyclock.config;

import java.nio.file.Path;
import java.util.stream.Stream;

/** {@code ingest.*}: how records are keyed, and the webhook intake (off while {@code ingest.http.port} is empty). */
final class IngestSection {

    private IngestSection() {
    }

    /** {@code ingest.rekey}: auto re-keys a record keyed otherwise than by its conversationId, strict dead-letters it. */
    static boolean rekey(ConfigValues v) {
        String mode = v.text("ingest.rekey");
        if (!mode.equals("auto") && !mode.equals("strict")) {
            v.problem("ingest.rekey", mode, "use auto (re-key a record whose key is not its"
                    + " conversationId, the default) or strict (dead-letter it as key-mismatch)");
        }
        return !mode.equals("strict");
    }

    /** The intake, whose port must differ from the ops endpoint's {@code http}. */
    static IntakeSettings read(ConfigValues v, HttpSettings http) {
        String portText = v.text("ingest.http.port");
        Integer port = portText.isBlank() ? null : v.port("ingest.http.port");
        if (port != null && port != 0 && port == http.port()) {
            v.problem("ingest.http.port", portText, "must differ from http.port: the intake"
                    + " faces the internet and has a listener of its own; use another port, like 8081");
        }
        Path token = secretFile(v, "ingest.http.token-file");
        Path verify = secretFile(v, "ingest.whatsapp.verify-token-file");
        Path appSecret = secretFile(v, "ingest.whatsapp.app-secret-file");
        if (v.text("ingest.whatsapp.verify-token-file").isBlank() != v.text("ingest.whatsapp.app-secret-file").isBlank()) {
            String missing = v.text("ingest.whatsapp.app-secret-file").isBlank()
                    ? "ingest.whatsapp.app-secret-file" : "ingest.whatsapp.verify-token-file";
            v.problem(missing, "", "WhatsApp needs both the verify token (subscription"
                    + " handshake) and the app secret (signed notifications); set both, or neither to turn it off");
        }
        Path chatwootToken = secretFile(v, "ingest.chatwoot.token-file");
        Path chatwootSecret = secretFile(v, "ingest.chatwoot.webhook-secret-file");
        IntakeSettings intake = new IntakeSettings(v.text("ingest.http.bind-address"), port,
                v.intInRange("ingest.http.max-body-bytes", 1024, 64 << 20),
                v.intInRange("ingest.http.rate-limit", 1, 100_000), v.duration("ingest.http.read-timeout"),
                v.duration("ingest.http.produce-timeout"), token, verify, appSecret, chatwootToken, chatwootSecret);
        boolean sourceNamed = Stream.of("ingest.http.token-file", "ingest.whatsapp.app-secret-file",
                "ingest.chatwoot.token-file", "ingest.chatwoot.webhook-secret-file").anyMatch(k -> !v.text(k).isBlank());
        if (intake.enabled() && !sourceNamed) {
            v.problem("ingest.http.port", portText, "the intake has nothing to serve: set"
                    + " ingest.http.token-file, ingest.whatsapp.* or ingest.chatwoot.*, or leave the port empty");
        }
        return intake;
    }

    private static Path secretFile(ConfigValues v, String key) {
        return IntakeChecks.secretFile(key, v.text(key), v.problems());
    }
}
