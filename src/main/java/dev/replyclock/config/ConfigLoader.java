package dev.replyclock.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.replyclock.alert.AlertText;
import dev.replyclock.alert.DeliveryPolicy;
import dev.replyclock.alert.ReceiverConfig;
import dev.replyclock.alert.Route;
import dev.replyclock.alert.Template;
import dev.replyclock.model.DurationParser;
import dev.replyclock.model.Tier;
import dev.replyclock.privacy.Role;
import dev.replyclock.privacy.S3Target;
import dev.replyclock.sla.BusinessCalendar;
import dev.replyclock.sla.PolicyRule;
import dev.replyclock.sla.SlaPolicies;
import dev.replyclock.sla.SlaPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads {@code replyclock.yaml}: nested or dotted keys ({@code http: {port: 80}} and {@code http.port: 80}
 * are the same), then environment overrides ({@code REPLYCLOCK_HTTP_PORT=9000} for {@code http.port}),
 * then validates everything and reports every problem at once, each naming the key, the value and the fix.
 */
public final class ConfigLoader {

    public static final String ENV_PREFIX = "REPLYCLOCK_";
    /** The packaged copy of config/replyclock.yaml: the defaults, documented. */
    public static final String BUILTIN_RESOURCE = "/config/replyclock.yaml";

    /** Every key with its default; unknown keys are errors (a typo must not silently fall back). */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

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

    private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");
    private static final ObjectMapper YAML = new YAMLMapper();

    private ConfigLoader() {
    }

    public static Set<String> keys() {
        return DEFAULTS.keySet();
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
        try (InputStream in = ConfigLoader.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            String yaml = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(yaml, "(built-in)", Map.of(), overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses YAML text, then applies environment variables and explicit overrides (key -> YAML value text),
     * in that order.
     */
    public static ReplyclockConfig parse(String yaml, String source, Map<String, String> env,
                                         Map<String, String> overrides) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, JsonNode> values = values(yaml, source, env, overrides, problems);
        Reader r = new Reader(values, problems);
        ReplyclockConfig config = r.build();
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
        Map<String, String> out = new java.util.TreeMap<>(DEFAULTS);
        values(yaml, file.toString(), env, Map.of(), new ArrayList<>())
                .forEach((k, v) -> out.put(k, v.isValueNode() ? v.asText() : v.toString()));
        return out;
    }

    /** The flattened values of {@code yaml}, then environment variables, then overrides; adds unknown keys to problems. */
    private static Map<String, JsonNode> values(String yaml, String source, Map<String, String> env,
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
            if (!e.getKey().startsWith(ENV_PREFIX)) {
                continue;
            }
            Optional<String> key = DEFAULTS.keySet().stream().filter(k -> envName(k).equals(e.getKey())).findFirst();
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

    private static JsonNode scalarOrYaml(String text) {
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

    /** Typed reads of the flattened values, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, JsonNode> values;
        private final List<ConfigProblem> problems;

        Reader(Map<String, JsonNode> values, List<ConfigProblem> problems) {
            this.values = values;
            this.problems = problems;
        }

        /** {@code ingest.rekey}: auto re-keys a record keyed otherwise than by its conversationId, strict dead-letters it. */
        private boolean rekey() {
            String mode = text("ingest.rekey");
            if (!mode.equals("auto") && !mode.equals("strict")) {
                problems.add(new ConfigProblem("ingest.rekey", mode, "use auto (re-key a record whose key is not its"
                        + " conversationId, the default) or strict (dead-letter it as key-mismatch)"));
            }
            return !mode.equals("strict");
        }

        ReplyclockConfig build() {
            String bootstrap = text("kafka.bootstrap-servers");
            if (!KafkaSettings.EMBEDDED.equals(bootstrap) && !bootstrap.matches("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*")) {
                problems.add(new ConfigProblem("kafka.bootstrap-servers", bootstrap,
                        "use 'embedded' or a list like 'kafka1:9092,kafka2:9092'"));
            }
            String guarantee = text("kafka.processing-guarantee");
            if (!GUARANTEES.contains(guarantee)) {
                problems.add(new ConfigProblem("kafka.processing-guarantee", guarantee,
                        "use exactly_once_v2 (default) or at_least_once"));
            }
            KafkaSettings kafka = new KafkaSettings(bootstrap, port("kafka.embedded.port"),
                    Path.of(text("kafka.embedded.data-dir")), name("kafka.application-id"), guarantee,
                    Path.of(text("kafka.state-dir")), intInRange("kafka.standby-replicas", 0, 10),
                    intInRange("kafka.topics.partitions", 1, 10_000),
                    new KafkaSettings.Topics(name("kafka.topics.messages"), name("kafka.topics.alerts"),
                            name("kafka.topics.dead-letter"), name("kafka.topics.undelivered"),
                            name("kafka.topics.notification-log"), name("kafka.topics.silences"),
                            name("kafka.topics.overload"), name("kafka.topics.privacy-requests"),
                            name("kafka.topics.privacy-results")), clientProperties(),
                    between("kafka.topics.dead-letter-retention", Duration.ofHours(1), Duration.ofDays(365),
                            "the dead letters are kept this long (retention.ms of the topic, set when it is created)"),
                    rekey());

            int problemsBeforeSla = problems.size();
            Duration standard = duration("sla.targets.standard");
            Duration urgent = duration("sla.targets.urgent");
            Duration complaint = duration("sla.targets.complaint");
            if (urgent.compareTo(standard) > 0) {
                problems.add(new ConfigProblem("sla.targets.urgent", text("sla.targets.urgent"),
                        "must not be longer than sla.targets.standard (" + text("sla.targets.standard") + ")"));
            }
            if (complaint.compareTo(urgent) > 0) {
                problems.add(new ConfigProblem("sla.targets.complaint", text("sla.targets.complaint"),
                        "must not be longer than sla.targets.urgent (" + text("sla.targets.urgent") + ")"));
            }
            double warnAt = fraction("sla.warn-at");
            Duration every = duration("sla.escalation.every");
            int maxLevel = intInRange("sla.escalation.max-level", 0, 100);
            calendars = calendars();
            BusinessCalendar calendar = calendarNamed("sla.calendar", text("sla.calendar"));
            Set<Tier> onCalendar = new HashSet<>();
            for (Tier t : Tier.values()) {
                String key = "sla.clock." + t.wireName();
                String v = text(key);
                if (v.equals("calendar")) {
                    onCalendar.add(t);
                } else if (!v.equals("24/7")) {
                    problems.add(new ConfigProblem(key, v, "use calendar (only in business hours) or 24/7"));
                }
            }
            Map<Tier, SlaPolicy.Ladder> ladders = new HashMap<>();
            for (Tier t : Tier.values()) {
                String everyKey = "sla.escalation." + t.wireName() + ".every";
                String maxKey = "sla.escalation." + t.wireName() + ".max-level";
                if (!text(everyKey).isBlank() || !text(maxKey).isBlank()) {
                    ladders.put(t, new SlaPolicy.Ladder(text(everyKey).isBlank() ? every : duration(everyKey),
                            text(maxKey).isBlank() ? maxLevel : intInRange(maxKey, 0, 100)));
                }
            }
            Map<Tier, Duration> next = new EnumMap<>(Tier.class);
            for (Tier t : Tier.values()) {
                String key = "sla.targets.next." + t.wireName();
                if (!text(key).isBlank()) {
                    next.put(t, duration(key));
                }
            }
            // Every bad value above fell back to a valid one, so this builds; it is used only if all is well.
            SlaPolicy parsed = new SlaPolicy(standard, urgent, complaint, warnAt, every, maxLevel, calendar, onCalendar,
                    ladders, next);
            Tier misordered = problems.size() == problemsBeforeSla ? misorderedNextTarget(parsed) : null;
            if (misordered != null) {
                // Name a key the operator set: the stricter tier's if it is set, else the looser one's.
                Tier named = next.containsKey(misordered) ? misordered : looser(misordered);
                String key = "sla.targets.next." + named.wireName();
                problems.add(new ConfigProblem(key, text(key), "next-reply targets must keep complaint <= urgent <="
                        + " standard (a tier without sla.targets.next.<tier> keeps its first-reply target): "
                        + nextOrder(parsed, misordered)));
            }
            SlaPolicy sla = problems.isEmpty() ? parsed : SlaPolicy.DEFAULT;
            SlaPolicies policies = new SlaPolicies(sla, policyRules(sla));

            String bind = text("http.bind-address");
            String tokenFile = text("http.api-token-file");
            Path legacyToken = SecretFileCheck.check("http.api-token-file", tokenFile, "leave the key empty to turn the API off",
                    problems);
            List<ApiTokenSetting> tokens = ApiTokenChecks.read(node("http.api-tokens"), legacyToken, problems);
            boolean adminToken = !tokenFile.isBlank() || tokens.stream().anyMatch(t -> t.role() == Role.ADMIN);
            HttpSettings http = new HttpSettings(bind, port("http.port"), tokenFile.isBlank() ? null : Path.of(tokenFile),
                    AdminTotpFileCheck.check(text("http.admin-totp-file"), adminToken, problems), tokens,
                    between("alerts.silences.max-duration", Duration.ofMinutes(1), Duration.ofDays(365),
                            "a silence must end: one forgotten mutes its alerts until then"));
            List<ReceiverConfig> receivers = receivers();
            String rules = text("classify.rules");
            if (rules.isBlank()) {
                problems.add(new ConfigProblem("classify.rules", rules,
                        "use 'builtin' or the path of a rules file like config/signals.yaml"));
            }
            String logFormat = text("logging.format");
            if (!logFormat.equals("text") && !logFormat.equals("json")) {
                problems.add(new ConfigProblem("logging.format", logFormat, "use text (for people) or json (for log collectors)"));
            }
            Duration retention = duration("privacy.retention");
            String region = text("privacy.default-region");
            if (!com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
                problems.add(new ConfigProblem("privacy.default-region", region,
                        "use an ISO 3166 region code for numbers written without +country, like FR, BE, CH, CA, GB"));
            }
            PrivacySettings privacy = privacy(retention, region);
            Map<String, String> receiverTypes = new java.util.LinkedHashMap<>();
            receivers.forEach(r -> receiverTypes.put(r.name(), r.type()));
            Route route = RouteParser.parse("alerts.route", node("alerts.route"), receiverTypes, calendars, calendar,
                    problems);
            DeliveryPolicy delivery = new DeliveryPolicy(intInRange("alerts.retry.attempts", 1, 100),
                    duration("alerts.retry.initial-backoff"), duration("alerts.retry.max-backoff"), circuit());
            return new ReplyclockConfig(kafka, policies, http, receivers, rules, privacy, delivery, route, logFormat,
                    RouteParser.inhibitedKinds("alerts.overload.inhibits", node("alerts.overload.inhibits"), problems),
                    alertContent(region),
                    new TeamViewSettings(intInRange("alerts.overload.threshold", 0, 1_000_000),
                            durationOrOff("alerts.digest.every")), intake(http),
                    new MetricLabels(metricChannels(), configuredTeams(policies, route)),
                    new HealthSettings(between("health.dead-exit-after", Duration.ofSeconds(1), Duration.ofHours(1),
                            "a process that stopped working must end for its supervisor to restart it")));
        }

        /** {@code metrics.channels}: the channel label values (others are counted as {@code other}). */
        private Set<String> metricChannels() {
            String key = "metrics.channels";
            JsonNode list = node(key);
            Set<String> out = new java.util.TreeSet<>();
            String fix = "use a list of channel names (a letter, then up to 31 of a-z 0-9 _ -), like "
                    + MetricLabels.CONTRACT_CHANNELS + "; other channels are counted as 'other'";
            if (!list.isArray()) {
                problems.add(new ConfigProblem(key, list.isValueNode() ? list.asText() : list.toString(), fix));
                return out;
            }
            for (JsonNode c : list) {
                if (!c.isTextual() || !MetricLabels.CHANNEL.matcher(c.asText()).matches()) {
                    problems.add(new ConfigProblem(key, c.asText(), fix));
                } else {
                    out.add(c.asText());
                }
            }
            return out;
        }

        /** The teams the configuration names: the team label values. */
        private Set<String> configuredTeams(SlaPolicies policies, Route route) {
            Set<String> teams = new java.util.TreeSet<>();
            policies.rules().forEach(r -> {
                if (r.team() != null) {
                    teams.add(r.team());
                }
            });
            JsonNode languages = node("alerts.team-languages");
            if (languages.isObject()) {
                languages.fieldNames().forEachRemaining(teams::add);
            }
            addRouteTeams(route, teams);
            return teams;
        }

        private static void addRouteTeams(Route route, Set<String> teams) {
            teams.addAll(route.match().getOrDefault("team", Set.of()));
            route.routes().forEach(child -> addRouteTeams(child, teams));
        }

        /** {@code ingest.*}: the webhook intake, off while {@code ingest.http.port} is empty. */
        private IntakeSettings intake(HttpSettings http) {
            String portText = text("ingest.http.port");
            Integer port = portText.isBlank() ? null : port("ingest.http.port");
            if (port != null && port != 0 && port == http.port()) {
                problems.add(new ConfigProblem("ingest.http.port", portText, "must differ from http.port: the intake"
                        + " faces the internet and has a listener of its own; use another port, like 8081"));
            }
            Path token = IntakeChecks.secretFile("ingest.http.token-file", text("ingest.http.token-file"), problems);
            Path verify = IntakeChecks.secretFile("ingest.whatsapp.verify-token-file",
                    text("ingest.whatsapp.verify-token-file"), problems);
            Path appSecret = IntakeChecks.secretFile("ingest.whatsapp.app-secret-file",
                    text("ingest.whatsapp.app-secret-file"), problems);
            if (text("ingest.whatsapp.verify-token-file").isBlank() != text("ingest.whatsapp.app-secret-file").isBlank()) {
                String missing = text("ingest.whatsapp.app-secret-file").isBlank()
                        ? "ingest.whatsapp.app-secret-file" : "ingest.whatsapp.verify-token-file";
                problems.add(new ConfigProblem(missing, "", "WhatsApp needs both the verify token (subscription"
                        + " handshake) and the app secret (signed notifications); set both, or neither to turn it off"));
            }
            Path chatwootToken = IntakeChecks.secretFile("ingest.chatwoot.token-file",
                    text("ingest.chatwoot.token-file"), problems);
            Path chatwootSecret = IntakeChecks.secretFile("ingest.chatwoot.webhook-secret-file",
                    text("ingest.chatwoot.webhook-secret-file"), problems);
            IntakeSettings intake = new IntakeSettings(text("ingest.http.bind-address"), port,
                    intInRange("ingest.http.max-body-bytes", 1024, 64 << 20),
                    intInRange("ingest.http.rate-limit", 1, 100_000), duration("ingest.http.read-timeout"),
                    duration("ingest.http.produce-timeout"), token, verify, appSecret, chatwootToken, chatwootSecret);
            boolean sourceNamed = Stream.of("ingest.http.token-file", "ingest.whatsapp.app-secret-file",
                    "ingest.chatwoot.token-file", "ingest.chatwoot.webhook-secret-file").anyMatch(k -> !text(k).isBlank());
            if (intake.enabled() && !sourceNamed) {
                problems.add(new ConfigProblem("ingest.http.port", portText, "the intake has nothing to serve: set"
                        + " ingest.http.token-file, ingest.whatsapp.* or ingest.chatwoot.*, or leave the port empty"));
            }
            return intake;
        }

        /** {@code alerts.circuit.*}: the breaker opens on a failure rate over a window of calls, never on a blip. */
        private DeliveryPolicy.Circuit circuit() {
            Duration openFor = duration("alerts.circuit.open-for");
            int rate = intInRange("alerts.circuit.failure-rate-threshold", 1, 100);
            int window = intInRange("alerts.circuit.sliding-window-size", 1, 1000);
            int minimum = intInRange("alerts.circuit.minimum-calls", 1, 1000);
            if (minimum > window) {
                problems.add(new ConfigProblem("alerts.circuit.minimum-calls", text("alerts.circuit.minimum-calls"),
                        "use at most alerts.circuit.sliding-window-size (" + window + "): the breaker judges only the"
                                + " calls in its window; or raise the window"));
                minimum = window;
            }
            return new DeliveryPolicy.Circuit(openFor, rate, minimum, window);
        }

        /** {@code alerts.language}, {@code alerts.team-languages}, {@code alerts.templates.*}, link and excerpt. */
        private AlertContentSettings alertContent(String region) {
            int before = problems.size();
            String language = text("alerts.language");
            if (!AlertText.LANGUAGES.contains(language)) {
                problems.add(new ConfigProblem("alerts.language", language, "use en or fr"));
            }
            Map<String, String> teamLanguages = new HashMap<>();
            JsonNode teams = node("alerts.team-languages");
            if (!teams.isObject()) {
                problems.add(new ConfigProblem("alerts.team-languages", teams.toString(),
                        "use a map of team to language, like {billing: fr, returns: en}"));
            } else {
                teams.fields().forEachRemaining(e -> {
                    if (AlertText.LANGUAGES.contains(e.getValue().asText())) {
                        teamLanguages.put(e.getKey(), e.getValue().asText());
                    } else {
                        problems.add(new ConfigProblem("alerts.team-languages." + e.getKey(), e.getValue().asText(),
                                "use en or fr"));
                    }
                });
            }
            Map<String, Map<String, String>> titles = new HashMap<>();
            for (String lang : AlertText.LANGUAGES) {
                for (String kind : AlertText.TEMPLATE_KEYS) {
                    String key = "alerts.templates." + lang + "." + kind;
                    String template = text(key);
                    if (!node(key).isValueNode()) {
                        problems.add(new ConfigProblem(key, template,
                                "write the template in quotes, like \"{team}: reply promise broken ({tier})\""));
                        continue;
                    }
                    try {
                        Template.parse(template, Template.ALERT_PLACEHOLDERS);
                        titles.computeIfAbsent(lang, l -> new HashMap<>()).put(kind, template);
                    } catch (IllegalArgumentException e) {
                        problems.add(new ConfigProblem(key, template, "unknown placeholder " + e.getMessage()
                                + "; use " + placeholders(Template.ALERT_PLACEHOLDERS)));
                    }
                }
            }
            String link = text("alerts.link-template");
            try {
                Template.parse(link, Template.LINK_PLACEHOLDERS);
                if (!link.isEmpty() && !link.startsWith("https://") && !link.startsWith("http://")) {
                    problems.add(new ConfigProblem("alerts.link-template", link,
                            "use an http(s) URL like https://inbox.example.com/conversations/{conversationId}, or \"\""));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem("alerts.link-template", link, "unknown placeholder " + e.getMessage()
                        + "; use " + placeholders(Template.LINK_PLACEHOLDERS)));
            }
            String include = text("alerts.include-excerpt");
            if (!include.equals("true") && !include.equals("false")) {
                problems.add(new ConfigProblem("alerts.include-excerpt", include, "use true or false"));
            }
            int length = intInRange("alerts.excerpt-length", 20, 1000);
            java.time.ZoneId zone = AlertText.DEFAULT_ZONE;
            try {
                zone = java.time.ZoneId.of(text("alerts.time-zone"));
            } catch (java.time.DateTimeException e) {
                problems.add(new ConfigProblem("alerts.time-zone", text("alerts.time-zone"), "use a time zone like"
                        + " Europe/Paris or America/Toronto (IANA names), or UTC"));
            }
            if (problems.size() != before) {
                return AlertContentSettings.DEFAULT;
            }
            return new AlertContentSettings(new AlertText(language, teamLanguages, titles, link,
                    new dev.replyclock.privacy.Redactor(region), zone), include.equals("true"), length);
        }

        private static String placeholders(Set<String> names) {
            return new TreeSet<>(names).stream().map(n -> "{" + n + "}").collect(java.util.stream.Collectors.joining(", "));
        }

        /**
         * The archive is off while {@code privacy.archive.target} is empty; {@code privacy.archive.dir}, its
         * older name, still names a local directory.
         */
        private PrivacySettings privacy(Duration retention, String region) {
            String targetKey = text("privacy.archive.target").isBlank() ? "privacy.archive.dir" : "privacy.archive.target";
            String target = text(targetKey);
            if (!text("privacy.archive.target").isBlank() && !text("privacy.archive.dir").isBlank()) {
                problems.add(new ConfigProblem("privacy.archive.dir", text("privacy.archive.dir"),
                        "privacy.archive.target is set too; keep only privacy.archive.target (a directory or s3://bucket/prefix)"));
            }
            S3Target s3 = target.startsWith(S3Target.SCHEME) ? s3Target(targetKey, target) : null;
            Path dir = target.isBlank() || target.startsWith(S3Target.SCHEME) ? null : Path.of(target);
            if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
                problems.add(new ConfigProblem(targetKey, target, "this is a file; use a directory (created if missing),"
                        + " s3://bucket/prefix, or leave the key empty to turn archiving off"));
            }
            String keyset = text("privacy.archive.keyset-file");
            if (!target.isBlank() && keyset.isBlank()) {
                problems.add(new ConfigProblem("privacy.archive.keyset-file", keyset,
                        "archiving needs a keyset file (a Tink keyset in JSON, created if missing), like /run/secrets/archive-keyset.json"));
            }
            if (!keyset.isBlank() && Files.isDirectory(Path.of(keyset))) {
                problems.add(new ConfigProblem("privacy.archive.keyset-file", keyset,
                        "this is a directory; use the path of a keyset file (created if missing)"));
            }
            SecretFileCheck.pseudonymKey("privacy.pseudonym-key-file", text("privacy.pseudonym-key-file"), problems);
            return new PrivacySettings(retention, Path.of(text("privacy.pseudonym-key-file")), region,
                    dir, keyset.isBlank() ? null : Path.of(keyset), s3,
                    between("privacy.erasure-bound", Duration.ofHours(1), Duration.ofDays(365), "an erased or expired"
                            + " value is physically gone from the daemon's compacted and internal topics within it"));
        }

        /** {@code s3://bucket/prefix} with the {@code privacy.archive.s3.*} connection keys. */
        private S3Target s3Target(String key, String url) {
            Optional<S3Target> parsed = S3Target.parse(url);
            if (parsed.isEmpty()) {
                problems.add(new ConfigProblem(key, url, "use s3://bucket/prefix with a valid bucket name"
                        + " (3 to 63 lower-case letters, digits, '.' and '-'), or a local directory"));
                return null;
            }
            String endpointText = text("privacy.archive.s3.endpoint");
            URI endpoint = null;
            if (!endpointText.isBlank()) {
                try {
                    endpoint = new URI(endpointText);
                } catch (URISyntaxException e) {
                    endpoint = null;
                }
                if (endpoint == null || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                        || endpoint.getHost() == null) {
                    problems.add(new ConfigProblem("privacy.archive.s3.endpoint", endpointText,
                            "use the store's URL, like https://minio.internal:9000, or leave it empty for AWS"));
                    endpoint = null;
                }
            }
            String pathStyle = text("privacy.archive.s3.path-style");
            if (!pathStyle.equals("true") && !pathStyle.equals("false")) {
                problems.add(new ConfigProblem("privacy.archive.s3.path-style", pathStyle,
                        "use true (most self-hosted stores: MinIO, Ceph) or false (AWS)"));
            }
            String credentials = text("privacy.archive.s3.credentials-file");
            if (!credentials.isBlank() && !Files.isReadable(Path.of(credentials))) {
                problems.add(new ConfigProblem("privacy.archive.s3.credentials-file", credentials,
                        "the file cannot be read; use an AWS credentials file ([default] aws_access_key_id,"
                                + " aws_secret_access_key), or leave it empty for the SDK's default chain"));
            }
            return parsed.get().with(endpoint, text("privacy.archive.s3.region"), pathStyle.equals("true"),
                    credentials.isBlank() ? null : Path.of(credentials));
        }

        private JsonNode node(String key) {
            JsonNode n = values.get(key);
            return n != null ? n : scalarOrYaml(DEFAULTS.get(key));
        }

        private String text(String key) {
            JsonNode n = node(key);
            return n.isValueNode() ? n.asText() : n.toString();
        }

        private String name(String key) {
            String v = text(key);
            if (!v.matches("[A-Za-z0-9._-]{1,249}")) {
                problems.add(new ConfigProblem(key, v,
                        "use 1 to 249 characters among letters, digits, '.', '_' and '-'"));
            }
            return v;
        }

        private <T> T parsed(String key, Function<String, Optional<T>> parser, T fallback, String fix) {
            String v = text(key);
            Optional<T> parsed = parser.apply(v);
            if (parsed.isEmpty()) {
                problems.add(new ConfigProblem(key, v, fix));
                return fallback;
            }
            return parsed.get();
        }

        private Duration duration(String key) {
            Duration d = parsed(key, DurationParser::parse, Duration.ofMinutes(1), "use " + DurationParser.FORMAT);
            if (d.isZero() && !key.startsWith("sla.escalation.")) {
                problems.add(new ConfigProblem(key, text(key), "must be longer than zero"));
                return Duration.ofMinutes(1);
            }
            return d;
        }

        /** A duration from {@code min} to {@code max}; {@code what} says what it does, for the fix. */
        private Duration between(String key, Duration min, Duration max, String what) {
            String fix = "use a duration from " + DurationParser.format(min) + " to " + DurationParser.format(max)
                    + " (" + DurationParser.FORMAT + "): " + what;
            Duration d = parsed(key, DurationParser::parse, min, fix);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                problems.add(new ConfigProblem(key, text(key), fix));
                return min;
            }
            return d;
        }

        /** A duration where 0 (written {@code 0s}, {@code 0m}...) means off. */
        private Duration durationOrOff(String key) {
            return parsed(key, DurationParser::parse, Duration.ZERO, "use " + DurationParser.FORMAT + ", or 0s for off");
        }

        private int intInRange(String key, int min, int max) {
            return parsed(key, v -> {
                try {
                    int i = Integer.parseInt(v.trim());
                    return i >= min && i <= max ? Optional.of(i) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }, min, "use a whole number from " + min + " to " + max);
        }

        private int port(String key) {
            return parsed(key, v -> {
                try {
                    int i = Integer.parseInt(v.trim());
                    return i >= 0 && i <= 65535 ? Optional.of(i) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }, 0, "use a port from 1 to 65535, or 0 for any free port");
        }

        private double fraction(String key) {
            return parsed(key, v -> {
                try {
                    double d = Double.parseDouble(v.trim());
                    return d > 0 && d < 1 ? Optional.of(d) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }, 0.8, "use a fraction of the target between 0 and 1, like 0.8");
        }

        /** {@code kafka.client-properties}: a Kafka client properties file (security.protocol, sasl.*, ssl.*). */
        private Map<String, String> clientProperties() {
            String file = text("kafka.client-properties");
            if (file.isBlank()) {
                return Map.of();
            }
            java.util.Properties props = new java.util.Properties();
            try (java.io.Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                problems.add(new ConfigProblem("kafka.client-properties", file,
                        "cannot read it (" + e.getMessage() + "); give a Kafka client .properties file or leave it empty"));
                return Map.of();
            }
            Map<String, String> out = new HashMap<>();
            props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
            if (out.containsKey("bootstrap.servers")) {
                problems.add(new ConfigProblem("kafka.client-properties", file,
                        "set bootstrap.servers with kafka.bootstrap-servers, not in the client properties"));
            }
            return out;
        }

        private Map<String, BusinessCalendar> calendars = Map.of();

        private Map<String, BusinessCalendar> calendars() {
            JsonNode node = node("sla.calendars");
            Map<String, BusinessCalendar> out = new HashMap<>();
            if (!node.isObject()) {
                problems.add(new ConfigProblem("sla.calendars", node.toString(),
                        "use a map of named calendars, like {paris: {zone: Europe/Paris, hours: {mon-fri: \"09:00-18:00\"}}}"));
                return out;
            }
            node.fieldNames().forEachRemaining(name -> out.put(name, CalendarParser.parse(name, node.get(name), problems)));
            return out;
        }

        /** A calendar by name; "" is none (24/7). */
        private BusinessCalendar calendarNamed(String key, String name) {
            if (name == null || name.isBlank()) {
                return BusinessCalendar.ALWAYS;
            }
            BusinessCalendar c = calendars.get(name);
            if (c == null) {
                problems.add(new ConfigProblem(key, name, "no such calendar under sla.calendars (known: "
                        + calendars.keySet() + ")"));
                return BusinessCalendar.ALWAYS;
            }
            return c;
        }

        /**
         * {@code sla.policies}: [{name, match: {channel, team, segment}, targets: {standard, urgent, complaint},
         * warn-at, escalation: {every, max-level}, calendar, clock: {standard: calendar|24/7, ...}}]; what a
         * policy leaves out comes from the default policy.
         */
        private List<PolicyRule> policyRules(SlaPolicy defaults) {
            String key = "sla.policies";
            JsonNode list = node(key);
            List<PolicyRule> out = new ArrayList<>();
            if (!list.isArray()) {
                problems.add(new ConfigProblem(key, list.toString(),
                        "use a list like [{name: vip, match: {segment: vip}, targets: {complaint: 30s}}]"));
                return out;
            }
            Set<String> names = new java.util.HashSet<>(Set.of(SlaPolicies.DEFAULT_NAME));
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = list.get(i);
                String at = key + "[" + i + "]";
                int before = problems.size();
                String name = p.path("name").asText("");
                if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                    problems.add(new ConfigProblem(at + ".name", name,
                            "every policy needs a name of letters, digits, '.', '_' or '-'"));
                } else if (!names.add(name)) {
                    problems.add(new ConfigProblem(at + ".name", name, "policy names must be unique and not 'default'"));
                }
                unknownFields(p, at, Set.of("name", "match", "targets", "warn-at", "escalation", "calendar", "clock"));
                BusinessCalendar calendar = p.has("calendar")
                        ? calendarNamed(at + ".calendar", p.path("calendar").asText()) : defaults.calendar();
                Set<Tier> onCalendar = new HashSet<>(defaults.calendarTiers());
                JsonNode clock = p.path("clock");
                unknownFields(clock, at + ".clock", Set.of("standard", "urgent", "complaint"));
                for (Tier t : Tier.values()) {
                    if (clock.has(t.wireName())) {
                        String v = clock.path(t.wireName()).asText();
                        if (v.equals("calendar")) {
                            onCalendar.add(t);
                        } else if (v.equals("24/7")) {
                            onCalendar.remove(t);
                        } else {
                            problems.add(new ConfigProblem(at + ".clock." + t.wireName(), v,
                                    "use calendar (only in business hours) or 24/7"));
                        }
                    }
                }
                JsonNode match = p.path("match");
                unknownFields(match, at + ".match", Set.of("channel", "team", "segment"));
                Duration std = policyDuration(p.path("targets").path("standard"), at + ".targets.standard", defaults.standard());
                Duration urg = policyDuration(p.path("targets").path("urgent"), at + ".targets.urgent", defaults.urgent());
                Duration cpl = policyDuration(p.path("targets").path("complaint"), at + ".targets.complaint", defaults.complaint());
                unknownFields(p.path("targets"), at + ".targets", Set.of("standard", "urgent", "complaint", "next"));
                if (urg.compareTo(std) > 0 || cpl.compareTo(urg) > 0) {
                    problems.add(new ConfigProblem(at + ".targets", p.path("targets").toString(),
                            "targets must keep complaint <= urgent <= standard (missing ones come from sla.targets)"));
                }
                JsonNode nextNode = p.path("targets").path("next");
                unknownFields(nextNode, at + ".targets.next", Set.of("standard", "urgent", "complaint"));
                Map<Tier, Duration> next = new EnumMap<>(Tier.class);
                next.putAll(defaults.nextTargets());
                for (Tier t : Tier.values()) {
                    if (nextNode.has(t.wireName())) {
                        next.put(t, policyDuration(nextNode.path(t.wireName()), at + ".targets.next." + t.wireName(),
                                defaults.target(t, false)));
                    }
                }
                double warn = defaults.warnAt();
                if (p.has("warn-at")) {
                    double w = p.path("warn-at").asDouble(-1);
                    if (w > 0 && w < 1) {
                        warn = w;
                    } else {
                        problems.add(new ConfigProblem(at + ".warn-at", p.path("warn-at").asText(),
                                "use a fraction of the target between 0 and 1, like 0.8"));
                    }
                }
                JsonNode esc = p.path("escalation");
                unknownFields(esc, at + ".escalation", Set.of("every", "max-level"));
                Duration every = policyDuration(esc.path("every"), at + ".escalation.every", defaults.escalateEvery());
                int maxLevel = defaults.maxEscalations();
                if (esc.has("max-level")) {
                    maxLevel = esc.path("max-level").asInt(-1);
                    if (!esc.path("max-level").canConvertToInt() || maxLevel < 0 || maxLevel > 100) {
                        problems.add(new ConfigProblem(at + ".escalation.max-level", esc.path("max-level").asText(),
                                "use a whole number from 0 to 100"));
                    }
                }
                if (problems.size() > before) {
                    continue;
                }
                // A policy without an escalation block keeps the whole default ladder, per-tier ladders included.
                Map<Tier, SlaPolicy.Ladder> ladders = p.has("escalation") ? Map.of() : defaults.ladders();
                SlaPolicy policy = new SlaPolicy(std, urg, cpl, warn, every, maxLevel, calendar, onCalendar, ladders, next);
                Tier misordered = misorderedNextTarget(policy);
                if (misordered != null) {
                    problems.add(new ConfigProblem(at + ".targets.next", nextNode.toString(), "next-reply targets must"
                            + " keep complaint <= urgent <= standard (missing ones come from sla.targets.next, else the"
                            + " policy's first-reply targets): " + nextOrder(policy, misordered)));
                } else {
                    out.add(new PolicyRule(name, optional(match, "channel"), optional(match, "team"),
                            optional(match, "segment"), policy));
                }
            }
            return out;
        }

        /** The stricter tier whose next-reply target is longer than the next looser tier's, or null. */
        private static Tier misorderedNextTarget(SlaPolicy p) {
            for (Tier t : List.of(Tier.URGENT, Tier.COMPLAINT)) {
                if (p.target(t, false).compareTo(p.target(looser(t), false)) > 0) {
                    return t;
                }
            }
            return null;
        }

        private static Tier looser(Tier t) {
            return t == Tier.COMPLAINT ? Tier.URGENT : Tier.STANDARD;
        }

        private static String nextOrder(SlaPolicy p, Tier misordered) {
            return misordered.wireName() + " " + DurationParser.format(p.target(misordered, false)) + " > "
                    + looser(misordered).wireName() + " " + DurationParser.format(p.target(looser(misordered), false));
        }

        private Duration policyDuration(JsonNode n, String key, Duration fallback) {
            if (n.isMissingNode() || n.isNull()) {
                return fallback;
            }
            Optional<Duration> d = DurationParser.parse(n.asText());
            if (d.isEmpty() || (d.get().isZero() && !key.endsWith(".every"))) {
                problems.add(new ConfigProblem(key, n.asText(), "use " + DurationParser.FORMAT));
                return fallback;
            }
            return d.get();
        }

        private static String optional(JsonNode n, String field) {
            JsonNode f = n.get(field);
            return f == null || f.isNull() ? null : f.asText();
        }

        private void unknownFields(JsonNode n, String at, Set<String> allowed) {
            if (!n.isObject()) {
                return;
            }
            Iterator<String> fields = n.fieldNames();
            while (fields.hasNext()) {
                String f = fields.next();
                if (!allowed.contains(f)) {
                    problems.add(new ConfigProblem(at + "." + f, n.get(f).asText(), "unknown field; use one of " + allowed));
                }
            }
        }

        /** The fields each receiver type takes; those marked required must be there. */
        private static final Map<String, List<String>> RECEIVER_FIELDS = Map.of(
                "log", List.of("path", "format"),
                "webhook", List.of("url!", "secret-file!", "timeout", "language"),
                "slack", List.of("url!", "timeout", "language"),
                "teams", List.of("url!", "timeout", "language"),
                "pagerduty", List.of("routing-key-file!", "url", "timeout", "language"),
                "email", List.of("host!", "port", "starttls", "from!", "to!", "username", "password-file", "timeout",
                        "language"),
                "sms", List.of("url!", "account!", "auth-token-file!", "from!", "to!", "timeout", "language"),
                "kafka", List.of("topic!"));

        private List<ReceiverConfig> receivers() {
            String key = "alerts.receivers";
            JsonNode list = node(key);
            List<ReceiverConfig> out = new ArrayList<>();
            if (!list.isArray() || list.isEmpty()) {
                problems.add(new ConfigProblem(key, list.toString(),
                        "use a non-empty list like [{name: console, type: log, path: '-'}]"));
                return out;
            }
            Set<String> names = new java.util.HashSet<>();
            String resolveOnAck = text("alerts.pagerduty.resolve-on-ack");
            if (!resolveOnAck.equals("true") && !resolveOnAck.equals("false")) {
                problems.add(new ConfigProblem("alerts.pagerduty.resolve-on-ack", resolveOnAck, "use true (an ack"
                        + " resolves the PagerDuty incidents) or false (an ack acknowledges them; the reply resolves)"));
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                String at = key + "[" + i + "]";
                String name = r.path("name").asText("");
                String type = r.path("type").asText("");
                if (name.isBlank()) {
                    problems.add(new ConfigProblem(at + ".name", null, "every receiver needs a unique name"));
                } else if (!names.add(name)) {
                    problems.add(new ConfigProblem(at + ".name", name, "receiver names must be unique"));
                }
                List<String> fields = RECEIVER_FIELDS.get(type);
                if (fields == null) {
                    problems.add(new ConfigProblem(at + ".type", type, "use one of " + new TreeSet<>(RECEIVER_FIELDS.keySet())));
                    continue;
                }
                Map<String, String> settings = new HashMap<>();
                Iterator<String> it = r.fieldNames();
                while (it.hasNext()) {
                    String f = it.next();
                    if (f.equals("name") || f.equals("type")) {
                        continue;
                    }
                    if (!fields.contains(f) && !fields.contains(f + "!")) {
                        problems.add(new ConfigProblem(at + "." + f, r.get(f).asText(), "unknown field; a " + type
                                + " receiver has " + fields.stream().map(x -> x.replace("!", "")).toList()));
                    } else {
                        JsonNode v = r.get(f);
                        settings.put(f, v.isArray() ? joined(v) : v.asText());
                    }
                }
                for (String f : fields) {
                    if (f.endsWith("!") && settings.getOrDefault(f.substring(0, f.length() - 1), "").isBlank()) {
                        problems.add(new ConfigProblem(at + "." + f.substring(0, f.length() - 1), null,
                                "a " + type + " receiver needs it"));
                    }
                }
                ReceiverChecks.check(type, at, settings, problems);
                if (type.equals("pagerduty")) {
                    settings.put(dev.replyclock.alert.ReceiverFactory.RESOLVE_ON_ACK, resolveOnAck);
                }
                out.add(new ReceiverConfig(name, type, settings));
            }
            return out;
        }

        private static String joined(JsonNode array) {
            List<String> parts = new ArrayList<>();
            array.forEach(n -> parts.add(n.asText()));
            return String.join(",", parts);
        }
    }
}
