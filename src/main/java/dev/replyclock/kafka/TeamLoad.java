package dev.replyclock.kafka;

import dev.replyclock.model.Tier;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a conversation's open state, as the team view sees it: on the team-load topic, keyed by
 * team. Holds the conversation id, tier and times only: no customer text, no customer identifier.
 *
 * @param open     true while the conversation waits for a staff reply; false once it is replied, expired or
 *                 has moved to another team (then the other fields are its last open state)
 * @param deadline the current reply deadline
 */
record TeamLoad(String conversationId, Tier tier, Instant openedAt, Instant deadline, boolean open) {

    /** The team of conversations whose messages name none. */
    static final String DEFAULT_TEAM = dev.replyclock.model.Alert.DEFAULT_TEAM;

    TeamLoad {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** {@code <application-id>-team-load}: the topic from the SLA processor to the team processor. */
    static String topic(String applicationId) {
        return applicationId + "-team-load";
    }

    /**
     * The team's key on the team-load topic and in the team store. U+0000 separates team and conversation in
     * the store's keys, so it must not be in a team name: ingest refuses control characters, and this keeps
     * state written before that (or by another producer) from mixing two teams in one range scan.
     */
    static String teamOf(String team) {
        return team == null || team.isEmpty() ? DEFAULT_TEAM : team.replace('\u0000', '\uFFFD');
    }

    TeamLoad closed() {
        return new TeamLoad(conversationId, tier, openedAt, deadline, false);
    }
}
