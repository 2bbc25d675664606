package dev.replyclock.config;

import dev.replyclock.privacy.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code http.*}: the ops endpoint and its API's tokens (with {@code alerts.silences.max-duration}, which the API enforces). */
final class HttpSection {

    private HttpSection() {
    }

    static HttpSettings read(ConfigValues v) {
        String bind = v.text("http.bind-address");
        String tokenFile = v.text("http.api-token-file");
        Path legacyToken = SecretFileCheck.check("http.api-token-file", tokenFile, "leave the key empty to turn the API off",
                v.problems());
        List<ApiTokenSetting> tokens = ApiTokenChecks.read(v.node("http.api-tokens"), legacyToken, v.problems());
        boolean adminToken = !tokenFile.isBlank() || tokens.stream().anyMatch(t -> t.role() == Role.ADMIN);
        return new HttpSettings(bind, v.port("http.port"), tokenFile.isBlank() ? null : Path.of(tokenFile),
                AdminTotpFileCheck.check(v.text("http.admin-totp-file"), adminToken, v.problems()), tokens,
                v.between("alerts.silences.max-duration", Duration.ofMinutes(1), Duration.ofDays(365),
                        "a silence must end: one forgotten mutes its alerts until then"));
    }
}
