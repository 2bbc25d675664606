package dev.replyclock.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.replyclock.alert.AlertText;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key registry with its defaults, and the merge of the layers a configuration is read from: the file
 * (nested or dotted keys), then {@code REPLYCLOCK_*} variables, then explicit overrides. A key outside the
 * registry is a problem with a "did you mean" suggestion: a typo must not silently fall back.
 */
final class ConfigLayers {

    /** Every key with its default; unknown keys are errors (a typo must not silently fall back). */
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("kafka.bootstrap-servers", KafkaSettings.EMBEDDED);
        DEFAULTS.put("kafka.embedded.port", "9092");
        DEFAULTS.put("kafka.embedded.data-dir", "data/kafka");
        DEFAULTS.put("kafka.application-id", "replyclock");
        DEFAULTS.put("kafka.processing-guarantee", "exactly_once_v2");
        DEFAULTS.put("kafka.state-dir", "data/streams");
        DEFAULTS.put("kafka.standby-replicas", "1");
        DEFAULTS.put("kafka.client-properties", "");
        DEFAULTS.put("kafka.topics.partitions", "3");
        DEFAULTS.put("kafka.topics.messages", "support.messages");
        DEFAULTS.put("kafka.topics.alerts", "support.alerts");
        DEFAULTS.put("kafka.topics.dead-letter", "support.messages.dlq");
        DEFAULTS.put("kafka.topics.dead-letter-retention", "7d");
        DEFAULTS.put("kafka.topics.undelivered", "support.alerts.undelivered");
        DEFAULTS.put("kafka.topics.notification-log", "support.alerts.notifications");
        DEFAULTS.put("kafka.topics.silences", "support.alerts.silences");
        DEFAULTS.put("kafka.topics.overload", "support.alerts.overload");
        DEFAULTS.put("kafka.topics.privacy-requests", "support.privacy.requests");
        DEFAULTS.put("kafka.topics.privacy-results", "support.privacy.results");
        DEFAULTS.put("alerts.route", "{}");
        DEFAULTS.put("alerts.overload.inhibits", "[warning, breach, escalation]");
        DEFAULTS.put("alerts.retry.attempts", "8");
        DEFAULTS.put("alerts.retry.initial-backoff", "500ms");
        DEFAULTS.put("alerts.retry.max-backoff", "30s");
        DEFAULTS.put("alerts.circuit.open-for", "5s");
        DEFAULTS.put("alerts.circuit.failure-rate-threshold", "50");
        DEFAULTS.put("alerts.circuit.minimum-calls", "10");
        DEFAULTS.put("alerts.circuit.sliding-window-size", "20");
        DEFAULTS.put("alerts.language", "en");
        DEFAULTS.put("alerts.team-languages", "{}");
        for (String lang : List.of("en", "fr")) {
            for (String kind : AlertText.TEMPLATE_KEYS) {
                DEFAULTS.put("alerts.templates." + lang + "." + kind, AlertText.BUILTIN_TITLES.get(lang).get(kind));
            }
        }
        DEFAULTS.put("alerts.link-template", "");
        DEFAULTS.put("alerts.pagerduty.resolve-on-ack", "false");
        DEFAULTS.put("alerts.time-zone", "UTC");
        DEFAULTS.put("alerts.include-excerpt", "false");
        DEFAULTS.put("alerts.excerpt-length", "120");
        DEFAULTS.put("alerts.overload.threshold", "20");
        DEFAULTS.put("alerts.digest.every", "1h");
        DEFAULTS.put("alerts.silences.max-duration", "7d");
        DEFAULTS.put("sla.targets.standard", "15m");
        DEFAULTS.put("sla.targets.urgent", "5m");
        DEFAULTS.put("sla.targets.complaint", "1m");
        for (String tier : List.of("standard", "urgent", "complaint")) {
            DEFAULTS.put("sla.targets.next." + tier, ""); // empty: the first-reply target
        }
        DEFAULTS.put("sla.warn-at", "0.8");
        DEFAULTS.put("sla.escalation.every", "10m");
        DEFAULTS.put("sla.escalation.max-level", "3");
        for (String tier : List.of("complaint", "urgent", "standard")) {
            DEFAULTS.put("sla.escalation." + tier + ".every", "");
            DEFAULTS.put("sla.escalation." + tier + ".max-level", "");
        }
        DEFAULTS.put("sla.policies", "[]");
        DEFAULTS.put("sla.calendars", "{}");
        DEFAULTS.put("sla.calendar", "");
        DEFAULTS.put("sla.clock.standard", "calendar");
        DEFAULTS.put("sla.clock.urgent", "calendar");
        DEFAULTS.put("sla.clock.complaint", "24/7");
        DEFAULTS.put("http.bind-address", "127.0.0.1");
        DEFAULTS.put("http.port", "8080");
        DEFAULTS.put("http.api-token-file", "");
        DEFAULTS.put("http.api-tokens", "[]");
        DEFAULTS.put("http.admin-totp-file", "");
        DEFAULTS.put("ingest.rekey", "auto");
        DEFAULTS.put("ingest.http.bind-address", "127.0.0.1");
        DEFAULTS.put("ingest.http.port", "");
        DEFAULTS.put("ingest.http.token-file", "");
        DEFAULTS.put("ingest.http.max-body-bytes", "1048576");
        DEFAULTS.put("ingest.http.rate-limit", "50");
        DEFAULTS.put("ingest.http.read-timeout", "10s");
        DEFAULTS.put("ingest.http.produce-timeout", "10s");
        DEFAULTS.put("ingest.whatsapp.verify-token-file", "");
        DEFAULTS.put("ingest.whatsapp.app-secret-file", "");
        DEFAULTS.put("ingest.chatwoot.token-file", "");
        DEFAULTS.put("ingest.chatwoot.webhook-secret-file", "");
        DEFAULTS.put("health.dead-exit-after", "30s");
        DEFAULTS.put("alerts.receivers", "[{name: console, type: log, path: '-'}]");
        DEFAULTS.put("classify.rules", ReplyclockConfig.BUILTIN_RULES);
        DEFAULTS.put("logging.format", "text");
        DEFAULTS.put("privacy.retention", "90d");
        DEFAULTS.put("privacy.pseudonym-key-file", "data/pseudonym.key");
        DEFAULTS.put("privacy.default-region", "FR");
        DEFAULTS.put("privacy.archive.target", "");
        DEFAULTS.put("privacy.archive.dir", "");
        DEFAULTS.put("privacy.archive.s3.endpoint", "");
        DEFAULTS.put("privacy.archive.s3.region", "");
        DEFAULTS.put("privacy.archive.s3.path-style", "false");
        DEFAULTS.put("privacy.archive.s3.credentials-file", "");
        DEFAULTS.put("privacy.archive.keyset-file", "data/archive-keyset.json");
        DEFAULTS.put("privacy.erasure-bound", "7d");
        DEFAULTS.put("metrics.channels", "[" + String.join(", ", MetricLabels.CONTRACT_CHANNELS) + "]");
    }

    private static final ObjectMapper YAML = new YAMLMapper();

    private ConfigLayers() {
    }

    /** The flattened values of {@code yaml}, then environment variables, then overrides; adds unknown keys to problems. */
    static Map<String, JsonNode> merge(String yaml, String source, Map<String, String> env,
                                                Map<String, String> overrides, List<ConfigProblem> problems)
            throws ConfigException {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                if (!root.isObject()) {
                    throw new ConfigException(source, List.of(new ConfigProblem("(file)", source,
                            "the config must be a YAML mapping of keys to values")));
                }
                flatten("", root, values);
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(new ConfigProblem("(file)", source,
                    "not valid YAML: " + e.getOriginalMessage() + " at line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()))));
        }
        for (String key : values.keySet()) {
            if (!DEFAULTS.containsKey(key)) {
                JsonNode v = values.get(key);
                problems.add(new ConfigProblem(key, v.isValueNode() ? v.asText() : v.toString(),
                        "unknown key" + suggestion(key)));
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().startsWith(ConfigLoader.ENV_PREFIX)) {
                continue;
            }
            Optional<String> key = DEFAULTS.keySet().stream().filter(k -> ConfigLoader.envName(k).equals(e.getKey())).findFirst();
            if (key.isEmpty()) {
                problems.add(new ConfigProblem(e.getKey(), e.getValue(),
                        "unknown environment override; the keys map as http.port -> REPLYCLOCK_HTTP_PORT"));
            } else if (isTextKey(key.get())) {
                // A template in a variable is text as written ("Late: {tier}" is not YAML for a map).
                values.put(key.get(), YAML.getNodeFactory().textNode(e.getValue()));
            } else {
                values.put(key.get(), scalarOrYaml(e.getValue()));
            }
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!DEFAULTS.containsKey(e.getKey())) {
                problems.add(new ConfigProblem(e.getKey(), e.getValue(), "unknown key" + suggestion(e.getKey())));
            }
            values.put(e.getKey(), scalarOrYaml(e.getValue()));
        }
        return values;
    }

    /** Keys whose value is free text with {placeholders}, never YAML structure. */
    private static boolean isTextKey(String key) {
        return key.startsWith("alerts.templates.") || key.equals("alerts.link-template");
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && !DEFAULTS.containsKey(key)) {
                flatten(key, e.getValue(), out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    static JsonNode scalarOrYaml(String text) {
        try {
            JsonNode n = YAML.readTree(text);
            return n == null || n.isMissingNode() ? YAML.getNodeFactory().textNode(text) : n;
        } catch (JsonProcessingException e) {
            return YAML.getNodeFactory().textNode(text);
        }
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : DEFAULTS.keySet()) {
            int d = editDistance(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(3, key.length() / 4)
                ? " (did you mean '" + best + "'?)"
                : " (known keys are documented in config/replyclock.yaml)";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
