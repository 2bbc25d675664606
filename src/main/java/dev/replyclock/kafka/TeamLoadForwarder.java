package dev.replyclock.kafka;

import dev.replyclock.sla.ReplyClock;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The SLA processor's hook into the team view: when a conversation's open state changes (opened, tier or
 * deadline raised, replied, expired, moved to another team), forwards a {@link TeamLoad} keyed by team to
 * the team-load sink. Changes that leave the team view's picture as it was (a second message of the same
 * tier, an acknowledgement, a warning or breach) forward nothing. An acknowledged conversation stays open
 * here: the acknowledgement stops its pages, not the customer's wait.
 */
final class TeamLoadForwarder {

    /** No team view: forwards nothing (the topology has no team-load sink). */
    static final TeamLoadForwarder OFF = new TeamLoadForwarder(null);

    private final String sinkName;

    TeamLoadForwarder(String sinkName) {
        this.sinkName = sinkName;
    }

    /** @param before the stored state before the change, after the one after it; either may be null */
    void changed(ProcessorContext<String, Object> context, String conversationId, StoredClock before,
                 StoredClock after, long now) {
        if (sinkName == null) {
            return;
        }
        String teamBefore = teamOf(before);
        String teamAfter = teamOf(after);
        TeamLoad loadBefore = loadOf(conversationId, before);
        TeamLoad loadAfter = loadOf(conversationId, after);
        if (Objects.equals(teamBefore, teamAfter) && Objects.equals(loadBefore, loadAfter)) {
            return;
        }
        if (loadBefore != null && !teamBefore.equals(teamAfter)) {
            // closed, or moved to another team: the old team no longer carries it
            context.forward(new Record<>(teamBefore, loadBefore.closed(), now), sinkName);
        }
        if (loadAfter != null) {
            context.forward(new Record<>(teamAfter, loadAfter, now), sinkName);
        }
    }

    private static String teamOf(StoredClock s) {
        return s == null || !s.isOpen() ? null : TeamLoad.teamOf(s.clock().team());
    }

    private static TeamLoad loadOf(String conversationId, StoredClock s) {
        if (s == null || !s.isOpen()) {
            return null;
        }
        ReplyClock c = s.clock();
        return new TeamLoad(conversationId, c.tier(), c.openedAt(), c.deadline(), true);
    }
}
