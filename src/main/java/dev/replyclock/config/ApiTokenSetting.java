package dev.replyclock.config;

import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.Role;
import java.nio.file.Path;

/** One entry of {@code http.api-tokens}: {@code {name, role, token-file}}. */
public record ApiTokenSetting(String name, Role role, Path tokenFile) {

    /** The token of {@code http.api-token-file}: an admin token. */
    static ApiTokenSetting legacy(Path tokenFile) {
        return new ApiTokenSetting(ApiToken.LEGACY_NAME, Role.ADMIN, tokenFile);
    }
}
