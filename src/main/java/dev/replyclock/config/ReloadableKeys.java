package dev.replyclock.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which keys a reload ({@code SIGHUP}, {@code POST /-/reload}) applies to the running daemon; every other key
 * that changed is reported as needing a restart, and keeps its running value until then. A name ending in a dot
 * covers the keys under it.
 */
public final class ReloadableKeys {

    /** Alert wording: a change rebuilds every receiver (each carries its text), in its consumer group. */
    static final List<String> ALERT_TEXT = List.of("alerts.language", "alerts.team-languages", "alerts.templates.",
            "alerts.link-template");

    /** The metrics' channel labels ({@code metrics.channels}) are swapped at a reload, as are the team labels. */
    private static final List<String> OTHERS = List.of("sla.", "classify.rules", "alerts.route", "alerts.receivers",
            "metrics.channels");

    private ReloadableKeys() {
    }

    public static boolean applied(String key) {
        return covered(key, OTHERS) || alertText(key);
    }

    public static boolean alertText(String key) {
        return covered(key, ALERT_TEXT);
    }

    private static boolean covered(String key, List<String> names) {
        return names.stream().anyMatch(n -> key.equals(n) || (n.endsWith(".") && key.startsWith(n)));
    }

    /** The keys whose values differ (a key present on one side only counts). */
    public static SortedSet<String> changed(Map<String, String> running, Map<String, String> fresh) {
        SortedSet<String> keys = new TreeSet<>(running.keySet());
        keys.addAll(fresh.keySet());
        keys.removeIf(k -> Objects.equals(running.get(k), fresh.get(k)));
        return keys;
    }
}
