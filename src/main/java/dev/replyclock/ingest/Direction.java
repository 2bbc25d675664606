package dev.replyclock.ingest;

/** Who wrote a message: {@code inbound} = the customer, {@code outbound} = a staff reply. */
public enum Direction {
    INBOUND,
    OUTBOUND;

    public String wireName() {
        return this == INBOUND ? "inbound" : "outbound";
    }
}
