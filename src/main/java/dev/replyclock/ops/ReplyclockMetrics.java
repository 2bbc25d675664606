package dev.replyclock.ops;

import dev.replyclock.alert.DeliveryMetrics;
import dev.replyclock.config.MetricLabels;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Direction;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.ReplyMeasurement;
import dev.replyclock.sla.SlaPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * replyclock's own meters, named once here. Prometheus names: {@code replyclock_messages_total},
 * {@code replyclock_alerts_total}, {@code replyclock_reply_time_seconds}, {@code replyclock_open_conversations},
 * {@code replyclock_dead_letters_total}, {@code replyclock_deliveries_total}. Tag values are bounded:
 * customer identifiers never become tags; channels and teams are those of the configuration
 * ({@link MetricLabels}: {@code metrics.channels}, the configured teams), anything else is {@code other}.
 */
public final class ReplyclockMetrics implements DeliveryMetrics {

    private static final Pattern SAFE_TAG = Pattern.compile("[a-z0-9_-]{1,32}");

    private final MeterRegistry registry;
    private final Map<Tier, AtomicLong> open = new EnumMap<>(Tier.class);
    private final Duration[] buckets;
    private final Map<String, Counter> messages = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> alerts = new ConcurrentHashMap<>();
    private final Map<String, Timer> replyTimers = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> replies = new ConcurrentHashMap<>();
    private final Map<String, Long> indexSizes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> overloaded = new ConcurrentHashMap<>();
    /** The highest escalation level of the start-up policy: levels 1..this are registered at 0. */
    private final int maxLevel;
    /** The teams firing now under each team label ({@code other} gathers many). */
    private final Map<String, Set<String>> firing = new ConcurrentHashMap<>();
    private volatile MetricLabels labels;
    /** Set by {@link #startAtZero}: a team label a reload adds is registered at 0 too. */
    private volatile boolean atZero;

    /** With the contract's channels and no configured team (tests, bench). */
    public ReplyclockMetrics(MeterRegistry registry, SlaPolicy policy) {
        this(registry, policy, MetricLabels.CONTRACT);
    }

    /** @param labels the values the channel and team labels take; anything else is {@code other} */
    public ReplyclockMetrics(MeterRegistry registry, SlaPolicy policy, MetricLabels labels) {
        this.registry = registry;
        this.labels = labels;
        this.buckets = buckets(policy);
        int max = 0;
        for (Tier t : Tier.values()) {
            max = Math.max(max, policy.maxEscalations(t));
        }
        this.maxLevel = max;
        lateness();
        Gauge.builder("replyclock.deadline.index.size", indexSizes, m -> m.values().stream().mapToLong(Long::longValue).sum())
                .description("Pending wake-ups (warnings, breaches, escalations, expiries) in this instance's deadline index")
                .register(registry);
        for (Tier tier : Tier.values()) {
            AtomicLong gauge = new AtomicLong();
            open.put(tier, gauge);
            Gauge.builder("replyclock.open.conversations", gauge, AtomicLong::get)
                    .description("Conversations waiting for a staff reply, by tier")
                    .tag("tier", tier.wireName())
                    .register(registry);
        }
    }

    /**
     * Every reason a record can reach the dead-letter topic (see docs/contracts.md, "Dead letters"), plus
     * {@code punctuation-error} (a clock skipped): all exported at 0 from start-up.
     */
    public static final List<String> DEAD_LETTER_REASONS = List.of("empty", "not-json", "not-object", "missing-field",
            "wrong-type", "bad-value", "too-large", "too-long", "bad-characters", "out-of-range", "key-mismatch",
            "classify-error", "processing-error", "deserialization-error", "punctuation-error");

    /**
     * The channel label of series registered before any message named one: {@code other}, a value the bounded
     * channel label always has (a message without a channel, or outside {@code metrics.channels}, gets it).
     */
    static final String NO_CHANNEL_YET = MetricLabels.OTHER;

    /**
     * Registers, at 0, every series whose labels are known before the first event, so that a fresh daemon
     * shows 0 rather than "No data" and {@code increase()} sees the first event. Receivers register their own
     * series when they start ({@link #receiverAtZero}); the series that carry a channel are registered with
     * {@code channel="other"} (one per tier, not one per configured channel: a histogram per channel would
     * multiply the series before any message); the team overload gauges with every configured team
     * ({@link MetricLabels#teams}) and {@code default}, and with a team a reload adds ({@link #labels}).
     */
    public void startAtZero() {
        DEAD_LETTER_REASONS.forEach(r -> deadLetterCounter(r));
        for (Tier tier : Tier.values()) {
            for (AlertKind kind : AlertKind.values()) {
                alertCounter(kind, tier);
            }
            messageCounter(Direction.INBOUND, tier, NO_CHANNEL_YET);
            for (boolean first : new boolean[] {true, false}) {
                replyTimer(tier, NO_CHANNEL_YET, first);
                repliesCounter(tier, first);
            }
            for (int level = 1; level <= maxLevel; level++) {
                escalationCounter(tier, level);
            }
        }
        messageCounter(Direction.OUTBOUND, null, NO_CHANNEL_YET);
        messageCounter(Direction.ACK, null, NO_CHANNEL_YET);
        for (String reason : new String[] {"future", "stale"}) {
            lateMessageCounter(reason);
        }
        for (String response : new String[] {"replace_thread", "shutdown_client"}) {
            streamThreadFailureCounter(response);
        }
        for (String outcome : new String[] {"success", "failure"}) {
            configReloads(outcome);
        }
        expiredCounter();
        rekeyedCounter();
        teamsAtZero(labels);
        atZero = true;
    }

    /** The overload gauge of {@code default} and of every configured team, at 0 where there is none yet. */
    private void teamsAtZero(MetricLabels labels) {
        Set<String> all = new TreeSet<>(labels.teams());
        all.add(MetricLabels.DEFAULT_TEAM);
        for (String team : all) {
            if (!overloaded.containsKey(labels.team(team))) {
                teamOverloaded(team, false);
            }
        }
    }

    /** A receiver's series at 0, from the moment it starts (at start-up or added by a reload). */
    @Override
    public void receiverAtZero(String receiver) {
        for (String outcome : new String[] {"sent", "duplicate", "failed"}) {
            deliveryCounter(receiver, outcome);
        }
        for (String reason : new String[] {"retries-exhausted", "refused", "error"}) {
            undeliveredCounter(receiver, reason);
        }
        silencedCounter(receiver);
        inhibited(receiver, 0);
        grouped(receiver, 0);
        deliveryRetryCounter(receiver);
        deliveryLatencyTimer(receiver);
    }

    /** {@code replyclock_config_reloads_total{outcome}}: {@code success} or {@code failure}. */
    public Counter configReloads(String outcome) {
        return Counter.builder("replyclock.config.reloads")
                .description("Configuration reloads (SIGHUP, POST /-/reload), by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Histogram buckets at every SLA target (so "share within target" is exact) plus a few for shape. */
    private static Duration[] buckets(SlaPolicy policy) {
        TreeSet<Duration> b = new TreeSet<>();
        for (Tier t : Tier.values()) {
            for (boolean first : new boolean[] {true, false}) {
                b.add(policy.target(t, first));
                b.add(policy.warnOffset(t, first));
            }
        }
        for (long s : new long[] {10, 30, 120, 600, 1800, 3600, 14400, 86400}) {
            b.add(Duration.ofSeconds(s));
        }
        return b.toArray(Duration[]::new);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A reloaded configuration's channels and teams: the label values from now on (series made before stay). */
    public void labels(MetricLabels labels) {
        this.labels = labels;
        if (atZero) {
            teamsAtZero(labels);
        }
    }

    /** @param tier null for a staff reply (tagged {@code none}) */
    public void messageIn(Direction direction, Tier tier, String channel) {
        // Called for every message: the counter is looked up by a cheap key, not rebuilt from tags.
        String safeChannel = labels.channel(channel);
        String key = direction.ordinal() + "|" + (tier == null ? -1 : tier.ordinal()) + "|" + safeChannel;
        messages.computeIfAbsent(key, k -> messageCounter(direction, tier, safeChannel)).increment();
    }

    private Counter messageCounter(Direction direction, Tier tier, String safeChannel) {
        return Counter.builder("replyclock.messages")
                .description("Messages consumed, by direction, tier and channel")
                .tag("direction", direction.wireName())
                .tag("tier", tier == null ? "none" : tier.wireName())
                .tag("channel", safeChannel)
                .register(registry);
    }

    /** The rung of the escalation ladder reached, by tier (levels are bounded by the max-level keys). */
    public void escalation(Tier tier, int level) {
        escalationCounter(tier, level).increment();
    }

    private Counter escalationCounter(Tier tier, int level) {
        return Counter.builder("replyclock.escalations")
                .description("Escalation rungs reached, by tier and level")
                .tag("tier", tier.wireName())
                .tag("level", String.valueOf(level))
                .register(registry);
    }

    /** One SLA task's deadline-index size (its pending wake-ups); the gauge sums the tasks of this instance. */
    public void deadlineIndexSize(String task, long entries) {
        if (entries < 0) {
            indexSizes.remove(task);
        } else {
            indexSizes.put(task, entries);
        }
    }

    public void alert(AlertKind kind, Tier tier) {
        alertCounter(kind, tier).increment();
    }

    private Counter alertCounter(AlertKind kind, Tier tier) {
        return alerts.computeIfAbsent(kind.ordinal() * 8 + tier.ordinal(), k -> Counter.builder("replyclock.alerts")
                .description("Alerts emitted by the SLA engine, by kind and tier")
                .tag("kind", kind.wireName())
                .tag("tier", tier.wireName())
                .register(registry));
    }

    public void replied(ReplyMeasurement m) {
        // Called for every reply: the meters are looked up by a cheap key, not rebuilt from tags (as messageIn).
        String safeChannel = labels.channel(m.channel());
        replyTimers.computeIfAbsent(m.tier().ordinal() + "|" + m.firstReply() + "|" + safeChannel,
                k -> replyTimer(m.tier(), safeChannel, m.firstReply())).record(clamped(m.replyTime()));
        replies.computeIfAbsent(m.tier().ordinal() * 2 + (m.withinTarget() ? 1 : 0),
                k -> repliesCounter(m.tier(), m.withinTarget())).increment();
    }

    private Timer replyTimer(Tier tier, String safeChannel, boolean firstReply) {
        return Timer.builder("replyclock.reply.time")
                .description("Time from the first unanswered customer message to the staff reply")
                .tag("tier", tier.wireName())
                .tag("channel", safeChannel)
                .tag("clock", firstReply ? "first" : "next")
                .serviceLevelObjectives(buckets)
                .register(registry);
    }

    private Counter repliesCounter(Tier tier, boolean withinTarget) {
        return Counter.builder("replyclock.replies")
                .description("Staff replies that closed a wait, by tier and whether the target was kept")
                .tag("tier", tier.wireName())
                .tag("within_target", String.valueOf(withinTarget))
                .register(registry);
    }

    /** A message from the future (clamped to now) or older than its target (measured, no alerts). */
    public void lateMessage(String reason) {
        lateMessageCounter(reason).increment();
    }

    private Counter lateMessageCounter(String reason) {
        return Counter.builder("replyclock.late.messages")
                .description("Messages whose sentAt was in the future (clamped) or older than their target (stale)")
                .tag("reason", reason)
                .register(registry);
    }

    /** How late a due clock was fired after its wake-up time (breach lateness when it is a breach). */
    public void deadlineLateness(Duration lateness) {
        lateness().record(clamped(lateness));
    }

    private Timer lateness() {
        return Timer.builder("replyclock.deadline.lateness")
                .description("Time from a clock's wake-up (warning, breach, escalation) to its firing")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(registry);
    }

    /** replyclock_live: 1 while {@code /health/live} answers 200, 0 once the process stopped working. */
    public void live(java.util.function.BooleanSupplier live) {
        Gauge.builder("replyclock.live", () -> live.getAsBoolean() ? 1 : 0)
                .description("1 while the process does its job (/health/live 200), 0 once a part of it died")
                .register(registry);
    }

    /** replyclock_input_lag_records: what the Streams app has not processed of its input topic (NaN = unknown). */
    public void inputLag(java.util.function.DoubleSupplier records) {
        Gauge.builder("replyclock.input.lag.records", records::getAsDouble)
                .description("Records of the messages topic the Streams app's group has not processed (from the broker)")
                .register(registry);
    }

    /** An exception escaped a stream thread; {@code response}: replace_thread or shutdown_client. */
    public void streamThreadFailure(String response) {
        streamThreadFailureCounter(response).increment();
    }

    private Counter streamThreadFailureCounter(String response) {
        return Counter.builder("replyclock.stream.thread.failures")
                .description("Exceptions that ended a stream thread, by the response (replace_thread, shutdown_client)")
                .tag("response", response)
                .register(registry);
    }

    /** A conversation's state reached the end of its retention and was deleted. */
    public void expired() {
        expiredCounter().increment();
    }

    private Counter expiredCounter() {
        return Counter.builder("replyclock.expired.conversations")
                .description("Conversation states deleted at the end of privacy.retention")
                .register(registry);
    }

    /** A message keyed otherwise than by its conversationId, sent through the rekey topic ({@code ingest.rekey: auto}). */
    public void rekeyed() {
        rekeyedCounter().increment();
    }

    private Counter rekeyedCounter() {
        return Counter.builder("replyclock.rekeyed")
                .description("Messages keyed otherwise than by their conversationId, re-keyed through the rekey topic")
                .register(registry);
    }

    public void deadLetter(String reason) {
        deadLetterCounter(reason).increment();
    }

    private Counter deadLetterCounter(String reason) {
        return Counter.builder("replyclock.dead.letters")
                .description("Records sent to the dead-letter topic, by reason")
                .tag("reason", safeTag(reason))
                .register(registry);
    }

    @Override
    public void delivery(String receiver, String outcome) {
        deliveryCounter(receiver, outcome).increment();
    }

    private Counter deliveryCounter(String receiver, String outcome) {
        return Counter.builder("replyclock.deliveries")
                .description("Alert deliveries by receiver and outcome (sent, duplicate, failed)")
                .tag("receiver", safeTag(receiver))
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Alert created -> receiver accepted. */
    @Override
    public void deliveryLatency(String receiver, Duration latency) {
        deliveryLatencyTimer(receiver).record(clamped(latency));
    }

    private Timer deliveryLatencyTimer(String receiver) {
        return Timer.builder("replyclock.delivery.latency")
                .description("From an alert's creation to its acceptance by a receiver")
                .tag("receiver", safeTag(receiver))
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public void silenced(String receiver) {
        silencedCounter(receiver).increment();
    }

    private Counter silencedCounter(String receiver) {
        return Counter.builder("replyclock.silenced")
                .description("Alerts muted by a silence, by receiver")
                .tag("receiver", safeTag(receiver))
                .register(registry);
    }

    /** Pages held back because their team's overload alert fires ({@code alerts.overload.inhibits}). */
    @Override
    public void inhibited(String receiver, int count) {
        Counter.builder("replyclock.inhibited")
                .description("Alerts held back by their team's firing overload alert, by receiver")
                .tag("receiver", safeTag(receiver))
                .register(registry).increment(count);
    }

    /** Alerts that went out inside a notification of two or more. */
    @Override
    public void grouped(String receiver, int count) {
        Counter.builder("replyclock.grouped.alerts")
                .description("Alerts delivered inside a group of two or more, by receiver")
                .tag("receiver", safeTag(receiver))
                .register(registry).increment(count);
    }

    /** Alerts waiting for a receiver: the lag of its consumer group (each receiver reads on its own). */
    @Override
    public void deliveryQueue(String receiver, Supplier<Long> depth) {
        Gauge.builder("replyclock.delivery.queue.depth", () -> depth.get())
                .description("Alerts not yet handled by a receiver")
                .tag("receiver", safeTag(receiver))
                .register(registry);
    }

    @Override
    public void deliveryRetry(String receiver) {
        deliveryRetryCounter(receiver).increment();
    }

    private Counter deliveryRetryCounter(String receiver) {
        return Counter.builder("replyclock.delivery.retries")
                .description("Delivery attempts repeated after a failure")
                .tag("receiver", safeTag(receiver))
                .register(registry);
    }

    @Override
    public void undelivered(String receiver, String reason) {
        undeliveredCounter(receiver, reason).increment();
    }

    private Counter undeliveredCounter(String receiver, String reason) {
        return Counter.builder("replyclock.undelivered")
                .description("Alerts given up for a receiver and sent to the undelivered topic")
                .tag("receiver", safeTag(receiver))
                .tag("reason", reason)
                .register(registry);
    }

    /**
     * Drops the gauges of a receiver that a reload removed or replaced: they read a stopped worker, and a
     * replacement registers its own (Micrometer would otherwise hand it back the old ones).
     */
    @Override
    public void forgetReceiver(String receiver) {
        for (String gauge : new String[] {"replyclock.delivery.queue.depth", "replyclock.receiver.circuit.state"}) {
            registry.find(gauge).tag("receiver", safeTag(receiver)).meters().forEach(registry::remove);
        }
    }

    /** replyclock_receiver_circuit_state{receiver,state} is 1 for the breaker's current state, 0 for the others. */
    @Override
    public void circuitState(String receiver, Supplier<String> state) {
        for (String s : new String[] {"closed", "open", "half_open", "disabled", "forced_open", "metrics_only"}) {
            Gauge.builder("replyclock.receiver.circuit.state", () -> s.equals(state.get()) ? 1 : 0)
                    .description("The circuit breaker's state per receiver (1 = current)")
                    .tag("receiver", safeTag(receiver))
                    .tag("state", s)
                    .register(registry);
        }
    }

    /**
     * replyclock_team_overloaded{team}: 1 while the team's overload alert fires, 0 otherwise. The label is the
     * team as configured, or {@code other} (1 while any team labelled so fires).
     */
    public void teamOverloaded(String team, boolean isFiring) {
        String label = labels.team(team);
        Set<String> teams = firing.computeIfAbsent(label, l -> ConcurrentHashMap.newKeySet());
        if (isFiring) {
            teams.add(team);
        } else {
            teams.remove(team);
        }
        overloaded.computeIfAbsent(label, t -> {
            AtomicLong gauge = new AtomicLong();
            Gauge.builder("replyclock.team.overloaded", gauge, AtomicLong::get)
                    .description("1 while the team's overload alert fires, 0 otherwise")
                    .tag("team", t)
                    .register(registry);
            return gauge;
        }).set(teams.isEmpty() ? 0 : 1);
    }

    /** A clock changed tier or opened/closed: {@code from}/{@code to} null for none. */
    public void openMoved(Tier from, Tier to) {
        if (from == to) {
            return;
        }
        if (from != null) {
            openAdjust(from, -1);
        }
        if (to != null) {
            openAdjust(to, 1);
        }
    }

    public void openAdjust(Tier tier, long delta) {
        open.get(tier).addAndGet(delta);
    }

    /** The longest duration a timer records; longer ones are recorded as this. */
    static final Duration MAX_RECORDED = Duration.ofDays(365);

    /**
     * Into [0, {@link #MAX_RECORDED}]: a timer takes nanoseconds in a long, so a duration of 293 years or more
     * throws, and a negative one means a clock moved backwards. A metric must never stop the stream.
     */
    static Duration clamped(Duration d) {
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_RECORDED) > 0 ? MAX_RECORDED : d;
    }

    static String safeTag(String value) {
        if (value == null) {
            return "unknown";
        }
        String v = value.toLowerCase(Locale.ROOT);
        return SAFE_TAG.matcher(v).matches() ? v : "other";
    }
}
