package dev.replyclock.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An alert about a whole team ({@link AlertKind#isTeamKind()}): {@code overload} (level 1 while it fires, 0 when
 * it is over) or {@code digest}. Built with {@link Alert#aboutTeam(String)}.
 *
 * @param id            {@link Alert#idFor} of {@code team:<team>}, the instant it is about, kind, tier and level,
 *                      so a re-emitted team alert has the same id
 * @param deadline      the instant it is about: the overload's start, the digest's time
 * @param conversations the team's open conversations concerned, oldest wait first
 * @param shownIn       see {@link Alert#shownIn()}
 */
public record TeamAlert(
        String id,
        String team,
        Tier tier,
        AlertKind kind,
        int level,
        Instant deadline,
        Instant createdAt,
        List<Alert.OpenConversation> conversations,
        ZoneId shownIn) implements Alert {

    public TeamAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(kind, "kind");
        if (!kind.isTeamKind()) {
            throw new IllegalArgumentException("'" + kind.wireName() + "' is about a conversation, not a team");
        }
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(createdAt, "createdAt");
        conversations = conversations == null ? List.of() : List.copyOf(conversations);
    }

    @Override
    public TeamAlert withShownIn(ZoneId zone) {
        return Objects.equals(zone, shownIn) ? this
                : new TeamAlert(id, team, tier, kind, level, deadline, createdAt, conversations, zone);
    }

    @Override
    public String toString() {
        return "Alert[id=" + id + ", conversationId=null, tier=" + tier + ", kind=" + kind
                + ", level=" + level + ", team=" + team + ", deadline=" + deadline
                + ", conversations=" + conversations.size() + "]";
    }

    /** What an alert about a team says, named; {@link #build()} derives its id. */
    public static final class Builder {
        private final String team;
        private Tier tier;
        private AlertKind kind;
        private int level;
        private Instant about;
        private Instant createdAt;
        private List<Alert.OpenConversation> conversations = List.of();

        Builder(String team) {
            this.team = team;
        }

        public Builder kind(AlertKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder tier(Tier tier) {
            this.tier = tier;
            return this;
        }

        /** 0 by default; an overload that fires is level 1. */
        public Builder level(int level) {
            this.level = level;
            return this;
        }

        /** The instant it is about (the overload's start, the digest's time): its {@link TeamAlert#deadline()}. */
        public Builder at(Instant about) {
            this.about = about;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** The open conversations concerned, oldest wait first; none by default. */
        public Builder conversations(List<Alert.OpenConversation> conversations) {
            this.conversations = conversations;
            return this;
        }

        /** @throws NullPointerException without a kind, tier, instant or creation time */
        public TeamAlert build() {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(about, "at");
            return new TeamAlert(Alert.idFor("team:" + team, about, kind, tier, level), team, tier, kind, level, about,
                    createdAt, conversations, null);
        }
    }
}
