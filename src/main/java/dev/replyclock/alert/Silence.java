package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.ConversationAlert;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A silence, as in Alertmanager: alerts that match all its matchers between {@code startsAt} and
 * {@code endsAt} are counted, not sent. Matchers compare {@code tier}, {@code kind}, {@code channel},
 * {@code team} and {@code conversationId} with allowed values. An alert without a team is of the team
 * {@value Alert#DEFAULT_TEAM}, as in the team view (overload, digest).
 */
public record Silence(String id, Map<String, Set<String>> matchers, Instant startsAt, Instant endsAt,
                      String createdBy, String comment) {

    public static final Set<String> MATCH_KEYS = Set.of("tier", "kind", "channel", "team", "conversationId");

    public Silence {
        Objects.requireNonNull(id, "id");
        matchers = Map.copyOf(matchers);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
    }

    public boolean activeAt(Instant t) {
        return !t.isBefore(startsAt) && t.isBefore(endsAt);
    }

    public boolean mutes(Alert a, Instant now) {
        if (!activeAt(now) || a.kind().updatesIncident()) {
            return false; // closing what was opened is never muted: an incident must not stay open for a silence
        }
        for (Map.Entry<String, Set<String>> m : matchers.entrySet()) {
            String value = switch (m.getKey()) {
                case "tier" -> a.tier().wireName();
                case "kind" -> a.kind().wireName();
                case "channel" -> a instanceof ConversationAlert c && c.channel() != null ? c.channel() : "";
                case "team" -> a.teamOrDefault();
                case "conversationId" -> a instanceof ConversationAlert c ? c.conversationId() : null;
                default -> null;
            };
            if (value == null || !m.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }
}
