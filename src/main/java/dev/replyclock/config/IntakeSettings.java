package dev.replyclock.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The webhook intake ({@code ingest.http.*}, {@code ingest.whatsapp.*}, {@code ingest.chatwoot.*}): a listener of
 * its own, apart from the ops endpoint, that turns provider webhooks into the message contract. A null file turns
 * its source off.
 *
 * @param port                 null = the intake is off (the default); 0 = any free port
 * @param maxBodyBytes         the largest request body; past it 413
 * @param requestsPerSecond    per client address; past it 429
 * @param readTimeout          the longest a request may take to arrive, and the longest a connection may idle
 * @param produceTimeout       the longest the intake waits for the broker before answering 503
 * @param tokenFile            the bearer token of {@code POST /ingest/messages}
 * @param whatsappVerifyTokenFile the verify token of Meta's subscription handshake
 * @param whatsappAppSecretFile   the app secret that signs WhatsApp notifications
 * @param chatwootTokenFile       the secret of the Chatwoot webhook URL (or bearer token)
 * @param chatwootWebhookSecretFile the secret that signs Chatwoot deliveries, where the version sends signatures
 */
public record IntakeSettings(String bindAddress, Integer port, int maxBodyBytes, int requestsPerSecond,
                             Duration readTimeout, Duration produceTimeout, Path tokenFile,
                             Path whatsappVerifyTokenFile, Path whatsappAppSecretFile, Path chatwootTokenFile,
                             Path chatwootWebhookSecretFile) {

    public static final IntakeSettings OFF = new IntakeSettings("127.0.0.1", null, 1 << 20, 50,
            Duration.ofSeconds(10), Duration.ofSeconds(10), null, null, null, null, null);

    public boolean enabled() {
        return port != null;
    }

    public boolean messagesOn() {
        return tokenFile != null;
    }

    public boolean whatsappOn() {
        return whatsappAppSecretFile != null && whatsappVerifyTokenFile != null;
    }

    public boolean chatwootOn() {
        return chatwootTokenFile != null || chatwootWebhookSecretFile != null;
    }
}
