package dev.replyclock.privacy;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** The API's tokens ({@code http.api-tokens} and {@code http.api-token-file}), and who a request's token is. */
public final class ApiTokens {

    /**
     * What a request's {@code Authorization} header presented.
     *
     * @param token       the matching token, null when none matched or none was presented
     * @param fingerprint a short hash of the presented token, to count a wrong token's failures without keeping
     *                    it; null when none was presented
     */
    public record Presented(ApiToken token, String fingerprint) {

        public boolean missing() {
            return fingerprint == null;
        }
    }

    private final List<ApiToken> tokens;

    private ApiTokens(List<ApiToken> tokens) {
        Set<String> names = new HashSet<>();
        for (ApiToken t : tokens) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("two API tokens are named '" + t.name() + "'");
            }
        }
        this.tokens = List.copyOf(tokens);
    }

    public static ApiTokens of(ApiToken... tokens) {
        return new ApiTokens(List.of(tokens));
    }

    public static ApiTokens of(List<ApiToken> tokens) {
        return new ApiTokens(tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** @param authorization the request's {@code Authorization} header, may be null */
    public Presented check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return new Presented(null, null);
        }
        byte[] digest = ApiToken.sha256(authorization.substring(7).trim());
        ApiToken match = null;
        for (ApiToken t : tokens) { // every token compared, no early exit: the timing says nothing about which
            if (t.matches(digest)) {
                match = t;
            }
        }
        return new Presented(match, HexFormat.of().formatHex(digest, 0, 8));
    }
}
