package dev.replyclock.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key registry with its defaults, and the merge of the layers a configuration is read from: the packaged
 * config/replyclock.yaml (the defaults), the user's file (nested or dotted keys), then {@code REPLYCLOCK_*}
 * variables, then explicit overrides. A key outside the
 * registry is a problem with a "did you mean" suggestion: a typo must not silently fall back.
 */
final class ConfigLayers {

    private static final ObjectMapper YAML = new YAMLMapper();

    /**
     * Every key with its default, from the packaged config/replyclock.yaml: the one source of defaults, and
     * the key registry (unknown keys are errors). That file writes every key flat, so each of its top-level
     * entries is a key, an empty map such as {@code sla.calendars: {}} included.
     */
    static final Map<String, JsonNode> DEFAULTS = packagedDefaults();

    private ConfigLayers() {
    }

    private static Map<String, JsonNode> packagedDefaults() {
        try (InputStream in = ConfigLayers.class.getResourceAsStream(ConfigLoader.BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ConfigLoader.BUILTIN_RESOURCE + " is missing from the classpath");
            }
            Map<String, JsonNode> out = new LinkedHashMap<>();
            YAML.readTree(in).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged " + ConfigLoader.BUILTIN_RESOURCE, e);
        }
    }

    /**
     * Every key's value: the packaged defaults, then the flattened keys of {@code yaml}, then environment
     * variables, then overrides; adds unknown keys to problems.
     */
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
        // The file's keys over the defaults (copies: the nodes of the defaults are shared by every parse).
        DEFAULTS.forEach((k, n) -> values.putIfAbsent(k, n.deepCopy()));
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
