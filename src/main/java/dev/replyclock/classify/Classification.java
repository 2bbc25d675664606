package dev.replyclock.classify;

import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import java.util.List;

/** The tier of a message and the signals that decided it (empty for a plain standard message). */
public record Classification(Tier tier, List<Signal> signals) {
    public static final Classification STANDARD = new Classification(Tier.STANDARD, List.of());

    public Classification {
        signals = List.copyOf(signals);
    }
}
