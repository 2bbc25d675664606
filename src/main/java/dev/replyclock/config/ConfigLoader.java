package dev.replyclock.config;

import dev.replyclock.alert.DeliveryPolicy;
import dev.replyclock.alert.ReceiverConfig;
import dev.replyclock.alert.Route;
import dev.replyclock.model.AlertKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code replyclock.yaml}: nested or dotted keys ({@code http: {port: 80}} and {@code http.port: 80}
 * are the same), then environment overrides ({@code REPLYCLOCK_HTTP_PORT=9000} for {@code http.port}),
 * then validates everything and reports every problem at once, each naming the key, the value and the fix.
 * The layers are merged by {@link ConfigLayers}; each top-level section is read by its own parser.
 */
public final class ConfigLoader {

    public static final String ENV_PREFIX = "REPLYCLOCK_";
    /** The packaged copy of config/replyclock.yaml: the defaults, documented. */
    public static final String BUILTIN_RESOURCE = "/config/replyclock.yaml";

    private ConfigLoader() {
    }

    public static Set<String> keys() {
        return ConfigLayers.DEFAULTS.keySet();
    }

    /** The environment variable that overrides a key: {@code http.port} -> {@code REPLYCLOCK_HTTP_PORT}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Loads a config file, with environment overrides. */
    public static ReplyclockConfig load(Path file, Map<String, String> env) throws ConfigException {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem("--config", file.toString(),
                    "file not found; pass --config FILE or copy config/replyclock.yaml")));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem("--config", file.toString(),
                    "cannot read it: " + e.getMessage())));
        }
        return parse(yaml, file.toString(), env, Map.of());
    }

    /** The packaged defaults with explicit overrides (by key), as the demo and tests use them. */
    public static ReplyclockConfig builtIn(Map<String, String> overrides) throws ConfigException {
        return parse("", "(built-in)", Map.of(), overrides); // the packaged file is the first layer of any parse
    }

    /**
     * Parses YAML text, then applies environment variables and explicit overrides (key -> YAML value text),
     * in that order.
     */
    public static ReplyclockConfig parse(String yaml, String source, Map<String, String> env,
                                         Map<String, String> overrides) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigValues values = new ConfigValues(ConfigLayers.merge(yaml, source, env, overrides, problems), problems);
        ReplyclockConfig config = build(values);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    /**
     * Every key of a config file with its value as the daemon reads it (the file, then the environment; the
     * default where neither sets it), as text: what a reload compares with the running values to tell which
     * keys changed. Unchecked: {@link #load} checks.
     */
    public static Map<String, String> values(Path file, Map<String, String> env) throws ConfigException {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigProblem("--config", file.toString(),
                    "cannot read it: " + e.getMessage())));
        }
        Map<String, String> out = new TreeMap<>();
        ConfigLayers.merge(yaml, file.toString(), env, Map.of(), new ArrayList<>())
                .forEach((k, v) -> out.put(k, v.isValueNode() ? v.asText() : v.toString()));
        return out;
    }

    /** Hands each section its keys, in the order problems are reported. A bad value reads as a valid fallback. */
    static ReplyclockConfig build(ConfigValues v) {
        KafkaSettings kafka = KafkaSection.read(v);
        SlaSection.Sla sla = SlaSection.read(v);
        HttpSettings http = HttpSection.read(v);
        List<ReceiverConfig> receivers = AlertsSection.receivers(v);
        String rules = v.text("classify.rules");
        if (rules.isBlank()) {
            v.problem("classify.rules", rules, "use 'builtin' or the path of a rules file like config/signals.yaml");
        }
        String logFormat = v.text("logging.format");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            v.problem("logging.format", logFormat, "use text (for people) or json (for log collectors)");
        }
        PrivacySettings privacy = PrivacySection.read(v);
        Route route = AlertsSection.route(v, receivers, sla);
        DeliveryPolicy delivery = AlertsSection.delivery(v);
        Set<AlertKind> inhibits = AlertsSection.overloadInhibits(v);
        AlertContentSettings content = AlertContentSection.read(v, privacy.defaultRegion());
        TeamViewSettings teams = AlertsSection.teams(v);
        IntakeSettings intake = IngestSection.read(v, http);
        MetricLabels metricLabels = MetricsSection.read(v, sla.policies(), route);
        return new ReplyclockConfig(kafka, sla.policies(), http, receivers, rules, privacy, delivery, route, logFormat,
                inhibits, content, teams, intake, metricLabels, HealthSection.read(v));
    }
}
