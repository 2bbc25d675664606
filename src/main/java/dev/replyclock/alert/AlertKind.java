package dev.replyclock.alert;

import java.util.Locale;

/**
 * Why an alert fires. {@code signal}: an urgent or complaint message arrived; {@code warning}: the
 * pre-breach point ({@code sla.warn-at}) passed; {@code breach}: the target passed without a reply;
 * {@code escalation}: still no reply, one more rung of the ladder; {@code resolved}: a staff reply came
 * after a breach. Team alerts: {@code overload}: a team's open complaint and urgent conversations passed
 * {@code alerts.overload.threshold} (level 1 while it fires, level 0 when it is over); {@code digest}: the
 * periodic summary of a team's open conversations.
 */
public enum AlertKind {
    SIGNAL,
    WARNING,
    BREACH,
    ESCALATION,
    RESOLVED,
    OVERLOAD,
    DIGEST;

    /** About a team rather than one conversation. */
    public boolean isTeamKind() {
        return this == OVERLOAD || this == DIGEST;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertKind fromWire(String value) {
        for (AlertKind k : values()) {
            if (k.wireName().equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown alert kind '" + value + "'");
    }
}
