package dev.replyclock.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on a free local port that records every request and answers with what the test says
 * (a status and headers per request), to test receivers against their real wire format.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** The answer to one request. */
    public record Response(int status, Map<String, String> headers, String body) {
        public static Response ok() {
            return new Response(200, Map.of(), "ok");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Response> answer = r -> Response.ok();

    public RecordingHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    Map.copyOf(ex.getRequestHeaders()), new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(r);
            Response response = answer.apply(r);
            response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(response.status(), body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void answer(Function<Request, Response> answer) {
        this.answer = answer;
    }

    /** Answers the first requests with these statuses, in turn, and every later one with 200. */
    public void answerInTurn(int... statuses) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        answer(r -> {
            int i = next.getAndIncrement();
            return i < statuses.length ? new Response(statuses[i], Map.of(), "scripted") : Response.ok();
        });
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
