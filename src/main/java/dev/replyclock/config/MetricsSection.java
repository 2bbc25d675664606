package dev.replyclock.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.alert.Route;
import dev.replyclock.sla.SlaPolicies;
import java.util.Set;
import java.util.TreeSet;

/** {@code metrics.*}: the values the channel and team labels take, so that producers cannot create series at will. */
final class MetricsSection {

    private MetricsSection() {
    }

    /** The channels of {@code metrics.channels}; the teams this configuration names (policies, languages, routes). */
    static MetricLabels read(ConfigValues v, SlaPolicies policies, Route route) {
        return new MetricLabels(channels(v), configuredTeams(v, policies, route));
    }

    /** {@code metrics.channels}: the channel label values (others are counted as {@code other}). */
    private static Set<String> channels(ConfigValues v) {
        String key = "metrics.channels";
        JsonNode list = v.node(key);
        Set<String> out = new TreeSet<>();
        String fix = "use a list of channel names (a letter, then up to 31 of a-z 0-9 _ -), like "
                + MetricLabels.CONTRACT_CHANNELS + "; other channels are counted as 'other'";
        if (!list.isArray()) {
            v.problem(key, list.isValueNode() ? list.asText() : list.toString(), fix);
            return out;
        }
        for (JsonNode c : list) {
            if (!c.isTextual() || !MetricLabels.CHANNEL.matcher(c.asText()).matches()) {
                v.problem(key, c.asText(), fix);
            } else {
                out.add(c.asText());
            }
        }
        return out;
    }

    private static Set<String> configuredTeams(ConfigValues v, SlaPolicies policies, Route route) {
        Set<String> teams = new TreeSet<>();
        policies.rules().forEach(r -> {
            if (r.team() != null) {
                teams.add(r.team());
            }
        });
        JsonNode languages = v.node("alerts.team-languages");
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
}
