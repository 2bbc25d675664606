package dev.replyclock.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.replyclock.cli.Daemon;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.testing.InProcessDaemon;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon that has seen nothing yet must already show a value for every query of the shipped dashboard and
 * rules: no panel reads "No data", and {@code increase()} sees the first event. promtool and a real Prometheus
 * are not available to the build (no network, no Docker), so the PromQL is not evaluated: each expression's
 * series selectors (metric name and label matchers, see {@link PromSelectors}) must match a series of a real
 * scrape of the fresh daemon.
 */
class FreshDaemonMetricsIT {

    @TempDir
    Path work;

    @Test
    void aFreshDaemonHasASeriesWithAValueForEverySelectorOfTheDashboardAndTheRules() throws Exception {
        Files.writeString(work.resolve("intake-token"), "intake-token-0123456789abcdefghijkl");
        Path file = work.resolve("replyclock.yaml");
        Files.writeString(file, InProcessDaemon.configFile(work,
                "ingest.http.port: 0",
                "ingest.http.token-file: " + work.resolve("intake-token"),
                "alerts.receivers: " + InProcessDaemon.logReceiver(work.resolve("alerts.jsonl")),
                "sla.policies: [{name: vip, match: {team: billing}, targets: {complaint: 30s}}]"));
        List<String> queries = shippedQueries();
        assertTrue(queries.size() >= 20, "the dashboard and the rules: " + queries);
        List<PromSelectors.Selector> selectors = new ArrayList<>();
        queries.forEach(q -> selectors.addAll(PromSelectors.of(q)));
        try (Daemon daemon = Daemon.start(ConfigLoader.load(file, Map.of()), file, Clock.systemUTC(),
                new PrintStream(PrintStream.nullOutputStream()))) {
            // The input lag is read from the broker off the scrape, so it is NaN until its first read.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<PromSelectors.Sample> scrape = PromSelectors.samples(scrape(daemon));
                TreeSet<String> noData = new TreeSet<>();
                for (PromSelectors.Selector s : selectors) {
                    if (!s.metric().equals("up") && scrape.stream().noneMatch(x -> s.matches(x) && !Double.isNaN(x.value()))) {
                        noData.add(s.toString());
                    }
                }
                assertEquals(new TreeSet<String>(), noData, "selectors without a series with a value");
            });
            String text = scrape(daemon);
            for (String series : List.of("replyclock_dead_letters_total{reason=\"key-mismatch\"} 0.0",
                    "replyclock_dead_letters_total{reason=\"deserialization-error\"} 0.0",
                    "replyclock_silenced_total{receiver=\"file\"} 0.0",
                    "replyclock_team_overloaded{team=\"billing\"} 0.0",
                    "replyclock_team_overloaded{team=\"default\"} 0.0",
                    "replyclock_alerts_total{kind=\"overload\",tier=\"standard\"} 0.0",
                    "replyclock_deliveries_total{outcome=\"failed\",receiver=\"file\"} 0.0",
                    "replyclock_config_reloads_total{outcome=\"failure\"} 0.0")) {
                assertTrue(text.contains(series), series);
            }
        }
    }

    /** Every {@code expr} of the Grafana dashboard and of the Prometheus rules. */
    static List<String> shippedQueries() throws Exception {
        List<String> out = new ArrayList<>();
        collectExpr(new ObjectMapper().readTree(Path.of("deploy/grafana/dashboards/replyclock.json").toFile()), out);
        collectExpr(new YAMLMapper().readTree(Path.of("deploy/prometheus/replyclock-rules.yml").toFile()), out);
        return out;
    }

    private static void collectExpr(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("expr") && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collectExpr(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectExpr(n, out));
        }
    }

    private static String scrape(Daemon daemon) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(daemon.httpBaseUrl() + "/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
