/**
 * Reply clocks: targets per tier and policy, business calendars, deadlines, warnings, breaches and the
 * escalation ladder, and their replay for {@code report}. Plain Java with an injected {@link java.time.Clock}:
 * no Kafka, no I/O.
 */
package dev.replyclock.sla;
