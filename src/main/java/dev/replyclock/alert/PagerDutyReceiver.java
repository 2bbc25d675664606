package dev.replyclock.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import java.net.URI;
import java.time.Duration;

/**
 * PagerDuty Events API v2, one event per alert (the API has no batches): {@code trigger} for signal,
 * warning, breach and escalation; {@code acknowledge} for {@code acknowledged} (or {@code resolve} with
 * {@code alerts.pagerduty.resolve-on-ack}); {@code resolve} for {@code closed} (the ladder ended: reply,
 * expiry, erasure; one per incident the wait opened) and for {@code resolved}; {@code dedup_key} is the
 * conversation's deadline, so every alert about one promise updates one incident. A team overload is one
 * incident too, {@code team:<team>:<start millis>}: triggered at level 1, resolved at level 0. A digest is a
 * summary, not an incident: it is not sent here (route digests to e-mail or chat).
 */
public final class PagerDutyReceiver extends JsonHttpReceiver {

    public static final URI EVENTS_API = URI.create("https://events.pagerduty.com/v2/enqueue");
    private final String routingKey;
    private final boolean resolveOnAck;

    public PagerDutyReceiver(String name, URI url, String routingKey, String language, Duration timeout) {
        this(name, url, routingKey, language, timeout, AlertText.DEFAULT);
    }

    public PagerDutyReceiver(String name, URI url, String routingKey, String language, Duration timeout,
                             AlertText text) {
        this(name, url, routingKey, language, timeout, text, false);
    }

    /** @param resolveOnAck {@code alerts.pagerduty.resolve-on-ack}: an ack resolves the incidents instead of acknowledging them */
    public PagerDutyReceiver(String name, URI url, String routingKey, String language, Duration timeout,
                             AlertText text, boolean resolveOnAck) {
        super(name, url, language, timeout, text);
        this.routingKey = routingKey.trim();
        this.resolveOnAck = resolveOnAck;
    }

    /** Digests are not incidents. */
    @Override
    boolean sends(Alert alert) {
        return alert.kind() != AlertKind.DIGEST;
    }

    @Override
    ObjectNode payload(Alert alert) {
        String action = action(alert);
        ObjectNode o = JSON.createObjectNode()
                .put("routing_key", routingKey)
                .put("event_action", action)
                .put("dedup_key", dedupKey(alert));
        if (action.equals("trigger")) {
            RenderedAlert r = render(alert);
            ObjectNode payload = o.putObject("payload")
                    .put("summary", truncate(r.title() + ": " + r.details(), 1024))
                    .put("severity", switch (alert.tier()) {
                        case COMPLAINT -> "critical";
                        case URGENT -> "error";
                        case STANDARD -> "warning";
                    })
                    .put("source", "replyclock")
                    .put("timestamp", alert.createdAt().toString());
            payload.set("custom_details", AlertJson.toNode(alert));
            if (r.link() != null) {
                o.putArray("links").addObject().put("href", r.link())
                        .put("text", "fr".equals(r.language()) ? "Ouvrir la conversation" : "Open the conversation");
            }
        }
        return o;
    }

    private String action(Alert alert) {
        return switch (alert.kind()) {
            case RESOLVED, CLOSED -> "resolve";
            case ACKNOWLEDGED -> resolveOnAck ? "resolve" : "acknowledge";
            case OVERLOAD -> alert.level() == 0 ? "resolve" : "trigger";
            default -> "trigger";
        };
    }

    static String dedupKey(Alert alert) {
        if (alert instanceof ConversationAlert c) {
            return c.conversationId() + ":" + c.deadline().toEpochMilli();
        }
        return "team:" + alert.team() + ":" + alert.deadline().toEpochMilli();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
