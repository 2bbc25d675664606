package dev.replyclock.alert;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A generic HTTP SMS gateway shaped like Twilio's Messages API: a form POST of {@code To}, {@code From} and
 * {@code Body} with basic authentication (account, auth token), one per recipient; the alert id goes in
 * {@code Idempotency-Key} so that a retried request does not send twice. Numbers are E.164, checked at
 * configuration time.
 */
public final class SmsReceiver implements Receiver {

    private final String name;
    private final URI url;
    private final String authorization;
    private final String from;
    private final List<String> to;
    private final String language;
    private final HttpPoster http;

    public SmsReceiver(String name, URI url, String account, String authToken, String from, List<String> to,
                       String language, Duration timeout) {
        this.name = name;
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (account + ":" + authToken.trim()).getBytes(StandardCharsets.UTF_8));
        this.from = from;
        this.to = List.copyOf(to);
        this.language = language;
        this.http = new HttpPoster(timeout);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        String body = AlertText.title(alert, language) + ". " + AlertText.details(alert, language);
        for (String number : to) {
            String form = "To=" + enc(number) + "&From=" + enc(from) + "&Body=" + enc(body);
            http.post(url, "application/x-www-form-urlencoded", form, Map.of(
                    "Authorization", authorization,
                    "Idempotency-Key", alert.id() + ":" + number));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
