package dev.replyclock.config;

import java.nio.file.Path;

/**
 * The HTTP endpoint: /metrics, /health/live, /health/ready, and the token-protected API.
 *
 * @param apiTokenFile  the file holding the API's bearer token, or null when the API is off
 * @param adminTotpFile the file holding the admin's base32 TOTP secret, or null when the full export is off
 */
public record HttpSettings(String bindAddress, int port, Path apiTokenFile, Path adminTotpFile) {

    /** Without the export's second factor. */
    public HttpSettings(String bindAddress, int port, Path apiTokenFile) {
        this(bindAddress, port, apiTokenFile, null);
    }
}
