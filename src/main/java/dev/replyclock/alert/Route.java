package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.sla.BusinessCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of the routing tree ({@code alerts.route}), as in Alertmanager: an alert enters at the root and
 * goes down to the first child whose matchers all hold (to the next ones too when that child has
 * {@code continue}); a node no child takes sends it to its own receivers, grouped by that node's settings.
 * Matchers compare the alert's {@code tier}, {@code kind}, {@code channel}, {@code team} and {@code calendar}
 * ({@code in-hours} / {@code out-of-hours} of the node's business calendar at delivery time) with a list of
 * allowed values; {@code level} holds when one of its values ({@code 2}, {@code ">=2"}, see {@link LevelMatch})
 * holds for the alert's level.
 *
 * @param grouping what this node sets of group_by, group_wait and repeat_interval (null parts: the parent's)
 * @param calendar the business calendar of the {@code calendar} matcher, or null for the parent's (the root's
 *                 null means 24/7: always {@code in-hours})
 */
public record Route(Map<String, Set<String>> match, List<String> receivers, boolean continueMatching,
                    List<Route> routes, GroupSettings grouping, BusinessCalendar calendar) {

    public static final Set<String> MATCH_KEYS = Set.of("tier", "kind", "channel", "team", "calendar", "level");
    public static final String IN_HOURS = "in-hours";
    public static final String OUT_OF_HOURS = "out-of-hours";

    /**
     * One receiver an alert goes to, with the grouping of the node that sent it there and the zone of that node's
     * calendar ({@code calendar-name}, else {@code sla.calendar}; null for 24/7), which alert times are shown in.
     */
    public record Target(String receiver, GroupSettings grouping, String node, java.time.ZoneId zone) {
    }

    public Route {
        match = Map.copyOf(match);
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
        grouping = grouping == null ? GroupSettings.INHERIT : grouping;
    }

    /** A node without grouping settings or calendar of its own. */
    public Route(Map<String, Set<String>> match, List<String> receivers, boolean continueMatching, List<Route> routes) {
        this(match, receivers, continueMatching, routes, GroupSettings.INHERIT, null);
    }

    /** Every alert to every receiver: the default when no route is configured. */
    public static Route everything(List<String> receivers) {
        return new Route(Map.of(), receivers, false, List.of());
    }

    /**
     * Receiver types that take digests and overload alerts when no {@code alerts.route} is set: chat, e-mail,
     * machines and the log. A summary is not a page, so never SMS or PagerDuty.
     */
    public static final Set<String> SUMMARY_RECEIVER_TYPES = Set.of("slack", "teams", "email", "webhook", "kafka", "log");

    /**
     * The route when {@code alerts.route} is not set: every alert to every receiver, except digests and overload
     * alerts, which go only to the receivers of {@link #SUMMARY_RECEIVER_TYPES} (to none if there is none).
     *
     * @param typeByReceiver receiver name -> type, in the order of {@code alerts.receivers}
     * @param calendar       {@code sla.calendar} (null = 24/7): the zone alert times are shown in
     */
    public static Route byDefault(Map<String, String> typeByReceiver, BusinessCalendar calendar) {
        List<String> summaryReceivers = typeByReceiver.entrySet().stream()
                .filter(e -> SUMMARY_RECEIVER_TYPES.contains(e.getValue())).map(Map.Entry::getKey).toList();
        Route summaries = new Route(Map.of("kind", Set.of(AlertKind.DIGEST.wireName(), AlertKind.OVERLOAD.wireName())),
                summaryReceivers, false, List.of());
        return new Route(Map.of(), List.copyOf(typeByReceiver.keySet()), false, List.of(summaries),
                GroupSettings.INHERIT, calendar);
    }

    /** The receivers an alert goes to, with calendar matchers judged at {@code now}. */
    public Set<String> receiversFor(Alert alert, Instant now) {
        Set<String> out = new LinkedHashSet<>();
        targetsFor(alert, now).forEach(t -> out.add(t.receiver()));
        return out;
    }

    /** The receivers an alert goes to, with calendar matchers judged at the current instant. */
    public Set<String> receiversFor(Alert alert) {
        return receiversFor(alert, Instant.now());
    }

    /**
     * Where an alert goes and how each receiver groups it; a receiver reached by several nodes (through
     * {@code continue}) keeps the first one's settings.
     */
    public List<Target> targetsFor(Alert alert, Instant now) {
        Map<String, Target> out = new LinkedHashMap<>();
        for (Alert as : routedAs(alert)) {
            collect(as, now, GroupSettings.DEFAULT, BusinessCalendar.ALWAYS, "/", out);
        }
        return List.copyOf(out.values());
    }

    /**
     * An incident update ({@code acknowledged}, {@code closed}) goes where its own kind is routed and wherever
     * the pages of its incident may have gone (signal, warning, breach, and each escalation rung up to its
     * level): every receiver that opened the incident, whatever its kind and level matchers, hears it close.
     */
    private static List<Alert> routedAs(Alert alert) {
        if (!(alert instanceof ConversationAlert update) || !update.kind().updatesIncident()) {
            return List.of(alert);
        }
        List<Alert> as = new ArrayList<>();
        as.add(update);
        for (AlertKind k : List.of(AlertKind.SIGNAL, AlertKind.WARNING, AlertKind.BREACH)) {
            as.add(update.seenAs(k, 0));
        }
        for (int level = 1; level <= update.level(); level++) {
            as.add(update.seenAs(AlertKind.ESCALATION, level));
        }
        return as;
    }

    private boolean collect(Alert alert, Instant now, GroupSettings parentGrouping, BusinessCalendar parentCalendar,
                            String node, Map<String, Target> out) {
        BusinessCalendar cal = calendar != null ? calendar : parentCalendar;
        if (!matches(alert, now, cal)) {
            return false;
        }
        GroupSettings effective = grouping.over(parentGrouping);
        boolean taken = false;
        for (int i = 0; i < routes.size(); i++) {
            Route child = routes.get(i);
            if (child.collect(alert, now, effective, cal, node + i + "/", out)) {
                taken = true;
                if (!child.continueMatching()) {
                    break;
                }
            }
        }
        if (!taken) {
            for (String r : receivers) {
                out.putIfAbsent(r, new Target(r, effective, node, cal.zone()));
            }
        }
        return true;
    }

    private boolean matches(Alert alert, Instant now, BusinessCalendar cal) {
        for (Map.Entry<String, Set<String>> m : match.entrySet()) {
            if (m.getKey().equals("level")) {
                if (!LevelMatch.anyHolds(m.getValue(), alert.level())) {
                    return false;
                }
                continue;
            }
            String value = switch (m.getKey()) {
                case "tier" -> alert.tier().wireName();
                case "kind" -> alert.kind().wireName();
                case "channel" -> alert instanceof ConversationAlert c && c.channel() != null ? c.channel() : "";
                case "team" -> alert.team() == null ? "" : alert.team();
                case "calendar" -> cal.isOpen(now) ? IN_HOURS : OUT_OF_HOURS;
                default -> null;
            };
            if (value == null || !m.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    /** All receiver names the tree mentions (for validation). */
    public List<String> allReceivers() {
        List<String> out = new ArrayList<>(receivers);
        routes.forEach(r -> out.addAll(r.allReceivers()));
        return out;
    }
}
