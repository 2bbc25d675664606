package dev.replyclock.alert;

import java.time.Instant;

/**
 * What a receiver already has, as Alertmanager's notification log: consulted before an alert is sent,
 * written once it was sent or held back on purpose (silenced, inhibited), so that a redelivery by Kafka (a
 * rebalance, a restart) sends nothing twice. {@link NotificationLog} keeps it on a compacted topic.
 */
interface DeliveryLog {

    boolean contains(String alertId);

    /** The alert was handled for good; the write may be asynchronous until {@link #flush}. */
    void record(String alertId, Instant at);

    /** Makes every recorded entry durable: done before the consumer offsets that it covers are committed. */
    void flush() throws Exception;
}
