package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which teams are overloaded now, learnt from {@code overload} alerts (level 1 = firing, level 0 = over) as the
 * workers read them on {@code support.alerts}, and from the compacted overload topic. Both sources feed the
 * same state, so the newest word on a team wins: an update older than what is known is ignored (a lagging
 * receiver reading an old overload does not bring it back). Thread-safe: shared by the receivers' workers.
 */
public final class OverloadState {

    private record Entry(boolean firing, Instant asOf) {
    }

    private final Map<String, Entry> teams = new ConcurrentHashMap<>();

    /** Takes an {@code overload} alert into account; any other alert is ignored. */
    public void observe(Alert alert) {
        if (alert.kind() == AlertKind.OVERLOAD && alert.team() != null) {
            update(alert.team(), alert.level() >= 1, alert.createdAt());
        }
    }

    /** A team's overload is over (a tombstone on the overload topic, written at {@code asOf}). */
    public void over(String team, Instant asOf) {
        // A tombstone is the topic's last word on the team: it clears whatever the timestamps say, and keeps the
        // newest instant so that an older firing alert read later does not revive the overload.
        teams.compute(team, (t, old) -> new Entry(false,
                old == null || asOf.isAfter(old.asOf()) ? asOf : old.asOf()));
    }

    void update(String team, boolean firing, Instant asOf) {
        teams.compute(team, (t, old) -> old != null && asOf.isBefore(old.asOf()) ? old : new Entry(firing, asOf));
    }

    public boolean isFiring(String team) {
        Entry e = team == null ? null : teams.get(team);
        return e != null && e.firing();
    }

    public Set<String> firingTeams() {
        return teams.entrySet().stream().filter(e -> e.getValue().firing()).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
