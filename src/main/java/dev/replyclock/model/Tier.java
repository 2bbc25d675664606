package dev.replyclock.model;

import java.util.Locale;

/**
 * The reply promise a customer message deserves (the 15-5-1 rule). Declared from least to most
 * severe, so {@code compareTo} orders severity and "the most severe tier wins" is {@code max}.
 */
public enum Tier {
    STANDARD,
    URGENT,
    COMPLAINT;

    /** The name used on the wire, in config and in metric tags: {@code standard}, {@code urgent}, {@code complaint}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isMoreSevereThan(Tier other) {
        return compareTo(other) > 0;
    }

    /** Parses a wire name; throws IllegalArgumentException naming the allowed values. */
    public static Tier fromWire(String value) {
        for (Tier t : values()) {
            if (t.wireName().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + value + "' (allowed: complaint, urgent, standard)");
    }
}
