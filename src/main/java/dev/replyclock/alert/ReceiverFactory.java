package dev.replyclock.alert;

import dev.replyclock.model.DurationParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;

/** Builds each configured receiver (the config has been validated by ConfigLoader). */
public final class ReceiverFactory {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
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

    public Receiver create(ReceiverConfig rc) {
        String name = rc.name();
        Duration timeout = DurationParser.parse(rc.get("timeout", "")).orElse(DEFAULT_TIMEOUT);
        // Unset: the team's language (alerts.team-languages), else alerts.language.
        String language = rc.settings().get("language");
        try {
            return switch (rc.type()) {
                case "log" -> new LogReceiver(name, rc.path(), rc.format(), stdout);
                case "webhook" -> new WebhookReceiver(name, URI.create(rc.get("url", "")), read(rc.get("secret-file", "")),
                        timeout, clock, text);
                case "slack" -> new SlackReceiver(name, URI.create(rc.get("url", "")), language, timeout, text);
                case "teams" -> new TeamsReceiver(name, URI.create(rc.get("url", "")), language, timeout, text);
                case "pagerduty" -> new PagerDutyReceiver(name,
                        URI.create(rc.get("url", PagerDutyReceiver.EVENTS_API.toString())),
                        read(rc.get("routing-key-file", "")), language, timeout, text,
                        Boolean.parseBoolean(rc.get(RESOLVE_ON_ACK, "false")));
                case "email" -> new EmailReceiver(name, rc.get("host", ""), Integer.parseInt(rc.get("port", "587")),
                        Boolean.parseBoolean(rc.get("starttls", "true")), rc.settings().get("username"),
                        rc.settings().containsKey("password-file") ? read(rc.get("password-file", "")) : null,
                        rc.get("from", ""), rc.get("to", ""), language, timeout, text);
                case "sms" -> new SmsReceiver(name, URI.create(rc.get("url", "")), rc.get("account", ""),
                        read(rc.get("auth-token-file", "")), rc.get("from", ""),
                        Arrays.stream(rc.get("to", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                        language, timeout, text);
                case "kafka" -> new KafkaReceiver(name, rc.get("topic", ""), kafkaClient, text);
                default -> throw new IllegalArgumentException("unknown receiver type " + rc.type());
            };
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalArgumentException("receiver " + name + ": " + e.getMessage(), e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
