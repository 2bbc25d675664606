package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A generic HTTP SMS gateway shaped like Twilio's Messages API: a form POST of {@code To}, {@code From} and
 * {@code Body} with basic authentication (account, auth token), one per recipient; the alert (or group) id
 * goes in {@code Idempotency-Key} so that a retried request does not send twice. Numbers are E.164, checked
 * at configuration time. A text is a page, not a report: title and details, then the link and the excerpt
 * only while the message stays within {@value #MAX_CHARS} characters; a group is one short summary.
 */
public final class SmsReceiver implements Receiver {

    /** Incident updates ({@code acknowledged}, {@code closed}) are for machines; people get {@code resolved}. */
    @Override
    public boolean takes(Alert alert) {
        return Receiver.forPeople(alert);
    }


    /** Two SMS segments: beyond that a message is split, delayed and costly. */
    static final int MAX_CHARS = 320;
    /** A group's summary fits one segment. */
    static final int MAX_SUMMARY_CHARS = 160;

    private final String name;
    private final URI url;
    private final String authorization;
    private final String from;
    private final List<String> to;
    private final String language;
    private final HttpPoster http;
    private final AlertText text;

    public SmsReceiver(String name, URI url, String account, String authToken, String from, List<String> to,
                       String language, Duration timeout) {
        this(name, url, account, authToken, from, to, language, timeout, AlertText.DEFAULT);
    }

    public SmsReceiver(String name, URI url, String account, String authToken, String from, List<String> to,
                       String language, Duration timeout, AlertText text) {
        this.name = name;
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (account + ":" + authToken.trim()).getBytes(StandardCharsets.UTF_8));
        this.from = from;
        this.to = List.copyOf(to);
        this.language = language;
        this.http = new HttpPoster(timeout);
        this.text = text;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        send(alert.id(), body(text.render(alert, language)));
    }

    @Override
    public void deliver(AlertGroup group) throws DeliveryException {
        if (group.alerts().size() == 1) {
            deliver(group.alerts().get(0));
            return;
        }
        String summary = AlertText.groupTitle(group.alerts().size(), text.languageFor(group, language)) + ": "
                + group.alerts().stream().map(a -> text.render(a, language).title()).distinct()
                .collect(Collectors.joining("; "));
        send(group.id(), summary.length() <= MAX_SUMMARY_CHARS ? summary : summary.substring(0, MAX_SUMMARY_CHARS - 1) + "…");
    }

    static String body(RenderedAlert r) {
        StringBuilder b = new StringBuilder(r.title()).append(". ").append(r.details());
        if (r.link() != null && b.length() + 1 + r.link().length() <= MAX_CHARS) {
            b.append(' ').append(r.link());
        }
        if (r.excerpt() != null && b.length() + 3 + r.excerpt().length() <= MAX_CHARS) {
            b.append(" \"").append(r.excerpt()).append('"');
        }
        return b.toString();
    }

    private void send(String id, String body) throws DeliveryException {
        for (String number : to) {
            String form = "To=" + enc(number) + "&From=" + enc(from) + "&Body=" + enc(body);
            http.post(url, "application/x-www-form-urlencoded", form, Map.of(
                    "Authorization", authorization,
                    "Idempotency-Key", id + ":" + number));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
