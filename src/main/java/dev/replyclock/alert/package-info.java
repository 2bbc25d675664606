/**
 * Alerts and their delivery: the {@link dev.replyclock.model.Alert} record, its JSON and text, the notifier (its own
 * consumer group on {@code support.alerts}), routing, silences, inhibition, grouping, the retry lane and circuit
 * breaker per receiver, the notification log, and the receivers (Slack, Teams, webhook, PagerDuty, e-mail,
 * SMS, Kafka, log).
 */
package dev.replyclock.alert;
