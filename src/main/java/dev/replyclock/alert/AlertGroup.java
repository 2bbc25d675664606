package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several alerts sent as one notification, as Alertmanager groups them: the alerts of one route that share
 * the values of its {@code group_by} labels, collected for {@code group_wait}.
 *
 * @param key    the {@code group_by} labels and their values (empty map = all alerts of the route in one group)
 * @param alerts at least one, in arrival order
 */
public record AlertGroup(Map<String, String> key, List<Alert> alerts) {

    public AlertGroup {
        key = Map.copyOf(key);
        alerts = List.copyOf(alerts);
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a group holds at least one alert");
        }
    }

    /** A group of one: what a receiver gets for an alert that is not grouped. */
    public static AlertGroup of(Alert alert) {
        return new AlertGroup(Map.of(), List.of(alert));
    }

    /**
     * The notification's idempotency key: the alert's own id for a group of one, otherwise a name-based
     * UUID of the member ids, so a re-sent group is recognised by receivers that honour the key.
     */
    public String id() {
        if (alerts.size() == 1) {
            return alerts.get(0).id();
        }
        StringBuilder b = new StringBuilder("group");
        alerts.stream().map(Alert::id).sorted().forEach(id -> b.append('\u0000').append(id));
        return UUID.nameUUIDFromBytes(b.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
