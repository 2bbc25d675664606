package dev.replyclock.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The only values the {@code channel} and {@code team} labels of replyclock's metrics take: the channels of
 * {@code metrics.channels} and the teams the configuration names (SLA policies, routes, team languages), plus
 * {@code other} for everything else. A label value comes from a producer's message; bounding it to what the
 * operator configured keeps the series count fixed and keeps a handle or phone number out of Prometheus.
 */
public final class MetricLabels {

    /** The channels of the message contract (docs/contracts.md, "Messages"): the default of {@code metrics.channels}. */
    public static final List<String> CONTRACT_CHANNELS =
            List.of("whatsapp", "email", "chat", "sms", "instagram", "messenger", "web", "phone");
    /** Every value outside the configured ones. */
    public static final String OTHER = "other";
    /** What a configured channel must look like: it starts with a letter, so it is never a number. */
    public static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    /** What a configured team must look like to be a label (others are counted as {@code other}). */
    static final Pattern TEAM = Pattern.compile("[A-Za-z][A-Za-z0-9 ._-]{0,63}");
    /** The team of conversations whose messages name none: always a label. */
    public static final String DEFAULT_TEAM = "default";

    /** The contract's channels and no team but {@code default}. */
    public static final MetricLabels CONTRACT = new MetricLabels(Set.copyOf(CONTRACT_CHANNELS), Set.of());

    private final Set<String> channels;
    /** Lower case -> the configured spelling, of the teams that can be labels. */
    private final Map<String, String> teams = new TreeMap<>();

    /**
     * @param channels lower-case channel names
     * @param teams    team names as the configuration spells them (those not shaped like {@link #TEAM} are left out)
     */
    public MetricLabels(Set<String> channels, Set<String> teams) {
        this.channels = Set.copyOf(channels);
        for (String t : teams) {
            if (TEAM.matcher(t).matches()) {
                this.teams.putIfAbsent(t.toLowerCase(Locale.ROOT), t);
            }
        }
    }

    public Set<String> channels() {
        return channels;
    }

    /** The teams that are labels (besides {@code default} and {@code other}). */
    public Set<String> teams() {
        return Set.copyOf(teams.values());
    }

    /** The channel's label: itself (in lower case) when configured, else {@code other}. */
    public String channel(String channel) {
        if (channel == null) {
            return OTHER;
        }
        String c = channel.toLowerCase(Locale.ROOT);
        return channels.contains(c) ? c : OTHER;
    }

    /**
     * The team's label: the configured spelling when the team is configured (policies match teams without
     * regard to case, and so does this), {@code default} for none, else {@code other}.
     */
    public String team(String team) {
        if (team == null || team.isEmpty() || team.equals(DEFAULT_TEAM)) {
            return DEFAULT_TEAM;
        }
        return teams.getOrDefault(team.toLowerCase(Locale.ROOT), OTHER);
    }
}
