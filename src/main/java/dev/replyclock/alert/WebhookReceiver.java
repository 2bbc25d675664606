package dev.replyclock.alert;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the alert's JSON, signed per the Standard Webhooks spec: {@code webhook-id} (the alert id, also the
 * idempotency key), {@code webhook-timestamp} (unix seconds) and {@code webhook-signature}
 * ({@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.body} with the secret's bytes).
 */
public final class WebhookReceiver implements Receiver {

    private final String name;
    private final URI url;
    private final byte[] key;
    private final HttpPoster http;
    private final Clock clock;

    /** @param secret the spec's form, {@code whsec_<base64>} */
    public WebhookReceiver(String name, URI url, String secret, java.time.Duration timeout, Clock clock) {
        this.name = name;
        this.url = url;
        this.key = Base64.getDecoder().decode(secret.trim().substring("whsec_".length()));
        this.http = new HttpPoster(timeout);
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        String body = AlertJson.toLine(alert);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        http.post(url, "application/json", body, Map.of(
                "webhook-id", alert.id(),
                "webhook-timestamp", timestamp,
                "webhook-signature", "v1," + sign(alert.id() + "." + timestamp + "." + body)));
    }

    String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
