package dev.replyclock.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code http.api-tokens} (a list of {@code {name, role, token-file}}) and folds in the single token of
 * {@code http.api-token-file} as an admin token named {@value ApiToken#LEGACY_NAME}. The value named in a
 * problem is the entry or the path, never a token.
 */
final class ApiTokenChecks {

    static final String KEY = "http.api-tokens";
    private static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final Set<String> FIELDS = Set.of("name", "role", "token-file");
    private static final String ROLES = "viewer (GET silences), responder (ack, create and delete silences) or"
            + " admin (reload, the full export)";

    private ApiTokenChecks() {
    }

    /** @param legacyFile the readable file of {@code http.api-token-file}, or null */
    static List<ApiTokenSetting> read(JsonNode list, Path legacyFile, List<ConfigProblem> problems) {
        List<ApiTokenSetting> tokens = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (legacyFile != null) {
            tokens.add(ApiTokenSetting.legacy(legacyFile));
            names.add(ApiToken.LEGACY_NAME);
        }
        if (!list.isArray()) {
            problems.add(new ConfigProblem(KEY, list.toString(), "use a list like [{name: ops-bot, role: responder,"
                    + " token-file: config/ops-bot-token}]"));
            return tokens;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = KEY + "[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                problems.add(new ConfigProblem(at, entry.toString(), "use {name: N, role: R, token-file: F}"));
                continue;
            }
            Iterator<String> fields = entry.fieldNames();
            while (fields.hasNext()) {
                String f = fields.next();
                if (!FIELDS.contains(f)) {
                    problems.add(new ConfigProblem(at + "." + f, entry.get(f).asText(), "unknown field; use name, role"
                            + " and token-file"));
                }
            }
            String name = entry.path("name").asText("");
            if (!name.matches(NAME)) {
                problems.add(new ConfigProblem(at + ".name", name, "use 1 to 64 lower-case letters, digits, '.', '_'"
                        + " or '-': the audit log and silences know the caller by it"));
            } else if (!names.add(name)) {
                problems.add(new ConfigProblem(at + ".name", name, ApiToken.LEGACY_NAME.equals(name) && legacyFile != null
                        ? "'admin' is the token of http.api-token-file; name this one otherwise"
                        : "another token has this name; give each token its own"));
            }
            String roleText = entry.path("role").asText("");
            Optional<Role> role = Role.parse(roleText);
            if (role.isEmpty()) {
                problems.add(new ConfigProblem(at + ".role", roleText, "use " + ROLES));
            }
            String file = entry.path("token-file").asText("");
            Path path = file.isBlank() ? null : IntakeChecks.secretFile(at + ".token-file", file, problems);
            if (file.isBlank()) {
                problems.add(new ConfigProblem(at + ".token-file", file, "name the file holding this token (head -c 32"
                        + " /dev/urandom | base64 > config/" + (name.isBlank() ? "ops" : name) + "-token)"));
            }
            if (path != null && role.isPresent()) {
                tokens.add(new ApiTokenSetting(name, role.get(), path));
            }
        }
        return tokens;
    }
}
