package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.replyclock.ingest.http.IntakeMetrics;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Direction;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.ReplyMeasurement;
import dev.replyclock.sla.SlaPolicy;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The operator's files must be valid and must speak of metrics the daemon really exports. */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Pattern METRIC = Pattern.compile("replyclock_[a-z_]+");

    private static List<Path> files(String... endings) throws IOException {
        try (Stream<Path> s = Files.walk(DEPLOY)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(endings).anyMatch(e -> p.toString().endsWith(e))).sorted().toList();
        }
    }

    @Test
    void everyDeployFileParses() throws IOException {
        List<Path> yaml = files(".yaml", ".yml");
        List<Path> json = files(".json");
        assertTrue(yaml.size() >= 6 && json.size() >= 1, "deploy files: " + yaml + json);
        for (Path p : yaml) {
            try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(p.toFile())) {
                assertTrue(docs.readAll().stream().anyMatch(d -> d != null && !d.isMissingNode()), p + " is empty");
            }
        }
        for (Path p : json) {
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(p.toFile());
        }
    }

    @Test
    void dashboardAndRulesNameOnlyExportedMetrics() throws IOException {
        Set<String> exported = exportedNames();
        Set<String> used = new TreeSet<>();
        for (Path p : files(".json", "-rules.yml")) {
            Matcher m = METRIC.matcher(Files.readString(p));
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertTrue(used.size() >= 6, "the dashboard and the rules use the daemon's metrics: " + used);
        Set<String> unknown = used.stream().filter(u -> !exported.contains(u)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, "exported: " + exported);
    }

    @Test
    void theSelectorsOfEveryShippedQueryNameTheMetricsItUses() throws Exception {
        Set<String> bySelectors = new TreeSet<>();
        Set<String> byName = new TreeSet<>();
        for (String q : FreshDaemonMetricsIT.shippedQueries()) {
            PromSelectors.of(q).forEach(s -> bySelectors.add(s.metric()));
            Matcher m = Pattern.compile("\\b(?:replyclock|jvm|process)_[a-z_]+|\\bup\\b").matcher(q);
            while (m.find()) {
                byName.add(m.group());
            }
        }
        assertEquals(byName, bySelectors, "what FreshDaemonMetricsIT checks against a fresh daemon's scrape");
        assertEquals(List.of(new PromSelectors.Selector("replyclock_intake_total", List.of(
                        new PromSelectors.Matcher_("outcome", "=~", "unauthorized|too-large|rate-limited")))),
                PromSelectors.of("sum by (source) (rate(replyclock_intake_total{job=\"replyclock\",outcome=~\"unauthorized|too-large|rate-limited\"}[15m])) > 0.1"));
    }

    /** Every replyclock_* name a scrape shows, after each metric has been touched once. */
    private static Set<String> exportedNames() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ReplyclockMetrics m = new ReplyclockMetrics(registry, SlaPolicy.DEFAULT);
        m.messageIn(Direction.INBOUND, Tier.URGENT, "chat");
        m.alert(AlertKind.BREACH, Tier.URGENT);
        m.escalation(Tier.URGENT, 1);
        m.replied(new ReplyMeasurement("c", Tier.URGENT, "chat", Duration.ofMinutes(2), true));
        m.deadLetter("not-json");
        m.delivery("console", "sent");
        m.lateMessage("future");
        m.deadlineLateness(Duration.ofMillis(100));
        m.expired();
        m.openMoved(null, Tier.URGENT);
        m.silenced("console");
        m.inhibited("console", 1);
        m.grouped("console", 2);
        m.teamOverloaded("returns", true);
        new IntakeMetrics(registry);
        m.live(() -> true);
        m.inputLag(() -> 0);
        m.streamThreadFailure("replace_thread");
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(registry.scrape());
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    @Test
    void theRulesPageWhenTheAppStallsOrKeepsRestartingAndTellWhenAPartDied() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(DEPLOY.resolve("prometheus/replyclock-rules.yml").toFile())
                .at("/groups/0/rules");
        java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
        rules.forEach(r -> byName.put(r.path("alert").asText(), r));
        String stalled = byName.get("ReplyclockStalled").path("expr").asText();
        for (String metric : List.of("replyclock_input_lag_records", "replyclock_messages_total", "replyclock_dead_letters_total")) {
            assertTrue(stalled.contains(metric), stalled);
        }
        assertEquals("page", byName.get("ReplyclockStalled").at("/labels/severity").asText());
        assertTrue(byName.get("ReplyclockNotLive").path("expr").asText().contains("replyclock_live"));
        assertTrue(byName.get("ReplyclockRestarting").path("expr").asText().contains("process_start_time_seconds"));
    }

    private static List<JsonNode> k8sDocuments() throws IOException {
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(DEPLOY.resolve("k8s/replyclock.yaml").toFile())) {
            return new ArrayList<>(it.readAll());
        }
    }

    @Test
    void deploymentProbesUseTheHealthEndpoints() throws IOException {
        List<JsonNode> docs = k8sDocuments();
        JsonNode deployment = docs.stream().filter(d -> "Deployment".equals(d.path("kind").asText())).findFirst().orElseThrow();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertTrue(container.has("resources"));
        assertTrue(docs.stream().anyMatch(d -> "PodDisruptionBudget".equals(d.path("kind").asText())));
        assertTrue(docs.stream().anyMatch(d -> "Secret".equals(d.path("kind").asText())));
    }

    @Test
    void theIntakeHasAPortAndAServiceApartFromTheOpsPort() throws IOException {
        List<JsonNode> docs = k8sDocuments();
        JsonNode config = new YAMLMapper().readTree(docs.stream().filter(d -> "ConfigMap".equals(d.path("kind").asText()))
                .findFirst().orElseThrow().at("/data/replyclock.yaml").asText());
        assertEquals(8081, config.path("ingest.http.port").asInt());
        assertEquals(8080, config.path("http.port").asInt());
        JsonNode container = docs.stream().filter(d -> "Deployment".equals(d.path("kind").asText())).findFirst()
                .orElseThrow().at("/spec/template/spec/containers/0");
        Set<String> ports = new TreeSet<>();
        container.path("ports").forEach(p -> ports.add(p.path("name").asText() + ":" + p.path("containerPort").asInt()));
        assertEquals(Set.of("http:8080", "intake:8081"), ports);
        List<JsonNode> services = docs.stream().filter(d -> "Service".equals(d.path("kind").asText())).toList();
        assertTrue(services.stream().anyMatch(s -> s.at("/spec/ports").size() == 1
                && "intake".equals(s.at("/spec/ports/0/targetPort").asText())), "a Service of the intake alone");
        assertTrue(services.stream().noneMatch(s -> s.at("/spec/ports").size() > 1), "no Service mixes ops and intake");
        assertTrue(Files.readString(DEPLOY.resolve("Dockerfile")).contains("EXPOSE 8080 8081"));
        JsonNode compose = new YAMLMapper().readTree(DEPLOY.resolve("compose.yaml").toFile());
        assertEquals("8081", compose.at("/services/replyclock/environment/REPLYCLOCK_INGEST_HTTP_PORT").asText());
        assertTrue(compose.at("/services/replyclock/ports").toString().contains("8081:8081"));
    }

    @Test
    void theComposeClusterIdIsAValidKafkaUuid() throws IOException {
        JsonNode compose = new YAMLMapper().readTree(DEPLOY.resolve("compose.yaml").toFile());
        String id = compose.at("/x-kafka/environment/CLUSTER_ID").asText();
        org.apache.kafka.common.Uuid.fromString(id); // throws unless 22 base64url characters of 16 bytes
    }

    @Test
    void theImageSetsNoPathThatWouldOverrideTheConfig() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        for (String key : List.of("REPLYCLOCK_PRIVACY_PSEUDONYM_KEY_FILE", "REPLYCLOCK_KAFKA_STATE_DIR")) {
            assertTrue(!dockerfile.contains(key), key + " in the image would override the mounted config");
        }
        assertTrue(Files.exists(DEPLOY.resolve("Dockerfile.dockerignore")), "local state and secrets stay out of the build");
    }

    @Test
    void theImageRunsAsNonRoot() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertTrue(dockerfile.lines().anyMatch(l -> l.matches("USER\\s+[1-9][0-9]*")), "a numeric non-root USER");
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"), "a JRE 17 runtime stage");
    }
}
