package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import java.util.List;

/**
 * An alert put into words for people, once, so that every receiver shows the same content and only applies
 * its own format and escaping. Every value that did not come from config has been through the Redactor.
 *
 * @param language the language it is written in (en, fr)
 * @param title    from the {@code alerts.templates.<language>.<kind>} template
 * @param details  one line: conversation, wait, deadline, why (team alerts: team, count, oldest wait)
 * @param facts    the same as label/value pairs, for formats with tables (Teams)
 * @param items    team alerts: the conversations listed (capped, with "and N more"); empty otherwise
 * @param excerpt  the redacted excerpt of the customer's message, or null
 * @param link     the conversation in the inbox ({@code alerts.link-template}), or null
 */
public record RenderedAlert(Alert alert, String language, String title, String details, List<Fact> facts,
                            List<String> items, String excerpt, String link) {

    /** One labelled value. */
    public record Fact(String label, String value) {
    }

    public RenderedAlert {
        facts = List.copyOf(facts);
        items = List.copyOf(items);
    }

    /** Title, details, list, excerpt and link on separate lines (e-mail, plain text). */
    public String plain() {
        StringBuilder b = new StringBuilder(title).append('\n').append(details);
        for (String item : items) {
            b.append("\n  ").append(item);
        }
        if (excerpt != null) {
            b.append("\n\"").append(excerpt).append('"');
        }
        if (link != null) {
            b.append('\n').append(link);
        }
        return b.toString();
    }
}
