/**
 * Alerts and their delivery: the words of each {@link dev.replyclock.model.Alert}, the notifier (per receiver its
 * own consumer group on {@code support.alerts}), and the receivers (Slack, Teams, webhook, PagerDuty, e-mail,
 * SMS, Kafka, log).
 *
 * <p>One receiver's delivery is a {@link dev.replyclock.alert.DeliveryPipeline}, Alertmanager's stage list in
 * plain Java with an injected clock: route, dedup (notification log), mute (silences), inhibit (team overload),
 * group, send (retry lane and circuit breaker), then record in the notification log or give up to the
 * undelivered topic. Its Kafka source, {@link dev.replyclock.alert.ReceiverWorker}, only polls, hands alerts
 * over and commits no further than the pipeline still holds. Kafka appears only there and in what is Kafka by
 * nature: the notifier that owns the producers and consumers, the notification log and undelivered topic, the
 * silence and overload stores and the compacted-topic tail under them, the start position of a new receiver,
 * and the {@code kafka} receiver.
 */
package dev.replyclock.alert;
