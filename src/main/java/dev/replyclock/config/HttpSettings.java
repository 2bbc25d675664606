package dev.replyclock.config;

import dev.replyclock.alert.SilenceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP endpoint: /metrics, /health/live, /health/ready, and the token-protected API.
 *
 * @param apiTokenFile       the file of {@code http.api-token-file}, or null; its token is also in {@code apiTokens}
 * @param adminTotpFile      the file holding the admin's base32 TOTP secret, or null when the full export is off
 * @param apiTokens          every API token ({@code http.api-tokens}, then the one of {@code http.api-token-file}
 *                           as an admin token named {@code admin}); empty when the API is off
 * @param silenceMaxDuration the longest silence the API accepts ({@code alerts.silences.max-duration})
 */
public record HttpSettings(String bindAddress, int port, Path apiTokenFile, Path adminTotpFile,
                           List<ApiTokenSetting> apiTokens, Duration silenceMaxDuration) {

    public HttpSettings {
        apiTokens = List.copyOf(apiTokens);
    }

    /** With the single admin token of {@code apiTokenFile}. */
    public HttpSettings(String bindAddress, int port, Path apiTokenFile, Path adminTotpFile) {
        this(bindAddress, port, apiTokenFile, adminTotpFile, apiTokenFile == null ? List.of()
                : List.of(ApiTokenSetting.legacy(apiTokenFile)), SilenceStore.DEFAULT_MAX_DURATION);
    }

    /** Without the export's second factor. */
    public HttpSettings(String bindAddress, int port, Path apiTokenFile) {
        this(bindAddress, port, apiTokenFile, null);
    }
}
