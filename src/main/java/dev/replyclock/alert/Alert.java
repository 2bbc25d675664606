package dev.replyclock.alert;

import dev.replyclock.classify.Signal;
import dev.replyclock.classify.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One alert on {@code support.alerts}: about one conversation, or (kinds {@code overload} and
 * {@code digest}) about a whole team, in which case {@code conversationId} is null and {@code conversations}
 * lists the team's open conversations it is about.
 *
 * @param id            deterministic: the same conversation, deadline, kind, tier and level always give the
 *                      same id, so a restart that re-emits an alert is deduplicated downstream
 * @param level         0 for signal/warning/breach/resolved, 1.. for the rungs of the escalation ladder
 * @param team          the conversation's team (the message's optional {@code team}), or null
 * @param openedAt      when the customer's unanswered wait began (the first unanswered inbound message)
 * @param deadline      the reply deadline; for a team alert, the instant it is about (overload start, digest time)
 * @param signals       the matched signals that set the tier (why it fired)
 * @param excerpt       a short redacted excerpt of the customer's message, only with {@code alerts.include-excerpt}
 * @param conversations for team alerts: the conversations concerned, oldest wait first; empty otherwise
 */
public record Alert(
        String id,
        String conversationId,
        Tier tier,
        AlertKind kind,
        int level,
        String channel,
        String team,
        Instant openedAt,
        Instant deadline,
        Instant createdAt,
        List<Signal> signals,
        String excerpt,
        List<OpenConversation> conversations) {

    /** The team of conversations whose messages name none (overloads, digests, silences, inhibition). */
    public static final String DEFAULT_TEAM = "default";

    /** The team this alert counts in: its own, or {@value #DEFAULT_TEAM} when the conversation names none. */
    public String teamOrDefault() {
        return team == null ? DEFAULT_TEAM : team;
    }

    /** One open conversation listed in a team alert. */
    public record OpenConversation(String conversationId, Tier tier, Instant openedAt, Instant deadline) {
        public OpenConversation {
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(openedAt, "openedAt");
        }
    }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(kind, "kind");
        if (!kind.isTeamKind()) {
            Objects.requireNonNull(conversationId, "conversationId");
        }
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(createdAt, "createdAt");
        signals = List.copyOf(signals);
        conversations = conversations == null ? List.of() : List.copyOf(conversations);
    }

    /** Builds an alert whose id is derived from what identifies it, never from when it was made. */
    public static Alert of(String conversationId, Tier tier, AlertKind kind, int level, String channel,
                           Instant openedAt, Instant deadline, Instant createdAt, List<Signal> signals) {
        return of(conversationId, tier, kind, level, channel, null, openedAt, deadline, createdAt, signals);
    }

    /** As {@link #of(String, Tier, AlertKind, int, String, Instant, Instant, Instant, List)}, with a team. */
    public static Alert of(String conversationId, Tier tier, AlertKind kind, int level, String channel, String team,
                           Instant openedAt, Instant deadline, Instant createdAt, List<Signal> signals) {
        return new Alert(idFor(conversationId, deadline, kind, tier, level), conversationId, tier, kind, level,
                channel, team, openedAt, deadline, createdAt, signals, null, List.of());
    }

    /**
     * A team alert ({@code overload}, {@code digest}); its id is derived from team, kind, level and the instant
     * it is about, so a re-emitted team alert has the same id.
     */
    public static Alert forTeam(String team, AlertKind kind, Tier tier, int level, Instant about, Instant createdAt,
                                List<OpenConversation> conversations) {
        return new Alert(idFor("team:" + team, about, kind, tier, level), null, tier, kind, level, null, team,
                null, about, createdAt, List.of(), null, conversations);
    }

    /** The same alert with a redacted excerpt of the customer's message. */
    public Alert withExcerpt(String redactedExcerpt) {
        return new Alert(id, conversationId, tier, kind, level, channel, team, openedAt, deadline, createdAt, signals,
                redactedExcerpt, conversations);
    }

    /** Leaves the excerpt out (customer text must not reach a log through a record's toString). */
    @Override
    public String toString() {
        return "Alert[id=" + id + ", conversationId=" + conversationId + ", tier=" + tier + ", kind=" + kind
                + ", level=" + level + ", team=" + team + ", deadline=" + deadline
                + (excerpt == null ? "" : ", excerpt=(" + excerpt.length() + " chars)")
                + ", conversations=" + conversations.size() + "]";
    }

    /** A name-based (type 3) UUID of conversation, deadline, kind, tier and level. */
    public static String idFor(String conversationId, Instant deadline, AlertKind kind, Tier tier, int level) {
        String key = conversationId + '\u0000' + deadline.toEpochMilli() + '\u0000' + kind.wireName()
                + '\u0000' + tier.wireName() + '\u0000' + level;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
