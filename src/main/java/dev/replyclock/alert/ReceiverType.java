package dev.replyclock.alert;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.replyclock.model.DurationParser;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every receiver type of {@code alerts.receivers} in one place: its name, the fields it takes (those marked
 * {@code !} are required), the checks of their values and how it is built. The config loader reads receivers
 * through it (reporting each problem by its field), {@link ReceiverFactory} builds them through it.
 */
public enum ReceiverType {

    LOG("log", List.of("path", "format"), ReceiverType::checkLog,
            (rc, f) -> new LogReceiver(rc.name(), rc.path(), rc.format(), f.stdout())),
    WEBHOOK("webhook", List.of("url!", "secret-file!", "timeout", "language"), ReceiverType::checkWebhookSecret,
            (rc, f) -> new WebhookReceiver(rc.name(), url(rc), read(rc.get("secret-file", "")), timeout(rc), f.clock(),
                    f.text())),
    SLACK("slack", List.of("url!", "timeout", "language"), ReceiverType::noMore,
            (rc, f) -> new SlackReceiver(rc.name(), url(rc), language(rc), timeout(rc), f.text())),
    TEAMS("teams", List.of("url!", "timeout", "language"), ReceiverType::noMore,
            (rc, f) -> new TeamsReceiver(rc.name(), url(rc), language(rc), timeout(rc), f.text())),
    PAGERDUTY("pagerduty", List.of("routing-key-file!", "url", "timeout", "language"), ReceiverType::noMore,
            (rc, f) -> new PagerDutyReceiver(rc.name(), URI.create(rc.get("url", PagerDutyReceiver.EVENTS_API.toString())),
                    read(rc.get("routing-key-file", "")), language(rc), timeout(rc), f.text(),
                    Boolean.parseBoolean(rc.get(ReceiverFactory.RESOLVE_ON_ACK, "false")))),
    EMAIL("email", List.of("host!", "port", "starttls", "from!", "to!", "username", "password-file", "timeout",
            "language"), ReceiverType::checkEmail,
            (rc, f) -> new EmailReceiver(rc.name(), rc.get("host", ""), Integer.parseInt(rc.get("port", "587")),
                    Boolean.parseBoolean(rc.get("starttls", "true")), rc.settings().get("username"),
                    rc.settings().containsKey("password-file") ? read(rc.get("password-file", "")) : null,
                    rc.get("from", ""), rc.get("to", ""), language(rc), timeout(rc), f.text())),
    SMS("sms", List.of("url!", "account!", "auth-token-file!", "from!", "to!", "timeout", "language"),
            ReceiverType::checkSms,
            (rc, f) -> new SmsReceiver(rc.name(), url(rc), rc.get("account", ""), read(rc.get("auth-token-file", "")),
                    rc.get("from", ""),
                    Arrays.stream(rc.get("to", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    language(rc), timeout(rc), f.text())),
    KAFKA("kafka", List.of("topic!"), ReceiverType::noMore,
            (rc, f) -> new KafkaReceiver(rc.name(), rc.get("topic", ""), f.kafkaClient(), f.text()));

    /** Where a check reports a bad field: the field, its value (null when missing) and the fix. */
    @FunctionalInterface
    public interface Problems {
        void report(String field, String value, String fix);
    }

    private interface Check {
        void check(Map<String, String> settings, Problems problems);
    }

    private interface Builder {
        Receiver build(ReceiverConfig rc, ReceiverFactory factory) throws MessagingException;
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> SECRET_FILES = List.of("secret-file", "routing-key-file", "password-file",
            "auth-token-file");

    private final String wireName;
    private final List<String> fields;
    private final Check check;
    private final Builder builder;

    ReceiverType(String wireName, List<String> fields, Check check, Builder builder) {
        this.wireName = wireName;
        this.fields = fields;
        this.check = check;
        this.builder = builder;
    }

    public static Optional<ReceiverType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** The names of every type, sorted, for "use one of ...". */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        Arrays.stream(values()).forEach(t -> names.add(t.wireName));
        return names;
    }

    public String wireName() {
        return wireName;
    }

    /** The fields besides name and type, in the documented order. */
    public List<String> fields() {
        return fields.stream().map(f -> f.replace("!", "")).toList();
    }

    /** The fields that must be set (not blank). */
    public List<String> required() {
        return fields.stream().filter(f -> f.endsWith("!")).map(f -> f.substring(0, f.length() - 1)).toList();
    }

    /** Checks the values of a receiver's settings (fields of this type only), so that start-up names a bad one. */
    public void check(Map<String, String> s, Problems problems) {
        if (s.containsKey("url")) {
            try {
                URI u = URI.create(s.get("url"));
                if (!Set.of("http", "https").contains(String.valueOf(u.getScheme())) || u.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                problems.report("url", s.get("url"), "use an http(s) URL like https://hooks.example.com/x");
            }
        }
        if (s.containsKey("timeout") && DurationParser.parse(s.get("timeout")).isEmpty()) {
            problems.report("timeout", s.get("timeout"), "use " + DurationParser.FORMAT);
        }
        if (s.containsKey("language") && !AlertText.LANGUAGES.contains(s.get("language"))) {
            problems.report("language", s.get("language"), "use en or fr");
        }
        for (String key : SECRET_FILES) {
            if (s.containsKey(key) && !Files.isReadable(Path.of(s.get(key)))) {
                problems.report(key, s.get(key), "the file cannot be read");
            }
        }
        check.check(s, problems);
    }

    /** Builds a receiver of this type from checked settings. */
    Receiver create(ReceiverConfig rc, ReceiverFactory factory) throws MessagingException {
        return builder.build(rc, factory);
    }

    private static void noMore(Map<String, String> s, Problems problems) {
    }

    private static void checkWebhookSecret(Map<String, String> s, Problems problems) {
        if (s.containsKey("secret-file") && Files.isReadable(Path.of(s.get("secret-file")))) {
            try {
                String secret = Files.readString(Path.of(s.get("secret-file"))).trim();
                if (!secret.startsWith("whsec_") || Base64.getDecoder().decode(secret.substring(6)).length < 16) {
                    throw new IllegalArgumentException();
                }
            } catch (IOException | IllegalArgumentException e) {
                problems.report("secret-file", s.get("secret-file"),
                        "the file must hold a Standard Webhooks secret: whsec_ followed by base64 of 16+ random bytes");
            }
        }
    }

    private static void checkSms(Map<String, String> s, Problems problems) {
        for (String key : List.of("from", "to")) {
            for (String number : s.getOrDefault(key, "").split(",")) {
                if (!number.isBlank() && !isE164(number.trim())) {
                    problems.report(key, number.trim(), "use an E.164 phone number like +33612345678");
                }
            }
        }
    }

    private static void checkEmail(Map<String, String> s, Problems problems) {
        if (s.containsKey("port") && !s.get("port").matches("\\d{1,5}")) {
            problems.report("port", s.get("port"), "use a port like 587");
        }
        if (s.containsKey("starttls") && !Set.of("true", "false").contains(s.get("starttls"))) {
            problems.report("starttls", s.get("starttls"), "use true or false");
        }
        for (String address : (s.getOrDefault("from", "") + "," + s.getOrDefault("to", "")).split(",")) {
            if (!address.isBlank() && !address.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.report("to", address.trim(), "use e-mail addresses like team@example.com");
            }
        }
    }

    private static void checkLog(Map<String, String> s, Problems problems) {
        if (s.containsKey("format") && !Set.of("json", "text").contains(s.get("format"))) {
            problems.report("format", s.get("format"), "use json (default) or text");
        }
    }

    private static boolean isE164(String number) {
        if (!number.matches("\\+[1-9]\\d{6,14}")) {
            return false;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.isValidNumber(util.parse(number, null));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static URI url(ReceiverConfig rc) {
        return URI.create(rc.get("url", ""));
    }

    private static Duration timeout(ReceiverConfig rc) {
        return DurationParser.parse(rc.get("timeout", "")).orElse(DEFAULT_TIMEOUT);
    }

    /** Unset: the team's language (alerts.team-languages), else alerts.language. */
    private static String language(ReceiverConfig rc) {
        return rc.settings().get("language");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
