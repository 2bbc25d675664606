package dev.replyclock.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.ConversationAlert;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the alert's JSON (plus {@code link} when {@code alerts.link-template} is set), signed per the
 * Standard Webhooks spec: {@code webhook-id} (the alert id, also the idempotency key),
 * {@code webhook-timestamp} (unix seconds) and {@code webhook-signature} ({@code v1,} + base64 of
 * HMAC-SHA256 over {@code id.timestamp.body} with the secret's bytes). A group of two or more is one request,
 * {@code {"groupKey": {...}, "alerts": [...]}}, whose {@code webhook-id} is the group's id.
 */
public final class WebhookReceiver implements Receiver {

    private final String name;
    private final URI url;
    private final byte[] key;
    private final HttpPoster http;
    private final Clock clock;
    private final AlertText text;

    /** @param secret the spec's form, {@code whsec_<base64>} */
    public WebhookReceiver(String name, URI url, String secret, java.time.Duration timeout, Clock clock) {
        this(name, url, secret, timeout, clock, AlertText.DEFAULT);
    }

    public WebhookReceiver(String name, URI url, String secret, java.time.Duration timeout, Clock clock, AlertText text) {
        this.name = name;
        this.url = url;
        this.key = Base64.getDecoder().decode(secret.trim().substring("whsec_".length()));
        this.http = new HttpPoster(timeout);
        this.clock = clock;
        this.text = text;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        post(alert.id(), document(alert).toString());
    }

    @Override
    public void deliver(AlertGroup group) throws DeliveryException {
        if (group.alerts().size() == 1) {
            deliver(group.alerts().get(0));
            return;
        }
        ObjectNode body = JsonHttpReceiver.JSON.createObjectNode();
        ObjectNode groupKey = body.putObject("groupKey");
        group.key().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> groupKey.put(e.getKey(), e.getValue()));
        ArrayNode alerts = body.putArray("alerts");
        group.alerts().forEach(a -> alerts.add(document(a)));
        post(group.id(), body.toString());
    }

    /** The alert's JSON with the inbox links of the conversation (or of each listed conversation). */
    ObjectNode document(Alert alert) {
        ObjectNode o = AlertJson.toNode(alert);
        if (alert instanceof ConversationAlert c) {
            String link = text.linkFor(c.conversationId(), c.team(), c.channel());
            if (link != null) {
                o.put("link", link);
            }
        }
        for (JsonNode c : o.path("conversations")) {
            String link = text.linkFor(c.path("conversationId").asText(), alert.team(), null);
            if (link != null) {
                ((ObjectNode) c).put("link", link);
            }
        }
        return o;
    }

    private void post(String id, String body) throws DeliveryException {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        http.post(url, "application/json", body, Map.of(
                "webhook-id", id,
                "webhook-timestamp", timestamp,
                "webhook-signature", "v1," + sign(id + "." + timestamp + "." + body)));
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
