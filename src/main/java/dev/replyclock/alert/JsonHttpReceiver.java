package dev.replyclock.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.Alert;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A receiver that POSTs one JSON document per notification to a URL; subclasses say what the document is,
 * and whether a group of alerts can be one document ({@link #groupPayload}) or goes alert by alert.
 */
abstract class JsonHttpReceiver implements Receiver {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI url;
    private final HttpPoster http;
    /** The receiver's own {@code language}, or null: the team's or {@code alerts.language} then. */
    final String language;
    final AlertText text;

    JsonHttpReceiver(String name, URI url, String language, Duration timeout, AlertText text) {
        this.name = name;
        this.url = url;
        this.language = language;
        this.text = text;
        this.http = new HttpPoster(timeout);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void deliver(Alert alert) throws DeliveryException {
        if (!sends(alert)) {
            return;
        }
        http.post(url, "application/json", payload(alert).toString(), Map.of());
    }

    @Override
    public final void deliver(AlertGroup group) throws DeliveryException {
        ObjectNode one = group.alerts().size() == 1 ? null : groupPayload(group);
        if (one == null) {
            for (Alert a : group.alerts()) {
                deliver(a);
            }
        } else {
            http.post(url, "application/json", one.toString(), Map.of());
        }
    }

    RenderedAlert render(Alert alert) {
        return text.render(alert, language);
    }

    abstract ObjectNode payload(Alert alert);

    /** Whether this receiver's format has anything to say about the alert (default: yes). */
    boolean sends(Alert alert) {
        return true;
    }

    /** The document for a group of two or more, or null when the format takes one alert per request. */
    ObjectNode groupPayload(AlertGroup group) {
        return null;
    }
}
