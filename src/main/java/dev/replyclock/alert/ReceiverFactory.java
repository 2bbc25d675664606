package dev.replyclock.alert;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Properties;

/** Builds each configured receiver by its {@link ReceiverType} (the config has been validated by ConfigLoader). */
public final class ReceiverFactory {

    /**
     * The setting that {@code alerts.pagerduty.resolve-on-ack} puts on every pagerduty receiver (so that a reload
     * that changes it replaces them).
     */
    public static final String RESOLVE_ON_ACK = "resolve-on-ack";

    private final Properties kafkaClient;
    private final Clock clock;
    private final PrintStream stdout;
    private final AlertText text;

    /** @param kafkaClient the cluster connection, for {@code kafka} receivers */
    public ReceiverFactory(Properties kafkaClient, Clock clock, PrintStream stdout) {
        this(kafkaClient, clock, stdout, AlertText.DEFAULT);
    }

    /** @param text the alert templates, languages and link of {@code alerts.*} */
    public ReceiverFactory(Properties kafkaClient, Clock clock, PrintStream stdout, AlertText text) {
        this.kafkaClient = kafkaClient;
        this.clock = clock;
        this.stdout = stdout;
        this.text = text;
    }

    /** @throws IllegalArgumentException for an unknown type or settings the receiver refuses */
    public Receiver create(ReceiverConfig rc) {
        ReceiverType type = ReceiverType.of(rc.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown receiver type " + rc.type()));
        try {
            return type.create(rc, this);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalArgumentException("receiver " + rc.name() + ": " + e.getMessage(), e);
        }
    }

    Properties kafkaClient() {
        return kafkaClient;
    }

    Clock clock() {
        return clock;
    }

    PrintStream stdout() {
        return stdout;
    }

    AlertText text() {
        return text;
    }
}
