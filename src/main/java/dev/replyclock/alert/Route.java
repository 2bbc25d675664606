package dev.replyclock.alert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of the routing tree ({@code alerts.route}), as in Alertmanager: an alert enters at the root and
 * goes down to the first child whose matchers all hold (to the next ones too when that child has
 * {@code continue}); a node no child takes sends it to its own receivers. Matchers compare the alert's
 * {@code tier}, {@code kind} and {@code channel} with a list of allowed values.
 */
public record Route(Map<String, Set<String>> match, List<String> receivers, boolean continueMatching,
                    List<Route> routes) {

    public static final Set<String> MATCH_KEYS = Set.of("tier", "kind", "channel");

    public Route {
        match = Map.copyOf(match);
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
    }

    /** Every alert to every receiver: the default when no route is configured. */
    public static Route everything(List<String> receivers) {
        return new Route(Map.of(), receivers, false, List.of());
    }

    /** The receivers an alert goes to. */
    public Set<String> receiversFor(Alert alert) {
        Set<String> out = new LinkedHashSet<>();
        collect(alert, out);
        return out;
    }

    private boolean collect(Alert alert, Set<String> out) {
        if (!matches(alert)) {
            return false;
        }
        boolean taken = false;
        for (Route child : routes) {
            if (child.collect(alert, out)) {
                taken = true;
                if (!child.continueMatching()) {
                    break;
                }
            }
        }
        if (!taken) {
            out.addAll(receivers);
        }
        return true;
    }

    private boolean matches(Alert alert) {
        for (Map.Entry<String, Set<String>> m : match.entrySet()) {
            String value = switch (m.getKey()) {
                case "tier" -> alert.tier().wireName();
                case "kind" -> alert.kind().wireName();
                case "channel" -> alert.channel() == null ? "" : alert.channel();
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
