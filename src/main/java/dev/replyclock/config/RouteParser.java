package dev.replyclock.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.alert.GroupSettings;
import dev.replyclock.alert.Inhibition;
import dev.replyclock.alert.LevelMatch;
import dev.replyclock.alert.Route;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.DurationParser;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.BusinessCalendar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code alerts.route}, a tree of nodes {@code {match: {tier, kind, channel, team, calendar, level}, receivers: [...],
 * continue: bool, routes: [...], group_by: [...], group_wait: 30s, repeat_interval: 10m, calendar-name: paris}},
 * and {@code alerts.overload.inhibits}, reporting every problem by its key.
 */
final class RouteParser {

    private static final Set<String> NODE_FIELDS = Set.of("match", "receivers", "continue", "routes", "group_by",
            "group_wait", "repeat_interval", "calendar-name");
    private static final Set<String> CALENDAR_VALUES = Set.of(Route.IN_HOURS, Route.OUT_OF_HOURS);

    private final List<String> knownReceivers;
    private final Map<String, BusinessCalendar> calendars;
    private final List<ConfigProblem> problems;

    private RouteParser(List<String> knownReceivers, Map<String, BusinessCalendar> calendars,
                        List<ConfigProblem> problems) {
        this.knownReceivers = knownReceivers;
        this.calendars = calendars;
        this.problems = problems;
    }

    /**
     * @param receiverTypes   receiver name -> type, in the order of {@code alerts.receivers}
     * @param defaultCalendar the calendar of {@code sla.calendar} (24/7 when none), for {@code calendar}
     *                        matchers of nodes that name none
     */
    static Route parse(String at, JsonNode n, Map<String, String> receiverTypes, Map<String, BusinessCalendar> calendars,
                       BusinessCalendar defaultCalendar, List<ConfigProblem> problems) {
        List<String> knownReceivers = List.copyOf(receiverTypes.keySet());
        if (n.isObject() && n.isEmpty()) {
            return Route.byDefault(receiverTypes, defaultCalendar); // no route: summaries must not page
        }
        RouteParser p = new RouteParser(knownReceivers, calendars, problems);
        if (!n.isObject()) {
            problems.add(new ConfigProblem(at, n.toString(), "use a route like {receivers: [console], routes: [...]}"));
            return Route.everything(knownReceivers);
        }
        return p.node(at, n, true, defaultCalendar);
    }

    private Route node(String at, JsonNode n, boolean root, BusinessCalendar inherited) {
        if (!n.isObject()) {
            problems.add(new ConfigProblem(at, n.toString(), "use a route like {match: {tier: complaint}, receivers: [on-call]}"));
            return Route.everything(List.of());
        }
        unknownFields(n, at);
        BusinessCalendar own = null;
        if (n.has("calendar-name")) {
            String name = n.get("calendar-name").asText();
            own = calendars.get(name);
            if (own == null) {
                problems.add(new ConfigProblem(at + ".calendar-name", name, "no such calendar under sla.calendars (known: "
                        + new TreeSet<>(calendars.keySet()) + ")"));
            }
        }
        BusinessCalendar effective = own != null ? own : inherited;
        Map<String, Set<String>> match = match(at + ".match", n.path("match"), effective);
        List<String> receivers = new ArrayList<>();
        n.path("receivers").forEach(r -> {
            if (!knownReceivers.contains(r.asText())) {
                problems.add(new ConfigProblem(at + ".receivers", r.asText(), "no such receiver in alerts.receivers "
                        + knownReceivers));
            }
            receivers.add(r.asText());
        });
        if (root && !n.has("receivers")) {
            receivers.addAll(knownReceivers);
        }
        List<Route> children = new ArrayList<>();
        JsonNode rs = n.path("routes");
        for (int i = 0; i < rs.size(); i++) {
            children.add(node(at + ".routes[" + i + "]", rs.get(i), false, effective));
        }
        GroupSettings grouping = new GroupSettings(groupBy(at + ".group_by", n.get("group_by")),
                duration(at + ".group_wait", n.get("group_wait")), duration(at + ".repeat_interval", n.get("repeat_interval")));
        // The root carries the calendar of sla.calendar so that a hot reload brings the new one along.
        return new Route(match, receivers, n.path("continue").asBoolean(false), children, grouping,
                root ? effective : own);
    }

    private Map<String, Set<String>> match(String at, JsonNode m, BusinessCalendar calendar) {
        Map<String, Set<String>> match = new HashMap<>();
        m.fieldNames().forEachRemaining(k -> {
            String key = at + "." + k;
            if (!Route.MATCH_KEYS.contains(k)) {
                problems.add(new ConfigProblem(key, m.get(k).toString(), "unknown matcher; use " + new TreeSet<>(Route.MATCH_KEYS)));
                return;
            }
            Set<String> values = new LinkedHashSet<>();
            if (m.get(k).isArray()) {
                m.get(k).forEach(v -> values.add(v.asText()));
            } else {
                values.add(m.get(k).asText());
            }
            Set<String> allowed = switch (k) {
                case "tier" -> wireNames(Arrays.stream(Tier.values()).map(Tier::wireName).toList());
                case "kind" -> wireNames(Arrays.stream(AlertKind.values()).map(AlertKind::wireName).toList());
                case "calendar" -> CALENDAR_VALUES;
                default -> null; // channel and team: free names
            };
            for (String v : values) {
                if (k.equals("level")) {
                    if (LevelMatch.parse(v).isEmpty()) {
                        problems.add(new ConfigProblem(key, v, "use a rung number like 2, or \">=2\" for that rung and"
                                + " the ones above (0 = signal, warning, breach; 1.. = escalations)"));
                    }
                    continue;
                }
                if (allowed != null ? !allowed.contains(v) : v.isBlank()) {
                    problems.add(new ConfigProblem(key, v, allowed != null ? "use one of " + new TreeSet<>(allowed)
                            : "give a " + k + " name"));
                }
            }
            if (k.equals("calendar") && calendar.isAlways()) {
                problems.add(new ConfigProblem(key, String.join(",", values), "a calendar matcher needs business hours:"
                        + " set sla.calendar, or calendar-name on this route or a parent, to one of sla.calendars"));
            }
            match.put(k, values);
        });
        return match;
    }

    private static Set<String> wireNames(List<String> names) {
        return Set.copyOf(names);
    }

    /** null when the node does not set it (inherited). */
    private List<String> groupBy(String key, JsonNode n) {
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            problems.add(new ConfigProblem(key, n.asText(), "use a list of labels among "
                    + new TreeSet<>(GroupSettings.LABELS) + ", or ['...'] for every alert on its own"));
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode v : n) {
            String label = v.asText();
            if (!GroupSettings.LABELS.contains(label) && !label.equals(GroupSettings.EVERY_ALERT)) {
                problems.add(new ConfigProblem(key, label, "unknown label; group by labels among "
                        + new TreeSet<>(GroupSettings.LABELS) + ", or ['...'] for every alert on its own"));
            }
            labels.add(label);
        }
        if (labels.contains(GroupSettings.EVERY_ALERT) && labels.size() > 1) {
            problems.add(new ConfigProblem(key, n.toString(), "'...' (every alert on its own) stands alone"));
        }
        return labels;
    }

    /** null when the node does not set it (inherited); 0s is allowed. */
    private Duration duration(String key, JsonNode n) {
        if (n == null) {
            return null;
        }
        Optional<Duration> d = DurationParser.parse(n.asText());
        if (d.isEmpty()) {
            problems.add(new ConfigProblem(key, n.asText(), "use " + DurationParser.FORMAT + ", or 0s"));
            return null;
        }
        return d.get();
    }

    private void unknownFields(JsonNode n, String at) {
        Iterator<String> fields = n.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!NODE_FIELDS.contains(f)) {
                problems.add(new ConfigProblem(at + "." + f, n.get(f).asText(), "unknown field; use one of "
                        + new TreeSet<>(NODE_FIELDS)));
            }
        }
    }

    /** {@code alerts.overload.inhibits}: a list of per-conversation kinds (may be empty: no inhibition). */
    static Set<AlertKind> inhibitedKinds(String key, JsonNode n, List<ConfigProblem> problems) {
        Set<String> allowed = new TreeSet<>();
        Inhibition.INHIBITABLE.forEach(k -> allowed.add(k.wireName()));
        if (!n.isArray()) {
            problems.add(new ConfigProblem(key, n.asText(), "use a list of kinds among " + allowed
                    + ", like [warning, breach, escalation]"));
            return Inhibition.DEFAULT_KINDS;
        }
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        for (JsonNode v : n) {
            String kind = v.asText();
            if (!allowed.contains(kind)) {
                problems.add(new ConfigProblem(key, kind, "an overload can hold back only kinds among " + allowed));
            } else {
                kinds.add(AlertKind.fromWire(kind));
            }
        }
        return kinds;
    }
}
