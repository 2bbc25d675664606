package dev.replyclock.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs for the HTTP receivers, with a connect timeout and a whole-request timeout, and the status codes
 * sorted into success, retryable (429 with its Retry-After, 5xx, timeouts) and permanent (other 4xx).
 */
final class HttpPoster {

    private final HttpClient client;
    private final Duration timeout;

    HttpPoster(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Returns the response body of a 2xx answer, or throws a {@link DeliveryException} that says what to do. */
    String post(URI url, String contentType, String body, Map<String, String> headers) throws DeliveryException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", contentType)
                .header("User-Agent", "replyclock")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw DeliveryException.retryable("timed out after " + timeout, e);
        } catch (IOException e) {
            throw DeliveryException.retryable("cannot reach " + url.getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        if (status == 429) {
            throw new DeliveryException("429 too many requests", true, retryAfter(response), null);
        }
        if (status >= 500 || status == 408) {
            throw DeliveryException.retryable("HTTP " + status, null);
        }
        throw DeliveryException.permanent("HTTP " + status + " (the receiver refuses this request)");
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return null; // an HTTP date: fall back to our own backoff
            }
        }).orElse(null);
    }
}
