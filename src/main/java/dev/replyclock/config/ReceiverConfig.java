package dev.replyclock.config;

/**
 * One alert receiver. For now only {@code type: log}: each alert as one line to {@code path}
 * ({@code -} = standard output), in {@code format} {@code json} (default) or {@code text} (for people).
 */
public record ReceiverConfig(String name, String type, String path, String format) {
}
