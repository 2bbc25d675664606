package dev.replyclock.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** A receiver that POSTs one JSON document per alert to a URL; subclasses say what the document is. */
abstract class JsonHttpReceiver implements Receiver {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI url;
    private final HttpPoster http;
    final String language;

    JsonHttpReceiver(String name, URI url, String language, Duration timeout) {
        this.name = name;
        this.url = url;
        this.language = language;
        this.http = new HttpPoster(timeout);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void deliver(Alert alert) throws DeliveryException {
        http.post(url, "application/json", payload(alert).toString(), Map.of());
    }

    abstract ObjectNode payload(Alert alert);
}
