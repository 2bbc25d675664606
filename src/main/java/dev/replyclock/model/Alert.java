package dev.replyclock.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
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
 * @param level         0 for signal/warning/breach, 1.. for the rungs of the escalation ladder; resolved,
 *                      acknowledged and closed carry the last rung reached
 * @param team          the conversation's team (the message's optional {@code team}), or null
 * @param openedAt      when the customer's unanswered wait began (the first unanswered inbound message)
 * @param deadline      the reply deadline; for a team alert, the instant it is about (overload start, digest time)
 * @param signals       the matched signals that set the tier (why it fired)
 * @param excerpt       a short redacted excerpt of the customer's message, only with {@code alerts.include-excerpt}
 * @param conversations for team alerts: the conversations concerned, oldest wait first; empty otherwise
 * @param ackedBy       who acknowledged the conversation (the ack's optional {@code by}), on every later alert
 *                      of it; null when nobody did or the ack named nobody
 * @param reason        for {@code closed}: why the ladder ended ({@link #CLOSED_REPLIED}, ...); null otherwise
 * @param shownIn       the zone its times are shown in to people: set by routing (the route's calendar),
 *                      never on the wire; null = {@code alerts.time-zone}
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
        List<OpenConversation> conversations,
        String ackedBy,
        String reason,
        ZoneId shownIn) {

    /** Reasons of a {@code closed} alert. */
    public static final String CLOSED_REPLIED = "replied";
    public static final String CLOSED_EXPIRED = "expired";
    public static final String CLOSED_ERASED = "erased";

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
                channel, team, openedAt, deadline, createdAt, signals, null, List.of(), null, null, null);
    }

    /**
     * A team alert ({@code overload}, {@code digest}); its id is derived from team, kind, level and the instant
     * it is about, so a re-emitted team alert has the same id.
     */
    public static Alert forTeam(String team, AlertKind kind, Tier tier, int level, Instant about, Instant createdAt,
                                List<OpenConversation> conversations) {
        return new Alert(idFor("team:" + team, about, kind, tier, level), null, tier, kind, level, null, team,
                null, about, createdAt, List.of(), null, conversations, null, null, null);
    }

    /** The same alert with a redacted excerpt of the customer's message. */
    public Alert withExcerpt(String redactedExcerpt) {
        return new Alert(id, conversationId, tier, kind, level, channel, team, openedAt, deadline, createdAt, signals,
                redactedExcerpt, conversations, ackedBy, reason, shownIn);
    }

    /** The same alert naming who acknowledged its conversation (null = nobody). */
    public Alert withAckedBy(String by) {
        return new Alert(id, conversationId, tier, kind, level, channel, team, openedAt, deadline, createdAt, signals,
                excerpt, conversations, by, reason, shownIn);
    }

    /** The same alert with a reason ({@code closed}). */
    public Alert withReason(String why) {
        return new Alert(id, conversationId, tier, kind, level, channel, team, openedAt, deadline, createdAt, signals,
                excerpt, conversations, ackedBy, why, shownIn);
    }

    /** The same alert, its times to be shown in {@code zone} (null = {@code alerts.time-zone}). */
    public Alert withShownIn(ZoneId zone) {
        return Objects.equals(zone, shownIn) ? this : new Alert(id, conversationId, tier, kind, level, channel, team,
                openedAt, deadline, createdAt, signals, excerpt, conversations, ackedBy, reason, zone);
    }

    /** Leaves the excerpt out (customer text must not reach a log through a record's toString). */
    @Override
    public String toString() {
        return "Alert[id=" + id + ", conversationId=" + conversationId + ", tier=" + tier + ", kind=" + kind
                + ", level=" + level + ", team=" + team + ", deadline=" + deadline
                + (reason == null ? "" : ", reason=" + reason)
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
