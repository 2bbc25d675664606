package dev.replyclock.kafka;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The incidents a wait opened, one per deadline that raised alerts (PagerDuty's dedup key is conversation
 * and deadline), and the alerts that tell receivers what became of them: {@code acknowledged} when an agent
 * takes the conversation, {@code closed} with its reason when the ladder ends for good (reply, expiry,
 * erasure). Kept beside the reply clock so that the SLA rules stay free of delivery concerns.
 */
final class Incidents {

    private Incidents() {
    }

    /** The stored incidents plus those of the outcome's alerts, oldest first, each deadline once. */
    static List<Long> after(List<Long> before, List<? extends Alert> emitted) {
        Set<Long> all = new LinkedHashSet<>(before);
        for (Alert a : emitted) {
            if (a.kind().opensIncident()) {
                all.add(a.deadline().toEpochMilli());
            }
        }
        return List.copyOf(all);
    }

    /**
     * Every incident of the wait: the recorded ones, and the current deadline's if the clock shows it raised an
     * alert (a clock stored before incidents were recorded: a signal for urgent and complaint, or a stage past
     * running), so that an upgrade leaves none open.
     */
    static List<Long> opened(StoredClock stored) {
        Set<Long> all = new LinkedHashSet<>(stored.incidents());
        ReplyClock c = stored.clock();
        if (c != null && !c.stale() && (c.tier() != Tier.STANDARD || c.stage() != Stage.RUNNING)) {
            all.add(c.deadline().toEpochMilli());
        }
        return List.copyOf(all);
    }

    /** One {@code closed} alert per incident of the wait, with the reason the ladder ended. */
    static List<ConversationAlert> closing(StoredClock stored, String reason, Instant now) {
        return about(stored, AlertKind.CLOSED, now).stream().map(a -> a.withReason(reason)).toList();
    }

    /** One {@code acknowledged} alert per incident of the wait, naming who took it. */
    static List<ConversationAlert> acknowledging(StoredClock stored, Instant now) {
        return about(stored, AlertKind.ACKNOWLEDGED, now);
    }

    private static List<ConversationAlert> about(StoredClock stored, AlertKind kind, Instant now) {
        ReplyClock c = stored.clock();
        List<ConversationAlert> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        for (long deadline : opened(stored)) {
            // The level is the last rung the incident reached, so that routing finds every receiver a rung paged
            // (only the current deadline escalates: a deadline replaced by a tighter one had not passed yet).
            int level = deadline == c.deadline().toEpochMilli() ? c.escalations() : 0;
            out.add(Alert.about(c.conversationId()).kind(kind).tier(c.tier()).level(level).channel(c.channel())
                    .team(c.team()).openedAt(c.openedAt()).deadline(Instant.ofEpochMilli(deadline)).createdAt(now)
                    .signals(c.signals()).ackedBy(stored.ackedBy()).build());
        }
        return out;
    }
}
