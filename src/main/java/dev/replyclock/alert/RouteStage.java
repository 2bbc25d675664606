package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stage 1, route: whether the routing tree sends an alert to this receiver, and how it groups it there.
 * The tree is read for each alert, so a reloaded route applies to the next alert.
 */
final class RouteStage {

    /** An alert routed here: its times shown in the zone of the route's calendar, with the node's grouping. */
    record Routed(Alert alert, GroupSettings grouping, String node) {
    }

    private final Supplier<Route> route;
    private final Receiver receiver;
    private final Clock clock;

    RouteStage(Supplier<Route> route, Receiver receiver, Clock clock) {
        this.route = route;
        this.receiver = receiver;
        this.clock = clock;
    }

    /** Empty when the alert is routed elsewhere, or is not this receiver's kind of alert. */
    Optional<Routed> select(Alert alert) {
        return route.get().targetsFor(alert, clock.instant()).stream()
                .filter(t -> t.receiver().equals(receiver.name()))
                .findFirst()
                .filter(t -> receiver.takes(alert))
                .map(t -> new Routed(alert.withShownIn(t.zone()), t.grouping(), t.node()));
    }
}
