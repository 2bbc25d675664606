package dev.replyclock.sla;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policies of {@code sla.policies} in order, and the default policy (the top-level {@code sla.*} keys)
 * for messages no rule matches. Clocks keep the name of their policy, so the ladder of an open conversation
 * follows a reloaded policy of the same name.
 */
public final class SlaPolicies {

    public static final String DEFAULT_NAME = "default";

    private final SlaPolicy defaultPolicy;
    private final List<PolicyRule> rules;
    private final Map<String, SlaPolicy> byName = new HashMap<>();

    public SlaPolicies(SlaPolicy defaultPolicy, List<PolicyRule> rules) {
        this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy");
        this.rules = List.copyOf(rules);
        byName.put(DEFAULT_NAME, defaultPolicy);
        for (PolicyRule r : this.rules) {
            if (byName.putIfAbsent(r.name(), r.policy()) != null) {
                throw new IllegalArgumentException("duplicate policy name '" + r.name() + "'");
            }
        }
    }

    public static SlaPolicies single(SlaPolicy policy) {
        return new SlaPolicies(policy, List.of());
    }

    public SlaPolicy defaultPolicy() {
        return defaultPolicy;
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    /** The first rule matching the message, else the default. */
    public PolicyRule select(String channel, String team, String segment) {
        for (PolicyRule r : rules) {
            if (r.matches(channel, team, segment)) {
                return r;
            }
        }
        return new PolicyRule(DEFAULT_NAME, null, null, null, defaultPolicy);
    }

    /** The policy of that name; a clock whose policy was removed by a reload falls back to the default. */
    public SlaPolicy byName(String name) {
        return byName.getOrDefault(name, defaultPolicy);
    }
}
