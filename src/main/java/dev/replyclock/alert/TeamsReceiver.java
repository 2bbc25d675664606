package dev.replyclock.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.Alert;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A Microsoft Teams Workflows webhook: a message with one Adaptive Card (1.4) attachment; a group is one
 * card with a container per alert (capped, "and N more"); the link is an {@code Action.OpenUrl}.
 */
public final class TeamsReceiver extends JsonHttpReceiver {

    /** Incident updates ({@code acknowledged}, {@code closed}) are for machines; people get {@code resolved}. */
    @Override
    public boolean takes(Alert alert) {
        return Receiver.forPeople(alert);
    }


    static final int MAX_CONTAINERS = 10;

    public TeamsReceiver(String name, URI url, String language, Duration timeout) {
        this(name, url, language, timeout, AlertText.DEFAULT);
    }

    public TeamsReceiver(String name, URI url, String language, Duration timeout, AlertText text) {
        super(name, url, language, timeout, text);
    }

    @Override
    ObjectNode payload(Alert alert) {
        ObjectNode message = JSON.createObjectNode();
        describe(card(message).putArray("body"), render(alert));
        return message;
    }

    @Override
    ObjectNode groupPayload(AlertGroup group) {
        String lang = text.languageFor(group, language);
        List<RenderedAlert> all = group.alerts().stream().map(this::render).toList();
        ObjectNode message = JSON.createObjectNode();
        ArrayNode body = card(message).putArray("body");
        body.addObject().put("type", "TextBlock").put("text", AlertText.groupTitle(all.size(), lang))
                .put("weight", "Bolder").put("size", "Large").put("wrap", true);
        for (RenderedAlert r : all.subList(0, Math.min(MAX_CONTAINERS, all.size()))) {
            describe(body.addObject().put("type", "Container").put("separator", true).putArray("items"), r);
        }
        if (all.size() > MAX_CONTAINERS) {
            body.addObject().put("type", "TextBlock").put("text", AlertText.more(all.size() - MAX_CONTAINERS, lang))
                    .put("isSubtle", true).put("wrap", true);
        }
        return message;
    }

    private static ObjectNode card(ObjectNode message) {
        message.put("type", "message");
        return message.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive")
                .putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.4");
    }

    /** Title, facts, listed conversations, excerpt and link of one alert, every text escaped ({@link #escape}). */
    private static void describe(ArrayNode items, RenderedAlert r) {
        items.addObject().put("type", "TextBlock").put("text", escape(r.title()))
                .put("weight", "Bolder").put("size", "Medium").put("wrap", true);
        ArrayNode facts = items.addObject().put("type", "FactSet").putArray("facts");
        for (RenderedAlert.Fact f : r.facts()) {
            facts.addObject().put("title", f.label()).put("value", escape(f.value()));
        }
        if (!r.items().isEmpty()) {
            items.addObject().put("type", "TextBlock").put("text", escape(String.join("\n\n", r.items())))
                    .put("wrap", true).put("fontType", "Monospace");
        }
        if (r.excerpt() != null) {
            items.addObject().put("type", "TextBlock").put("text", "“" + escape(r.excerpt()) + "”")
                    .put("isSubtle", true).put("wrap", true);
        }
        if (r.link() != null) {
            items.addObject().put("type", "ActionSet").putArray("actions").addObject()
                    .put("type", "Action.OpenUrl").put("url", r.link())
                    .put("title", "fr".equals(r.language()) ? "Ouvrir la conversation" : "Open the conversation");
        }
    }

    /**
     * Adaptive Card text is Markdown (bold, italic, lists, {@code [text](url)} links): a customer's excerpt
     * or a conversation id could put a link with an innocent label in the agents' channel. Every Markdown
     * character is backslash-escaped (CommonMark escapes, which the card renderers honour), and so is a
     * list marker at the start of a line; a bare URL stays visible as what it is. Parentheses alone make no
     * link without the brackets, so they stay readable.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        boolean lineStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (lineStart && Character.isDigit(c)) { // "12." or "12)" would start an ordered list
                int j = i;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                b.append(s, i, j);
                if (j < s.length() && (s.charAt(j) == '.' || s.charAt(j) == ')')) {
                    b.append('\\');
                }
                i = j - 1;
                lineStart = false;
                continue;
            }
            if ("\\*_[]`~#<>|".indexOf(c) >= 0 || lineStart && (c == '-' || c == '+')) {
                b.append('\\');
            }
            b.append(c);
            lineStart = c == '\n' || lineStart && c == ' ';
        }
        return b.toString();
    }
}
