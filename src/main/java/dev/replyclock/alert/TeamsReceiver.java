package dev.replyclock.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;

/** A Microsoft Teams Workflows webhook: a message with one Adaptive Card (1.4) attachment. */
public final class TeamsReceiver extends JsonHttpReceiver {

    public TeamsReceiver(String name, URI url, String language, Duration timeout) {
        super(name, url, language, timeout);
    }

    @Override
    ObjectNode payload(Alert alert) {
        ObjectNode message = JSON.createObjectNode().put("type", "message");
        ObjectNode card = message.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", AlertText.title(alert, language))
                .put("weight", "Bolder").put("size", "Medium").put("wrap", true);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        facts.addObject().put("title", "Conversation").put("value", alert.conversationId());
        facts.addObject().put("title", "Tier").put("value", alert.tier().wireName());
        facts.addObject().put("title", "Deadline").put("value", alert.deadline().toString());
        if (!alert.signals().isEmpty()) {
            facts.addObject().put("title", "fr".equals(language) ? "Motif" : "Why").put("value", AlertText.why(alert));
        }
        return message;
    }
}
