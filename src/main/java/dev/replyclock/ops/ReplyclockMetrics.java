package dev.replyclock.ops;

import dev.replyclock.alert.AlertKind;
import dev.replyclock.classify.Tier;
import dev.replyclock.config.MetricLabels;
import dev.replyclock.ingest.Direction;
import dev.replyclock.sla.ReplyMeasurement;
import dev.replyclock.sla.SlaPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * replyclock's own meters, named once here. Prometheus names: {@code replyclock_messages_total},
 * {@code replyclock_alerts_total}, {@code replyclock_reply_time_seconds}, {@code replyclock_open_conversations},
 * {@code replyclock_dead_letters_total}, {@code replyclock_deliveries_total}. Tag values are bounded:
 * customer identifiers never become tags; channels and teams are those of the configuration
 * ({@link MetricLabels}: {@code metrics.channels}, the configured teams), anything else is {@code other}.
 */
public final class ReplyclockMetrics {

    private static final Pattern SAFE_TAG = Pattern.compile("[a-z0-9_-]{1,32}");

    private final MeterRegistry registry;
    private final Map<Tier, AtomicLong> open = new EnumMap<>(Tier.class);
    private final Duration[] buckets;
    private final Map<String, Counter> messages = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> alerts = new ConcurrentHashMap<>();
    private final Map<String, Long> indexSizes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> overloaded = new ConcurrentHashMap<>();
    /** The teams firing now under each team label ({@code other} gathers many). */
    private final Map<String, Set<String>> firing = new ConcurrentHashMap<>();
    private volatile MetricLabels labels;

    /** With the contract's channels and no configured team (tests, bench). */
    public ReplyclockMetrics(MeterRegistry registry, SlaPolicy policy) {
        this(registry, policy, MetricLabels.CONTRACT);
    }

    /** @param labels the values the channel and team labels take; anything else is {@code other} */
    public ReplyclockMetrics(MeterRegistry registry, SlaPolicy policy, MetricLabels labels) {
        this.registry = registry;
        this.labels = labels;
        this.buckets = buckets(policy);
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
    }

    /** @param tier null for a staff reply (tagged {@code none}) */
    public void messageIn(Direction direction, Tier tier, String channel) {
        // Called for every message: the counter is looked up by a cheap key, not rebuilt from tags.
        String safeChannel = labels.channel(channel);
        String key = direction.ordinal() + "|" + (tier == null ? -1 : tier.ordinal()) + "|" + safeChannel;
        messages.computeIfAbsent(key, k -> Counter.builder("replyclock.messages")
                .description("Messages consumed, by direction, tier and channel")
                .tag("direction", direction.wireName())
                .tag("tier", tier == null ? "none" : tier.wireName())
                .tag("channel", safeChannel)
                .register(registry)).increment();
    }

    /** The rung of the escalation ladder reached, by tier (levels are bounded by the max-level keys). */
    public void escalation(Tier tier, int level) {
        Counter.builder("replyclock.escalations")
                .description("Escalation rungs reached, by tier and level")
                .tag("tier", tier.wireName())
                .tag("level", String.valueOf(level))
                .register(registry).increment();
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
        alerts.computeIfAbsent(kind.ordinal() * 8 + tier.ordinal(), k -> Counter.builder("replyclock.alerts")
                .description("Alerts emitted by the SLA engine, by kind and tier")
                .tag("kind", kind.wireName())
                .tag("tier", tier.wireName())
                .register(registry)).increment();
    }

    public void replied(ReplyMeasurement m) {
        Timer.builder("replyclock.reply.time")
                .description("Time from the first unanswered customer message to the staff reply")
                .tag("tier", m.tier().wireName())
                .tag("channel", labels.channel(m.channel()))
                .tag("clock", m.firstReply() ? "first" : "next")
                .serviceLevelObjectives(buckets)
                .register(registry)
                .record(clamped(m.replyTime()));
        Counter.builder("replyclock.replies")
                .description("Staff replies that closed a wait, by tier and whether the target was kept")
                .tag("tier", m.tier().wireName())
                .tag("within_target", String.valueOf(m.withinTarget()))
                .register(registry).increment();
    }

    /** A message from the future (clamped to now) or older than its target (measured, no alerts). */
    public void lateMessage(String reason) {
        Counter.builder("replyclock.late.messages")
                .description("Messages whose sentAt was in the future (clamped) or older than their target (stale)")
                .tag("reason", reason)
                .register(registry).increment();
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
        Counter.builder("replyclock.stream.thread.failures")
                .description("Exceptions that ended a stream thread, by the response (replace_thread, shutdown_client)")
                .tag("response", response)
                .register(registry).increment();
    }

    /** A conversation's state reached the end of its retention and was deleted. */
    public void expired() {
        Counter.builder("replyclock.expired.conversations")
                .description("Conversation states deleted at the end of privacy.retention")
                .register(registry).increment();
    }

    public void deadLetter(String reason) {
        Counter.builder("replyclock.dead.letters")
                .description("Records sent to the dead-letter topic, by reason")
                .tag("reason", safeTag(reason))
                .register(registry).increment();
    }

    public void delivery(String receiver, String outcome) {
        Counter.builder("replyclock.deliveries")
                .description("Alert deliveries by receiver and outcome (sent, duplicate, failed)")
                .tag("receiver", safeTag(receiver))
                .tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Alert created -> receiver accepted. */
    public void deliveryLatency(String receiver, Duration latency) {
        Timer.builder("replyclock.delivery.latency")
                .description("From an alert's creation to its acceptance by a receiver")
                .tag("receiver", safeTag(receiver))
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(registry)
                .record(clamped(latency));
    }

    public void silenced(String receiver) {
        Counter.builder("replyclock.silenced")
                .description("Alerts muted by a silence, by receiver")
                .tag("receiver", safeTag(receiver))
                .register(registry).increment();
    }

    /** Pages held back because their team's overload alert fires ({@code alerts.overload.inhibits}). */
    public void inhibited(String receiver, int count) {
        Counter.builder("replyclock.inhibited")
                .description("Alerts held back by their team's firing overload alert, by receiver")
                .tag("receiver", safeTag(receiver))
                .register(registry).increment(count);
    }

    /** Alerts that went out inside a notification of two or more. */
    public void grouped(String receiver, int count) {
        Counter.builder("replyclock.grouped.alerts")
                .description("Alerts delivered inside a group of two or more, by receiver")
                .tag("receiver", safeTag(receiver))
                .register(registry).increment(count);
    }

    /** Alerts waiting for a receiver: the lag of its consumer group (each receiver reads on its own). */
    public void deliveryQueue(String receiver, java.util.function.Supplier<Long> depth) {
        Gauge.builder("replyclock.delivery.queue.depth", () -> depth.get())
                .description("Alerts not yet handled by a receiver")
                .tag("receiver", safeTag(receiver))
                .register(registry);
    }

    public void deliveryRetry(String receiver) {
        Counter.builder("replyclock.delivery.retries")
                .description("Delivery attempts repeated after a failure")
                .tag("receiver", safeTag(receiver))
                .register(registry).increment();
    }

    public void undelivered(String receiver, String reason) {
        Counter.builder("replyclock.undelivered")
                .description("Alerts given up for a receiver and sent to the undelivered topic")
                .tag("receiver", safeTag(receiver))
                .tag("reason", reason)
                .register(registry).increment();
    }

    /**
     * Drops the gauges of a receiver that a reload removed or replaced: they read a stopped worker, and a
     * replacement registers its own (Micrometer would otherwise hand it back the old ones).
     */
    public void forgetReceiver(String receiver) {
        for (String gauge : new String[] {"replyclock.delivery.queue.depth", "replyclock.receiver.circuit.state"}) {
            registry.find(gauge).tag("receiver", safeTag(receiver)).meters().forEach(registry::remove);
        }
    }

    /** replyclock_receiver_circuit_state{receiver,state} is 1 for the breaker's current state, 0 for the others. */
    public void circuitState(String receiver, java.util.function.Supplier<String> state) {
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
