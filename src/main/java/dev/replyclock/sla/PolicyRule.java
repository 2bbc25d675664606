package dev.replyclock.sla;

import java.util.Objects;

/**
 * One entry of {@code sla.policies}: a named policy and the messages it applies to. A null matcher field
 * matches anything; all given fields must match (case-insensitive). Like Zendesk, the first match wins.
 */
public record PolicyRule(String name, String channel, String team, String segment, SlaPolicy policy) {

    public PolicyRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
    }

    public boolean matches(String messageChannel, String messageTeam, String messageSegment) {
        return same(channel, messageChannel) && same(team, messageTeam) && same(segment, messageSegment);
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || (actual != null && wanted.equalsIgnoreCase(actual));
    }
}
