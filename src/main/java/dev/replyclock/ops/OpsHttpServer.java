package dev.replyclock.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operations endpoint, on the JDK's own HTTP server (three read-only routes need no framework):
 * {@code /metrics} (Prometheus text), {@code /health/live} (the process answers) and {@code /health/ready}
 * (200 only when the Streams app runs and the notifier consumes; 503 with the reason otherwise).
 */
public final class OpsHttpServer implements AutoCloseable {

    private final HttpServer server;

    public OpsHttpServer(String bindAddress, int port, PrometheusMeterRegistry registry, Supplier<Readiness> readiness) {
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindAddress + ":" + port
                    + " (http.port; use another port or 0 for any free one)", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "replyclock-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape()));
        server.createContext("/health/live", ex -> respond(ex, 200, "text/plain; charset=utf-8", "live\n"));
        server.createContext("/health/ready", ex -> {
            Readiness r = readiness.get();
            respond(ex, r.ready() ? 200 : 503, "text/plain; charset=utf-8", r.describe() + "\n");
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        String host = server.getAddress().getAddress().isAnyLocalAddress()
                ? "localhost" : server.getAddress().getHostString();
        return "http://" + host + ":" + port();
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, "HEAD".equals(ex.getRequestMethod()) ? -1 : bytes.length);
            if (!"HEAD".equals(ex.getRequestMethod())) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
