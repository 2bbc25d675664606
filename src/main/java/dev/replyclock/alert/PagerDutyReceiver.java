package dev.replyclock.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;

/**
 * PagerDuty Events API v2: {@code trigger} for signal, warning, breach and escalation, {@code resolve} when
 * the reply comes; {@code dedup_key} is the conversation's deadline, so every alert about one promise
 * updates one incident.
 */
public final class PagerDutyReceiver extends JsonHttpReceiver {

    public static final URI EVENTS_API = URI.create("https://events.pagerduty.com/v2/enqueue");
    private final String routingKey;

    public PagerDutyReceiver(String name, URI url, String routingKey, String language, Duration timeout) {
        super(name, url, language, timeout);
        this.routingKey = routingKey.trim();
    }

    @Override
    ObjectNode payload(Alert alert) {
        boolean resolve = alert.kind() == AlertKind.RESOLVED;
        ObjectNode o = JSON.createObjectNode()
                .put("routing_key", routingKey)
                .put("event_action", resolve ? "resolve" : "trigger")
                .put("dedup_key", dedupKey(alert));
        if (!resolve) {
            ObjectNode payload = o.putObject("payload")
                    .put("summary", AlertText.title(alert, language) + ": " + AlertText.details(alert, language))
                    .put("severity", switch (alert.tier()) {
                        case COMPLAINT -> "critical";
                        case URGENT -> "error";
                        case STANDARD -> "warning";
                    })
                    .put("source", "replyclock")
                    .put("timestamp", alert.createdAt().toString());
            payload.set("custom_details", AlertJson.toNode(alert));
        }
        return o;
    }

    static String dedupKey(Alert alert) {
        return alert.conversationId() + ":" + alert.deadline().toEpochMilli();
    }
}
