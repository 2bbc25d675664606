package dev.replyclock.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * One alert on {@code support.alerts}: a {@link ConversationAlert} about one conversation (signal, warning,
 * breach, escalation, resolved, acknowledged, closed), or a {@link TeamAlert} about a whole team (overload,
 * digest: {@link AlertKind#isTeamKind()}), which lists the team's open conversations it is about. Both go
 * through the same delivery; what only one of them has (a conversation's channel and signals, a team's list
 * of conversations) is reached by switching on the type.
 *
 * <p>Build one with {@link #about(String)} or {@link #aboutTeam(String)}: its id is derived from what
 * identifies it, never from when it was made.
 */
public sealed interface Alert permits ConversationAlert, TeamAlert {

    /** Reasons of a {@code closed} alert. */
    String CLOSED_REPLIED = "replied";
    String CLOSED_EXPIRED = "expired";
    String CLOSED_ERASED = "erased";

    /** The team of conversations whose messages name none (overloads, digests, silences, inhibition). */
    String DEFAULT_TEAM = "default";

    /**
     * Deterministic: the same conversation (or team), deadline, kind, tier and level always give the same id,
     * so a restart that re-emits an alert is deduplicated downstream.
     */
    String id();

    Tier tier();

    AlertKind kind();

    /**
     * 0 for signal/warning/breach, 1.. for the rungs of the escalation ladder (resolved, acknowledged and closed
     * carry the last rung reached); for an overload, 1 while it fires and 0 when it is over.
     */
    int level();

    /** The conversation's team (the message's optional {@code team}), or null; for a team alert, the team. */
    String team();

    /** The reply deadline; for a team alert, the instant it is about (overload start, digest time). */
    Instant deadline();

    Instant createdAt();

    /**
     * The zone its times are shown in to people: set by routing (the route's calendar), never on the wire;
     * null = {@code alerts.time-zone}.
     */
    ZoneId shownIn();

    /** The same alert, its times to be shown in {@code zone} (null = {@code alerts.time-zone}). */
    Alert withShownIn(ZoneId zone);

    /** The team this alert counts in: its own, or {@value #DEFAULT_TEAM} when the conversation names none. */
    default String teamOrDefault() {
        return team() == null ? DEFAULT_TEAM : team();
    }

    /** Starts an alert about one conversation: {@code Alert.about("c-1").kind(BREACH).tier(URGENT)...build()}. */
    static ConversationAlert.Builder about(String conversationId) {
        return new ConversationAlert.Builder(conversationId);
    }

    /** Starts an alert about a team: {@code Alert.aboutTeam("billing").kind(OVERLOAD).tier(URGENT)...build()}. */
    static TeamAlert.Builder aboutTeam(String team) {
        return new TeamAlert.Builder(team);
    }

    /** One open conversation listed in a team alert. */
    record OpenConversation(String conversationId, Tier tier, Instant openedAt, Instant deadline) {
        public OpenConversation {
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(openedAt, "openedAt");
        }
    }

    /**
     * A name-based (type 3) UUID of conversation, deadline, kind, tier and level; a team alert's "conversation"
     * is {@code team:<team>} and its deadline the instant it is about.
     */
    static String idFor(String conversationId, Instant deadline, AlertKind kind, Tier tier, int level) {
        String key = conversationId + '\u0000' + deadline.toEpochMilli() + '\u0000' + kind.wireName()
                + '\u0000' + tier.wireName() + '\u0000' + level;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
