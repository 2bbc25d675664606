package dev.replyclock.model;

import java.util.Locale;

/**
 * Why an alert fires. {@code signal}: an urgent or complaint message arrived; {@code warning}: the
 * pre-breach point ({@code sla.warn-at}) passed; {@code breach}: the target passed without a reply;
 * {@code escalation}: still no reply, one more rung of the ladder; {@code resolved}: a staff reply came
 * after a breach. Team alerts: {@code overload}: a team's open complaint and urgent conversations passed
 * {@code alerts.overload.threshold} (level 1 while it fires, level 0 when it is over); {@code digest}: the
 * periodic summary of a team's open conversations. Incident updates, for machines (PagerDuty, webhook, Kafka,
 * log; the receivers that write to people skip them): {@code acknowledged}: an agent took the conversation
 * (its {@code ackedBy}), one per deadline that raised alerts; {@code closed}: the conversation's ladder is
 * over for good (its {@code reason}: replied, expired, erased), one per deadline that raised alerts.
 */
public enum AlertKind {
    SIGNAL,
    WARNING,
    BREACH,
    ESCALATION,
    RESOLVED,
    OVERLOAD,
    DIGEST,
    ACKNOWLEDGED,
    CLOSED;

    /** Kinds that open (or update) the incident of a conversation's deadline: a page about it. */
    public boolean opensIncident() {
        return this == SIGNAL || this == WARNING || this == BREACH || this == ESCALATION;
    }

    /** Says what became of incidents rather than what happened to a customer: for machines, not people. */
    public boolean updatesIncident() {
        return this == ACKNOWLEDGED || this == CLOSED;
    }

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
