package dev.replyclock.alert;

import dev.replyclock.classify.Signal;
import dev.replyclock.classify.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One alert on {@code support.alerts}.
 *
 * @param id         deterministic: the same conversation, deadline, kind, tier and level always give the
 *                   same id, so a restart that re-emits an alert is deduplicated downstream
 * @param level      0 for signal/warning/breach/resolved, 1.. for the rungs of the escalation ladder
 * @param openedAt   when the customer's unanswered wait began (the first unanswered inbound message)
 * @param signals    the matched signals that set the tier (why it fired)
 */
public record Alert(
        String id,
        String conversationId,
        Tier tier,
        AlertKind kind,
        int level,
        String channel,
        Instant openedAt,
        Instant deadline,
        Instant createdAt,
        List<Signal> signals) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(createdAt, "createdAt");
        signals = List.copyOf(signals);
    }

    /** Builds an alert whose id is derived from what identifies it, never from when it was made. */
    public static Alert of(String conversationId, Tier tier, AlertKind kind, int level, String channel,
                           Instant openedAt, Instant deadline, Instant createdAt, List<Signal> signals) {
        return new Alert(idFor(conversationId, deadline, kind, tier, level), conversationId, tier, kind, level,
                channel, openedAt, deadline, createdAt, signals);
    }

    /** A name-based (type 3) UUID of conversation, deadline, kind, tier and level. */
    public static String idFor(String conversationId, Instant deadline, AlertKind kind, Tier tier, int level) {
        String key = conversationId + '\u0000' + deadline.toEpochMilli() + '\u0000' + kind.wireName()
                + '\u0000' + tier.wireName() + '\u0000' + level;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
