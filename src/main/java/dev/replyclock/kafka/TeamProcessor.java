package dev.replyclock.kafka;

import dev.replyclock.config.TeamViewSettings;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
import dev.replyclock.ops.ReplyclockMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The team view, keyed by team (reads the team-load topic the SLA processor writes). Keeps each team's open
 * conversations in a persistent store keyed {@code team \u0000 conversationId}, so that one team's entries are
 * contiguous, and:
 * <ul>
 *   <li>fires an {@code overload} alert (level 1) when the team's open complaint + urgent conversations reach
 *       {@code alerts.overload.threshold}, and ends it (level 0, same {@code deadline}: the instant it began)
 *       when they drop below it; no hysteresis. Both go to {@code support.alerts} (key {@code team:<team>}) and
 *       to the compacted overload topic (key = team), whose last record per team is its current state;</li>
 *   <li>sends a {@code digest} of each team's open conversations at the start of every
 *       {@code alerts.digest.every} period (periods aligned to the epoch, so to UTC). The digest's
 *       {@code deadline} is the period start, so its id is the same for one period whoever computes it, and
 *       the period of the last digest is stored per team, so a restart does not send a period twice.</li>
 *   <li>forgets a team: its open entries leave with their conversations (the SLA processor reports every
 *       reply, expiry and erasure), and its digest entry once the team has had no open conversation for
 *       {@code privacy.retention} (checked every {@link #IDLE_SWEEP}), so a team name is not kept longer than
 *       its conversations' data.</li>
 * </ul>
 * Everything goes through the topology's stores and sinks, so exactly_once_v2 covers it as it covers the SLA
 * processor.
 */
final class TeamProcessor extends ContextualProcessor<String, TeamLoad, String, Alert> {

    /** At most this many conversations are listed in one team alert. */
    static final int MAX_LISTED = 50;
    /** How often the digest punctuator looks whether a new period has begun (a cheap comparison). */
    static final Duration DIGEST_TICK = Duration.ofSeconds(1);
    /** How often teams idle past the retention are looked for. */
    static final Duration IDLE_SWEEP = Duration.ofHours(1);

    private static final Comparator<TeamLoad> OLDEST_FIRST =
            Comparator.comparing(TeamLoad::openedAt).thenComparing(TeamLoad::conversationId);
    private static final Comparator<TeamLoad> BY_TIER_OLDEST_FIRST =
            Comparator.comparing(TeamLoad::tier, Comparator.reverseOrder()).thenComparing(OLDEST_FIRST);

    private final TeamViewSettings settings;
    private final ReplyclockMetrics metrics;
    private final Clock clock;
    private final Duration retention;
    /** Open complaint + urgent conversations per team of this task: rebuilt from the store at assignment. */
    private final Map<String, Integer> pressing = new HashMap<>();
    private final Set<String> firingHere = new HashSet<>();
    private long lastPeriodLooked = Long.MIN_VALUE;
    private KeyValueStore<String, TeamLoad> open;
    private KeyValueStore<String, Alert> overloads;
    private KeyValueStore<String, Long> digests;

    /** @param retention {@code privacy.retention}: how long a team without open conversations is remembered */
    TeamProcessor(TeamViewSettings settings, ReplyclockMetrics metrics, Clock clock, Duration retention) {
        this.settings = settings;
        this.retention = retention;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        super.init(context);
        open = context.getStateStore(ReplyclockTopology.TEAM_OPEN_STORE);
        overloads = context.getStateStore(ReplyclockTopology.TEAM_OVERLOAD_STORE);
        digests = context.getStateStore(ReplyclockTopology.TEAM_DIGEST_STORE);
        try (KeyValueIterator<String, TeamLoad> all = open.all()) {
            all.forEachRemaining(kv -> {
                if (isPressing(kv.value)) {
                    pressing.merge(teamOfKey(kv.key), 1, Integer::sum);
                }
            });
        }
        try (KeyValueIterator<String, Alert> all = overloads.all()) {
            all.forEachRemaining(kv -> {
                firingHere.add(kv.key);
                metrics.teamOverloaded(kv.key, true);
            });
        }
        if (settings.digestOn()) {
            Duration tick = settings.digestEvery().compareTo(DIGEST_TICK) < 0 ? settings.digestEvery() : DIGEST_TICK;
            context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, ts -> sendDigestsIfNewPeriod());
        }
        // Also with digests off: entries written while they were on must go too.
        context.schedule(IDLE_SWEEP, PunctuationType.WALL_CLOCK_TIME, ts -> forgetIdleTeams());
    }

    @Override
    public void process(Record<String, TeamLoad> record) {
        TeamLoad load = record.value();
        if (record.key() == null || load == null) {
            return; // not written by the SLA processor: nothing to learn from it
        }
        String team = TeamLoad.teamOf(record.key()); // as its store keys need it, whoever wrote the record
        String key = storeKey(team, load.conversationId());
        TeamLoad before = open.get(key);
        if (load.open()) {
            open.put(key, load);
        } else if (before != null) {
            open.delete(key);
        }
        int delta = (load.open() && isPressing(load) ? 1 : 0) - (before != null && isPressing(before) ? 1 : 0);
        if (delta != 0) {
            pressing.merge(team, delta, Integer::sum);
        }
        if (settings.digestOn() && digests.get(team) == null) {
            // A team seen for the first time gets its first digest when the next period begins.
            digests.put(team, periodStart(clock.millis()));
        }
        checkOverload(team);
    }

    private void checkOverload(String team) {
        int count = pressing.getOrDefault(team, 0);
        boolean overloaded = settings.overloadOn() && count >= settings.overloadThreshold();
        Alert firing = overloads.get(team);
        Instant now = clock.instant();
        if (overloaded && firing == null) {
            List<TeamLoad> listed = teamOpen(team, true, OLDEST_FIRST);
            Tier tier = listed.stream().map(TeamLoad::tier).max(Comparator.naturalOrder()).orElse(Tier.URGENT);
            Alert alert = Alert.aboutTeam(team).kind(AlertKind.OVERLOAD).tier(tier).level(1).at(now).createdAt(now)
                    .conversations(listed(listed)).build();
            overloads.put(team, alert);
            firingHere.add(team);
            emitOverload(team, alert);
        } else if (!overloaded && firing != null) {
            Alert over = Alert.aboutTeam(team).kind(AlertKind.OVERLOAD).tier(firing.tier()).level(0)
                    .at(firing.deadline()).createdAt(now)
                    .conversations(listed(teamOpen(team, true, OLDEST_FIRST))).build();
            overloads.delete(team);
            firingHere.remove(team);
            emitOverload(team, over);
        }
    }

    private void emitOverload(String team, Alert alert) {
        metrics.alert(alert.kind(), alert.tier());
        metrics.teamOverloaded(team, alert.level() > 0);
        long ts = alert.createdAt().toEpochMilli();
        context().forward(new Record<>(alertKey(team), alert, ts), ReplyclockTopology.TEAM_ALERTS_OUT);
        // The notifier rebuilds each team's state from this compacted topic: its last record is the current one.
        context().forward(new Record<>(team, alert, ts), ReplyclockTopology.OVERLOAD_OUT);
    }

    /** Once per period (at its first tick), a digest for every team of this task with open conversations. */
    void sendDigestsIfNewPeriod() {
        long now = clock.millis();
        long period = periodStart(now);
        if (period == lastPeriodLooked) {
            return;
        }
        lastPeriodLooked = period;
        String team = null;
        List<TeamLoad> teamOpen = new ArrayList<>();
        try (KeyValueIterator<String, TeamLoad> all = open.all()) {
            while (all.hasNext()) {
                KeyValue<String, TeamLoad> kv = all.next();
                String t = teamOfKey(kv.key);
                if (!t.equals(team)) {
                    digestIfDue(team, teamOpen, period, now);
                    team = t;
                    teamOpen = new ArrayList<>();
                }
                teamOpen.add(kv.value);
            }
        }
        digestIfDue(team, teamOpen, period, now);
    }

    /** One team's failure must not keep the other teams' digests from going out. */
    private void digestIfDue(String team, List<TeamLoad> teamOpen, long period, long now) {
        if (team == null || teamOpen.isEmpty()) {
            return;
        }
        try {
            digest(team, teamOpen, period, now);
        } catch (RuntimeException e) {
            DeadLetterHandler.skipOrRethrow(e, metrics, "a team's digest"); // skipped for this period
        }
    }

    private void digest(String team, List<TeamLoad> teamOpen, long period, long now) {
        Long last = digests.get(team);
        if (last != null && last >= period) {
            return; // this period's digest is out already (or the team appeared during it)
        }
        teamOpen.sort(BY_TIER_OLDEST_FIRST);
        Alert digest = Alert.aboutTeam(team).kind(AlertKind.DIGEST).tier(teamOpen.get(0).tier())
                .at(Instant.ofEpochMilli(period)).createdAt(Instant.ofEpochMilli(now))
                .conversations(listed(teamOpen)).build();
        digests.put(team, period);
        metrics.alert(digest.kind(), digest.tier());
        context().forward(new Record<>(alertKey(team), digest, now), ReplyclockTopology.TEAM_ALERTS_OUT);
    }

    /**
     * Deletes the digest entry of every team without an open conversation whose last digest (or first sighting)
     * is older than the retention. A team that comes back is a new team: its first digest is at the next period.
     */
    void forgetIdleTeams() {
        long idleSince = clock.millis() - retention.toMillis();
        List<String> idle = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = digests.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value < idleSince && !hasOpen(kv.key)) {
                    idle.add(kv.key);
                }
            });
        }
        idle.forEach(digests::delete);
    }

    private boolean hasOpen(String team) {
        try (KeyValueIterator<String, TeamLoad> it = open.range(team + '\u0000', team + '\u0001')) {
            return it.hasNext();
        }
    }

    private long periodStart(long epochMillis) {
        long every = settings.digestEvery().toMillis();
        return every <= 0 ? epochMillis : Math.floorDiv(epochMillis, every) * every;
    }

    /** The team's open conversations (only complaint and urgent ones if {@code pressingOnly}), sorted. */
    private List<TeamLoad> teamOpen(String team, boolean pressingOnly, Comparator<TeamLoad> order) {
        List<TeamLoad> out = new ArrayList<>();
        try (KeyValueIterator<String, TeamLoad> it = open.range(team + '\u0000', team + '\u0001')) {
            it.forEachRemaining(kv -> {
                if (!pressingOnly || isPressing(kv.value)) {
                    out.add(kv.value);
                }
            });
        }
        out.sort(order);
        return out;
    }

    private static List<Alert.OpenConversation> listed(List<TeamLoad> sorted) {
        return sorted.stream().limit(MAX_LISTED)
                .map(t -> new Alert.OpenConversation(t.conversationId(), t.tier(), t.openedAt(), t.deadline()))
                .toList();
    }

    private static boolean isPressing(TeamLoad t) {
        return t.tier() == Tier.COMPLAINT || t.tier() == Tier.URGENT;
    }

    static String storeKey(String team, String conversationId) {
        return team + '\u0000' + conversationId;
    }

    private static String teamOfKey(String key) {
        return key.substring(0, key.indexOf('\u0000'));
    }

    static String alertKey(String team) {
        return "team:" + team;
    }

    @Override
    public void close() {
        // This task's teams move to another instance (or the app stops): it reports them from there.
        firingHere.forEach(team -> metrics.teamOverloaded(team, false));
        firingHere.clear();
    }
}
