package dev.replyclock.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An alert about one conversation: signal, warning, breach, escalation, resolved, acknowledged or closed. Built
 * with {@link Alert#about(String)}.
 *
 * @param id       {@link Alert#idFor} of conversation, deadline, kind, tier and level
 * @param level    0 for signal/warning/breach, 1.. for the rungs of the escalation ladder; resolved,
 *                 acknowledged and closed carry the last rung reached
 * @param team     the conversation's team (the message's optional {@code team}), or null
 * @param openedAt when the customer's unanswered wait began (the first unanswered inbound message)
 * @param deadline the reply deadline
 * @param signals  the matched signals that set the tier (why it fired)
 * @param excerpt  a short redacted excerpt of the customer's message, only with {@code alerts.include-excerpt}
 * @param ackedBy  who acknowledged the conversation (the ack's optional {@code by}), on every later alert of it;
 *                 null when nobody did or the ack named nobody
 * @param reason   for {@code closed}: why the ladder ended ({@link Alert#CLOSED_REPLIED}, ...); null otherwise
 * @param shownIn  see {@link Alert#shownIn()}
 */
public record ConversationAlert(
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
        String ackedBy,
        String reason,
        ZoneId shownIn) implements Alert {

    public ConversationAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(kind, "kind");
        if (kind.isTeamKind()) {
            throw new IllegalArgumentException("'" + kind.wireName() + "' is about a team, not a conversation");
        }
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(createdAt, "createdAt");
        signals = List.copyOf(signals);
    }

    /** The same alert with a redacted excerpt of the customer's message. */
    public ConversationAlert withExcerpt(String redactedExcerpt) {
        return new ConversationAlert(id, conversationId, tier, kind, level, channel, team, openedAt, deadline,
                createdAt, signals, redactedExcerpt, ackedBy, reason, shownIn);
    }

    /** The same alert naming who acknowledged its conversation (null = nobody). */
    public ConversationAlert withAckedBy(String by) {
        return new ConversationAlert(id, conversationId, tier, kind, level, channel, team, openedAt, deadline,
                createdAt, signals, excerpt, by, reason, shownIn);
    }

    /** The same alert with a reason ({@code closed}). */
    public ConversationAlert withReason(String why) {
        return new ConversationAlert(id, conversationId, tier, kind, level, channel, team, openedAt, deadline,
                createdAt, signals, excerpt, ackedBy, why, shownIn);
    }

    /**
     * The same alert, same id, seen as another kind and level: routing sends an incident update wherever the
     * pages of its incident may have gone.
     */
    public ConversationAlert seenAs(AlertKind otherKind, int otherLevel) {
        return new ConversationAlert(id, conversationId, tier, otherKind, otherLevel, channel, team, openedAt,
                deadline, createdAt, signals, excerpt, ackedBy, reason, shownIn);
    }

    @Override
    public ConversationAlert withShownIn(ZoneId zone) {
        return Objects.equals(zone, shownIn) ? this : new ConversationAlert(id, conversationId, tier, kind, level,
                channel, team, openedAt, deadline, createdAt, signals, excerpt, ackedBy, reason, zone);
    }

    /** Leaves the excerpt out (customer text must not reach a log through a record's toString). */
    @Override
    public String toString() {
        return "Alert[id=" + id + ", conversationId=" + conversationId + ", tier=" + tier + ", kind=" + kind
                + ", level=" + level + ", team=" + team + ", deadline=" + deadline
                + (reason == null ? "" : ", reason=" + reason)
                + (excerpt == null ? "" : ", excerpt=(" + excerpt.length() + " chars)")
                + ", conversations=0]";
    }

    /** What an alert about one conversation says, named; {@link #build()} derives its id. */
    public static final class Builder {
        private final String conversationId;
        private Tier tier;
        private AlertKind kind;
        private int level;
        private String channel;
        private String team;
        private Instant openedAt;
        private Instant deadline;
        private Instant createdAt;
        private List<Signal> signals = List.of();
        private String excerpt;
        private String ackedBy;
        private String reason;

        Builder(String conversationId) {
            this.conversationId = Objects.requireNonNull(conversationId, "conversationId");
        }

        public Builder kind(AlertKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder tier(Tier tier) {
            this.tier = tier;
            return this;
        }

        /** 0 (the default) but for escalations and what follows them. */
        public Builder level(int level) {
            this.level = level;
            return this;
        }

        public Builder channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Builder team(String team) {
            this.team = team;
            return this;
        }

        public Builder openedAt(Instant openedAt) {
            this.openedAt = openedAt;
            return this;
        }

        public Builder deadline(Instant deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Why it fired; none by default. */
        public Builder signals(List<Signal> signals) {
            this.signals = signals;
            return this;
        }

        public Builder excerpt(String redactedExcerpt) {
            this.excerpt = redactedExcerpt;
            return this;
        }

        public Builder ackedBy(String by) {
            this.ackedBy = by;
            return this;
        }

        public Builder reason(String why) {
            this.reason = why;
            return this;
        }

        /** @throws NullPointerException without a kind, tier, deadline or creation time */
        public ConversationAlert build() {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(deadline, "deadline");
            return new ConversationAlert(Alert.idFor(conversationId, deadline, kind, tier, level), conversationId, tier,
                    kind, level, channel, team, openedAt, deadline, createdAt, signals, excerpt, ackedBy, reason, null);
        }
    }
}
