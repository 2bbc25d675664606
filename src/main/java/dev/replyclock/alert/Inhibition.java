package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Alertmanager's inhibition for one rule: while a team's {@code overload} alert fires, that team's
 * per-conversation pages of the kinds in {@code alerts.overload.inhibits} are held back (counted, logged as
 * handled, not sent); the overload alert itself, and every other team's pages, go out as usual. A
 * conversation without a team counts in the team {@value Alert#DEFAULT_TEAM}, so that team's overload holds
 * back its pages too.
 */
public final class Inhibition {

    /** {@code alerts.overload.inhibits} by default: not signals (new problems) and not resolved ones. */
    public static final Set<AlertKind> DEFAULT_KINDS = Set.of(AlertKind.WARNING, AlertKind.BREACH, AlertKind.ESCALATION);
    /** The kinds an overload may inhibit: per-conversation ones. */
    public static final Set<AlertKind> INHIBITABLE = Set.of(AlertKind.SIGNAL, AlertKind.WARNING, AlertKind.BREACH,
            AlertKind.ESCALATION, AlertKind.RESOLVED);

    private final Set<AlertKind> kinds;
    private final OverloadState state;

    public Inhibition(Set<AlertKind> kinds, OverloadState state) {
        this.kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        this.state = state;
    }

    /** The default kinds, with a state of its own (fed only by the overload alerts the workers read). */
    public static Inhibition byDefault() {
        return new Inhibition(DEFAULT_KINDS, new OverloadState());
    }

    public OverloadState state() {
        return state;
    }

    /** An alert read on the alerts topic: an overload one updates the state at once, in stream order. */
    public void observe(Alert alert) {
        state.observe(alert);
    }

    public boolean inhibits(Alert alert) {
        return !alert.kind().isTeamKind() && kinds.contains(alert.kind()) && state.isFiring(alert.teamOrDefault());
    }
}
