package dev.replyclock.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.alert.DeliveryPolicy;
import dev.replyclock.alert.ReceiverConfig;
import dev.replyclock.alert.ReceiverFactory;
import dev.replyclock.alert.ReceiverType;
import dev.replyclock.alert.Route;
import dev.replyclock.model.AlertKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code alerts.*} but the alert content ({@link AlertContentSection}): receivers, the route tree, overload
 * inhibition, delivery retries and breaker, and the team view.
 */
final class AlertsSection {

    private AlertsSection() {
    }

    /** {@code alerts.receivers}, with {@code alerts.pagerduty.resolve-on-ack} put on each pagerduty receiver. */
    static List<ReceiverConfig> receivers(ConfigValues v) {
        String key = "alerts.receivers";
        JsonNode list = v.node(key);
        List<ReceiverConfig> out = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            v.problem(key, list.toString(), "use a non-empty list like [{name: console, type: log, path: '-'}]");
            return out;
        }
        Set<String> names = new HashSet<>();
        String resolveOnAck = v.text("alerts.pagerduty.resolve-on-ack");
        if (!resolveOnAck.equals("true") && !resolveOnAck.equals("false")) {
            v.problem("alerts.pagerduty.resolve-on-ack", resolveOnAck, "use true (an ack"
                    + " resolves the PagerDuty incidents) or false (an ack acknowledges them; the reply resolves)");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String at = key + "[" + i + "]";
            String name = r.path("name").asText("");
            String type = r.path("type").asText("");
            if (name.isBlank()) {
                v.problem(at + ".name", null, "every receiver needs a unique name");
            } else if (!names.add(name)) {
                v.problem(at + ".name", name, "receiver names must be unique");
            }
            Optional<ReceiverType> receiverType = ReceiverType.of(type);
            if (receiverType.isEmpty()) {
                v.problem(at + ".type", type, "use one of " + ReceiverType.names());
                continue;
            }
            List<String> fields = receiverType.get().fields();
            Map<String, String> settings = new HashMap<>();
            Iterator<String> it = r.fieldNames();
            while (it.hasNext()) {
                String f = it.next();
                if (f.equals("name") || f.equals("type")) {
                    continue;
                }
                if (!fields.contains(f)) {
                    v.problem(at + "." + f, r.get(f).asText(), "unknown field; a " + type + " receiver has " + fields);
                } else {
                    JsonNode value = r.get(f);
                    settings.put(f, value.isArray() ? joined(value) : value.asText());
                }
            }
            for (String f : receiverType.get().required()) {
                if (settings.getOrDefault(f, "").isBlank()) {
                    v.problem(at + "." + f, null, "a " + type + " receiver needs it");
                }
            }
            receiverType.get().check(settings, (field, value, fix) -> v.problem(at + "." + field, value, fix));
            if (type.equals("pagerduty")) {
                settings.put(ReceiverFactory.RESOLVE_ON_ACK, resolveOnAck);
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

    /** {@code alerts.route}, over the receivers and the calendars of {@code sla}. */
    static Route route(ConfigValues v, List<ReceiverConfig> receivers, SlaSection.Sla sla) {
        Map<String, String> receiverTypes = new LinkedHashMap<>();
        receivers.forEach(r -> receiverTypes.put(r.name(), r.type()));
        return RouteParser.parse("alerts.route", v.node("alerts.route"), receiverTypes, sla.calendars(), sla.calendar(),
                v.problems());
    }

    /** {@code alerts.retry.*} and {@code alerts.circuit.*}. */
    static DeliveryPolicy delivery(ConfigValues v) {
        return new DeliveryPolicy(v.intInRange("alerts.retry.attempts", 1, 100),
                v.duration("alerts.retry.initial-backoff"), v.duration("alerts.retry.max-backoff"), circuit(v));
    }

    /** {@code alerts.circuit.*}: the breaker opens on a failure rate over a window of calls, never on a blip. */
    private static DeliveryPolicy.Circuit circuit(ConfigValues v) {
        java.time.Duration openFor = v.duration("alerts.circuit.open-for");
        int rate = v.intInRange("alerts.circuit.failure-rate-threshold", 1, 100);
        int window = v.intInRange("alerts.circuit.sliding-window-size", 1, 1000);
        int minimum = v.intInRange("alerts.circuit.minimum-calls", 1, 1000);
        if (minimum > window) {
            v.problem("alerts.circuit.minimum-calls", v.text("alerts.circuit.minimum-calls"),
                    "use at most alerts.circuit.sliding-window-size (" + window + "): the breaker judges only the"
                            + " calls in its window; or raise the window");
            minimum = window;
        }
        return new DeliveryPolicy.Circuit(openFor, rate, minimum, window);
    }

    static Set<AlertKind> overloadInhibits(ConfigValues v) {
        return RouteParser.inhibitedKinds("alerts.overload.inhibits", v.node("alerts.overload.inhibits"), v.problems());
    }

    /** {@code alerts.overload.threshold} and {@code alerts.digest.every}. */
    static TeamViewSettings teams(ConfigValues v) {
        return new TeamViewSettings(v.intInRange("alerts.overload.threshold", 0, 1_000_000),
                v.durationOrOff("alerts.digest.every"));
    }
}
