package dev.replyclock.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.model.DurationParser;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reads of the merged values by key (every key has one: the packaged defaults are the first layer). A bad value becomes a problem (key, value, fix) and a valid
 * fallback is returned, so that one pass over every section reports every problem at once.
 */
final class ConfigValues {

    private final Map<String, JsonNode> values;
    private final List<ConfigProblem> problems;
    private final Set<String> read = new HashSet<>();

    ConfigValues(Map<String, JsonNode> values, List<ConfigProblem> problems) {
        this.values = values;
        this.problems = problems;
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    void problem(String key, String value, String fix) {
        problems.add(new ConfigProblem(key, value, fix));
    }

    /** @throws IllegalStateException for a key without a default in config/replyclock.yaml: a bug, not a bad file */
    JsonNode node(String key) {
        JsonNode n = values.get(key);
        if (n == null) {
            throw new IllegalStateException(key + " has no default in config/replyclock.yaml");
        }
        read.add(key);
        return n;
    }

    /** The keys the sections have read, so that a test can tell a documented key that nothing reads. */
    Set<String> keysRead() {
        return Set.copyOf(read);
    }

    String text(String key) {
        JsonNode n = node(key);
        return n.isValueNode() ? n.asText() : n.toString();
    }

    String name(String key) {
        String v = text(key);
        if (!v.matches("[A-Za-z0-9._-]{1,249}")) {
            problem(key, v, "use 1 to 249 characters among letters, digits, '.', '_' and '-'");
        }
        return v;
    }

    <T> T parsed(String key, Function<String, Optional<T>> parser, T fallback, String fix) {
        String v = text(key);
        Optional<T> parsed = parser.apply(v);
        if (parsed.isEmpty()) {
            problem(key, v, fix);
            return fallback;
        }
        return parsed.get();
    }

    Duration duration(String key) {
        Duration d = parsed(key, DurationParser::parse, Duration.ofMinutes(1), "use " + DurationParser.FORMAT);
        if (d.isZero() && !key.startsWith("sla.escalation.")) {
            problem(key, text(key), "must be longer than zero");
            return Duration.ofMinutes(1);
        }
        return d;
    }

    /** A duration from {@code min} to {@code max}; {@code what} says what it does, for the fix. */
    Duration between(String key, Duration min, Duration max, String what) {
        String fix = "use a duration from " + DurationParser.format(min) + " to " + DurationParser.format(max)
                + " (" + DurationParser.FORMAT + "): " + what;
        Duration d = parsed(key, DurationParser::parse, min, fix);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problem(key, text(key), fix);
            return min;
        }
        return d;
    }

    /** A duration where 0 (written {@code 0s}, {@code 0m}...) means off. */
    Duration durationOrOff(String key) {
        return parsed(key, DurationParser::parse, Duration.ZERO, "use " + DurationParser.FORMAT + ", or 0s for off");
    }

    int intInRange(String key, int min, int max) {
        return parsed(key, v -> {
            try {
                int i = Integer.parseInt(v.trim());
                return i >= min && i <= max ? Optional.of(i) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, min, "use a whole number from " + min + " to " + max);
    }

    int port(String key) {
        return parsed(key, v -> {
            try {
                int i = Integer.parseInt(v.trim());
                return i >= 0 && i <= 65535 ? Optional.of(i) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, 0, "use a port from 1 to 65535, or 0 for any free port");
    }

    double fraction(String key) {
        return parsed(key, v -> {
            try {
                double d = Double.parseDouble(v.trim());
                return d > 0 && d < 1 ? Optional.of(d) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, 0.8, "use a fraction of the target between 0 and 1, like 0.8");
    }

    /** Reports the fields of the map {@code n} (at {@code at}) that are not {@code allowed}. */
    void unknownFields(JsonNode n, String at, Set<String> allowed) {
        if (!n.isObject()) {
            return;
        }
        Iterator<String> fields = n.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!allowed.contains(f)) {
                problem(at + "." + f, n.get(f).asText(), "unknown field; use one of " + allowed);
            }
        }
    }
}
