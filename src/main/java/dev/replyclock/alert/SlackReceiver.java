package dev.replyclock.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;

/**
 * A Slack incoming webhook: {@code text} (the fallback for notifications) and {@code blocks}, with
 * {@code &}, {@code <} and {@code >} escaped as Slack requires; a 429 carries Retry-After, which the
 * delivery honours.
 */
public final class SlackReceiver extends JsonHttpReceiver {

    public SlackReceiver(String name, URI url, String language, Duration timeout) {
        super(name, url, language, timeout);
    }

    @Override
    ObjectNode payload(Alert alert) {
        String title = escape(AlertText.title(alert, language));
        String details = escape(AlertText.details(alert, language));
        ObjectNode o = JSON.createObjectNode().put("text", title + ": " + details);
        o.putArray("blocks")
                .addObject().put("type", "section")
                .putObject("text").put("type", "mrkdwn").put("text", "*" + title + "*\n" + details);
        return o;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
