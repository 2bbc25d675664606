package dev.replyclock.sla;

import dev.replyclock.classify.Classification;
import dev.replyclock.classify.Classifier;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Percentiles;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Replays a message history through the real {@link SlaEngine} with simulated time, driving it the way the
 * daemon's SLA processor does (a clock per conversation, wake-ups fired in time order before each message),
 * so that a team can see what its targets and ladder would have done with last month's traffic.
 * Plain Java, in memory: a history of a few million messages fits.
 */
public final class Replay {

    /**
     * One wait of a customer: opened by an inbound message, closed by a reply or still open at the end.
     *
     * @param warnings    warning alerts the wait raised (a tightened deadline can warn again)
     * @param escalations escalation alerts the wait raised (rungs of its ladder)
     * @param team        the conversation's team, or null
     * @param policy      the name of the SLA policy of its deadline
     * @param firstReply  the conversation's first wait (first reply time), false after a staff reply (next reply time)
     */
    public record Wait(String conversationId, Tier tier, Duration waited, boolean replied, boolean withinTarget,
                       boolean breached, int warnings, int escalations, String channel, String team, String policy,
                       boolean firstReply) {

        private Wait(ReplyClock c, Duration waited, boolean replied, boolean withinTarget, Alerts alerts) {
            this(c.conversationId(), c.tier(), waited, replied, withinTarget, alerts.breached, alerts.warnings,
                    alerts.escalations, c.channel(), c.team(), c.policy(), c.firstReply());
        }
    }

    /** The alerts a wait has raised so far. */
    private static final class Alerts {
        boolean breached;
        int warnings;
        int escalations;
    }

    private final SlaPolicies policies;
    private final Classifier classifier;

    public Replay(SlaPolicies policies, Classifier classifier) {
        this.policies = policies;
        this.classifier = classifier;
    }

    /** Replays messages (sorted here by sentAt, stably) and returns every wait. */
    public List<Wait> run(List<SupportMessage> history, Instant until) {
        List<SupportMessage> messages = new ArrayList<>(history);
        if (until != null) {
            messages.removeIf(m -> m.sentAt().toInstant().isAfter(until)); // the replay stops at `until`
        }
        messages.sort(Comparator.comparing(m -> m.sentAt().toInstant()));
        MutableClock clock = new MutableClock(Instant.EPOCH);
        SlaEngine engine = new SlaEngine(policies, clock);
        Map<String, ReplyClock> clocks = new HashMap<>();
        Map<String, Instant> wakeUps = new HashMap<>();
        Map<String, Alerts> raised = new HashMap<>();
        Set<String> repliedBefore = new HashSet<>();
        PriorityQueue<Map.Entry<Instant, String>> index = new PriorityQueue<>(Map.Entry.comparingByKey());
        List<Wait> waits = new ArrayList<>();

        for (SupportMessage m : messages) {
            Instant at = m.sentAt().toInstant();
            fireDue(at, clock, engine, clocks, wakeUps, index, raised);
            clock.set(at);
            Classification c = m.isInbound() ? classifier.classify(m.text()) : Classification.STANDARD;
            String id = m.conversationId();
            ReplyClock before = clocks.get(id);
            Outcome o = engine.onMessage(Optional.ofNullable(before), new ClassifiedMessage(m, c),
                    repliedBefore.contains(id));
            record(o.alerts(), raised);
            o.measurement().ifPresent(r -> {
                Alerts alerts = raised.remove(id);
                waits.add(new Wait(before, r.replyTime(), true, r.withinTarget(), alerts == null ? new Alerts() : alerts));
                repliedBefore.add(id);
            });
            update(id, o.clock(), engine, clocks, wakeUps, index);
        }
        Instant end = until != null ? until : messages.isEmpty() ? Instant.EPOCH : clock.instant();
        fireDue(end, clock, engine, clocks, wakeUps, index, raised);
        clocks.forEach((id, c) -> waits.add(new Wait(c, Duration.between(c.openedAt(), end), false, false,
                raised.getOrDefault(id, new Alerts()))));
        return waits;
    }

    private static void fireDue(Instant upTo, MutableClock clock, SlaEngine engine, Map<String, ReplyClock> clocks,
                                Map<String, Instant> wakeUps, PriorityQueue<Map.Entry<Instant, String>> index,
                                Map<String, Alerts> raised) {
        while (!index.isEmpty() && !index.peek().getKey().isAfter(upTo)) {
            Map.Entry<Instant, String> due = index.poll();
            String id = due.getValue();
            if (!due.getKey().equals(wakeUps.get(id))) {
                continue; // superseded
            }
            clock.set(due.getKey());
            wakeUps.remove(id); // polled: the next wake-up, even an equal one, goes back in the index
            Outcome o = engine.onDue(clocks.get(id));
            record(o.alerts(), raised);
            update(id, o.clock(), engine, clocks, wakeUps, index);
        }
    }

    private static void record(List<ConversationAlert> alerts, Map<String, Alerts> raised) {
        for (ConversationAlert a : alerts) {
            if (a.kind() == AlertKind.BREACH || a.kind() == AlertKind.WARNING || a.kind() == AlertKind.ESCALATION) {
                Alerts of = raised.computeIfAbsent(a.conversationId(), id -> new Alerts());
                switch (a.kind()) {
                    case BREACH -> of.breached = true;
                    case WARNING -> of.warnings++;
                    default -> of.escalations++;
                }
            }
        }
    }

    private static void update(String id, Optional<ReplyClock> clock, SlaEngine engine, Map<String, ReplyClock> clocks,
                               Map<String, Instant> wakeUps, PriorityQueue<Map.Entry<Instant, String>> index) {
        if (clock.isEmpty()) {
            clocks.remove(id);
            wakeUps.remove(id);
            return;
        }
        clocks.put(id, clock.get());
        Optional<Instant> wake = engine.nextWakeUp(clock.get());
        if (wake.isPresent()) {
            if (!wake.get().equals(wakeUps.put(id, wake.get()))) {
                index.add(Map.entry(wake.get(), id));
            }
        } else {
            wakeUps.remove(id);
        }
    }

    /**
     * Per-tier figures of a replay; percentiles are nearest-rank on the exact reply times.
     *
     * @param breaches    waits that breached
     * @param warnings    warning alerts raised
     * @param escalations escalation alerts raised
     */
    public record TierStats(int count, int replied, Double p50, Double p90, Double p99, Double withinTargetRatio,
                            int breaches, int warnings, int escalations) {
    }

    public static Map<Tier, TierStats> stats(List<Wait> waits) {
        Map<Tier, TierStats> out = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            List<Wait> of = waits.stream().filter(w -> w.tier() == t).toList();
            double[] replyTimes = of.stream().filter(Wait::replied).mapToDouble(w -> w.waited().toMillis() / 1000.0)
                    .sorted().toArray();
            long within = of.stream().filter(w -> w.replied() && w.withinTarget()).count();
            out.put(t, new TierStats(of.size(), replyTimes.length, Percentiles.of(replyTimes, 50),
                    Percentiles.of(replyTimes, 90), Percentiles.of(replyTimes, 99),
                    replyTimes.length == 0 ? null : within / (double) replyTimes.length,
                    (int) of.stream().filter(Wait::breached).count(), of.stream().mapToInt(Wait::warnings).sum(),
                    of.stream().mapToInt(Wait::escalations).sum()));
        }
        return out;
    }
}
