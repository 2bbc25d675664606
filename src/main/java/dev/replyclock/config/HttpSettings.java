package dev.replyclock.config;

/** The operations HTTP endpoint: /metrics, /health/live, /health/ready. */
public record HttpSettings(String bindAddress, int port) {
}
