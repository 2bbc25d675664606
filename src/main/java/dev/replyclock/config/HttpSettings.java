package dev.replyclock.config;

import java.nio.file.Path;

/**
 * The HTTP endpoint: /metrics, /health/live, /health/ready, and the token-protected API.
 *
 * @param apiTokenFile the file holding the API's bearer token, or null when the API is off
 */
public record HttpSettings(String bindAddress, int port, Path apiTokenFile) {
}
