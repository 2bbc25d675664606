package dev.replyclock.alert;

import java.util.Map;

/**
 * One alert receiver of {@code alerts.receivers}: its unique name, its type ({@code log}, {@code webhook},
 * {@code slack}, {@code teams}, {@code pagerduty}, {@code email}, {@code sms}, {@code kafka}) and its
 * settings as written (validated per {@link ReceiverType} by the config loader; documented in config/replyclock.yaml).
 */
public record ReceiverConfig(String name, String type, Map<String, String> settings) {

    public ReceiverConfig {
        settings = Map.copyOf(settings);
    }

    /** A log receiver: {@code path} ("-" = stdout) and {@code format} (json or text). */
    public ReceiverConfig(String name, String type, String path, String format) {
        this(name, type, Map.of("path", path, "format", format));
    }

    public String get(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    public String path() {
        return get("path", "-");
    }

    public String format() {
        return get("format", "json");
    }
}
