package dev.replyclock.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.Alert;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Slack incoming webhook: {@code text} (the fallback for notifications) and {@code blocks}, one section
 * per alert (a group is one message, capped at {@value #MAX_SECTIONS} sections and "and N more"), with
 * {@code &}, {@code <} and {@code >} escaped as Slack requires; the link to the conversation is a mrkdwn
 * link. A 429 carries Retry-After, which the delivery honours.
 */
public final class SlackReceiver extends JsonHttpReceiver {

    /** Incident updates ({@code acknowledged}, {@code closed}) are for machines; people get {@code resolved}. */
    @Override
    public boolean takes(Alert alert) {
        return Receiver.forPeople(alert);
    }


    /** Slack allows 50 blocks a message; a notification people read stays far below. */
    static final int MAX_SECTIONS = 10;
    /** Slack's limit for the text of a section. */
    private static final int MAX_SECTION_TEXT = 3000;

    public SlackReceiver(String name, URI url, String language, Duration timeout) {
        this(name, url, language, timeout, AlertText.DEFAULT);
    }

    public SlackReceiver(String name, URI url, String language, Duration timeout, AlertText text) {
        super(name, url, language, timeout, text);
    }

    @Override
    ObjectNode payload(Alert alert) {
        RenderedAlert r = render(alert);
        ObjectNode o = JSON.createObjectNode().put("text", escape(r.title()) + ": " + escape(r.details()));
        section(o.putArray("blocks"), r);
        return o;
    }

    @Override
    ObjectNode groupPayload(AlertGroup group) {
        String lang = text.languageFor(group, language);
        List<RenderedAlert> all = group.alerts().stream().map(this::render).toList();
        String header = AlertText.groupTitle(all.size(), lang);
        ObjectNode o = JSON.createObjectNode().put("text", escape(header + ": "
                + all.stream().map(RenderedAlert::title).distinct().collect(Collectors.joining("; "))));
        ArrayNode blocks = o.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", header);
        for (RenderedAlert r : all.subList(0, Math.min(MAX_SECTIONS, all.size()))) {
            section(blocks, r);
        }
        if (all.size() > MAX_SECTIONS) {
            blocks.addObject().put("type", "context").putArray("elements").addObject()
                    .put("type", "mrkdwn").put("text", escape(AlertText.more(all.size() - MAX_SECTIONS, lang)));
        }
        return o;
    }

    private static void section(ArrayNode blocks, RenderedAlert r) {
        StringBuilder t = new StringBuilder("*").append(escape(r.title())).append("*\n").append(escape(r.details()));
        for (String item : r.items()) {
            t.append("\n").append(item.startsWith("  ") ? "    ◦ " + escape(item.strip()) : "• " + escape(item));
        }
        if (r.excerpt() != null) {
            t.append("\n>").append(escape(r.excerpt()));
        }
        if (r.link() != null) {
            t.append("\n<").append(escape(r.link())).append('|')
                    .append("fr".equals(r.language()) ? "Ouvrir la conversation" : "Open the conversation").append('>');
        }
        String text = t.length() > MAX_SECTION_TEXT ? t.substring(0, MAX_SECTION_TEXT - 1) + "…" : t.toString();
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", text);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
