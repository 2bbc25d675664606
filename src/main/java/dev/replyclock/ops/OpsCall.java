package dev.replyclock.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request to the ops endpoint and its response, as the routes use them (blocking: the routes run on the
 * server's worker threads, which Jetty hands them only once the request head has fully arrived).
 */
final class OpsCall {

    /** The largest request body read; a larger one is refused with 413. */
    static final int MAX_BODY = 64 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private boolean done;

    OpsCall(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        return Request.getPathInContext(request);
    }

    /** @return null when absent */
    String header(String name) {
        return request.getHeaders().get(name);
    }

    String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** True when the request announces a body larger than {@link #MAX_BODY}. */
    boolean announcesTooLargeBody() {
        return request.getLength() > MAX_BODY;
    }

    /** The body, at most {@link #MAX_BODY} bytes (a chunked one may not announce its size). */
    byte[] body() throws IOException, BodyTooLarge {
        if (announcesTooLargeBody()) {
            throw new BodyTooLarge();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BodyTooLarge();
            }
            return bytes;
        }
    }

    /** A body over {@link #MAX_BODY}: answered with 413. */
    static final class BodyTooLarge extends Exception {
        BodyTooLarge() {
            super("the request body is larger than " + MAX_BODY / 1024 + " KiB", null, false, false);
        }
    }

    void sendJson(int status, String json) {
        send(status, "application/json", json);
    }

    void send(int status, String contentType, String body) {
        response.setStatus(status);
        if (body == null) {
            finish();
            return;
        }
        response.getHeaders().put("Content-Type", contentType);
        done = true;
        Content.Sink.write(response, true, body, callback);
    }

    /** Starts a streamed 200 response; the caller closes the stream, then calls {@link #finish}. */
    OutputStream stream(String contentType) {
        response.setStatus(200);
        response.getHeaders().put("Content-Type", contentType);
        return Content.Sink.asOutputStream(response);
    }

    /** Completes the response if no send did. */
    void finish() {
        if (!done) {
            done = true;
            callback.succeeded();
        }
    }

    void fail(Throwable e) {
        if (!done) {
            done = true;
            callback.failed(e);
        }
    }
}
