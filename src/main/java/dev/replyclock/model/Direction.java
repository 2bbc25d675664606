package dev.replyclock.model;

import java.util.Locale;

/**
 * What a record on the messages topic is: {@code inbound} = the customer wrote, {@code outbound} = a staff
 * reply, {@code ack} = an agent acknowledged the conversation's current deadline (stops its alerts, not
 * its clock).
 */
public enum Direction {
    INBOUND,
    OUTBOUND,
    ACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
