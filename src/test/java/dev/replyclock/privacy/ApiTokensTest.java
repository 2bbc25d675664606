package dev.replyclock.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which token a request presents: by its whole value only, with a fingerprint that never is the token. */
class ApiTokensTest {

    @TempDir
    Path dir;

    private ApiToken token(String name, Role role, String value) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, value + "\n");
        return ApiToken.fromFile(name, role, f);
    }

    @Test
    void aRequestIsKnownByTheNameAndRoleOfTheTokenItPresents() throws Exception {
        ApiTokens tokens = ApiTokens.of(token("dashboard", Role.VIEWER, "viewer-token-0123456789"),
                token("ops-lead", Role.ADMIN, "admin-token-0123456789"));
        ApiToken caller = tokens.check("Bearer admin-token-0123456789").token();
        assertEquals("ops-lead", caller.name());
        assertEquals(Role.ADMIN, caller.role());
        assertEquals("dashboard", tokens.check("bearer  viewer-token-0123456789 ").token().name(), "scheme any case");
    }

    @Test
    void aTokenThatOnlyStartsOrEndsLikeAValidOneIsWrong() throws Exception {
        ApiTokens tokens = ApiTokens.of(token("ops-lead", Role.ADMIN, "admin-token-0123456789"));
        for (String wrong : new String[] {"admin-token-012345678", "admin-token-01234567890", "x" + "admin-token-0123456789"}) {
            ApiTokens.Presented p = tokens.check("Bearer " + wrong);
            assertNull(p.token(), wrong);
            assertFalse(p.missing());
        }
    }

    @Test
    void noHeaderAnotherSchemeOrAnEmptyBearerIsMissing() throws Exception {
        ApiTokens tokens = ApiTokens.of(token("ops-lead", Role.ADMIN, "admin-token-0123456789"));
        assertTrue(tokens.check(null).missing());
        assertTrue(tokens.check("Basic YWRtaW46YWRtaW4=").missing());
        assertTrue(tokens.check("Bearer   ").missing());
    }

    @Test
    void theFingerprintOfAWrongTokenIsStableAndIsNotTheToken() throws Exception {
        ApiTokens tokens = ApiTokens.of(token("ops-lead", Role.ADMIN, "admin-token-0123456789"));
        String fp = tokens.check("Bearer guessed-token-0123456789").fingerprint();
        assertEquals(fp, tokens.check("Bearer guessed-token-0123456789").fingerprint());
        assertFalse(fp.contains("guessed"));
        assertEquals(16, fp.length());
    }

    @Test
    void aRoleIncludesTheOnesBelowAndTwoTokensCannotShareANameAndTwoTokensCannotShareAName() throws Exception {
        assertTrue(Role.ADMIN.allows(Role.RESPONDER) && Role.RESPONDER.allows(Role.VIEWER));
        assertFalse(Role.VIEWER.allows(Role.RESPONDER) || Role.RESPONDER.allows(Role.ADMIN));
        assertThrows(IllegalArgumentException.class, () -> ApiTokens.of(token("a", Role.ADMIN, "first-token-0123456789"),
                ApiToken.fromFile("a", Role.VIEWER, dir.resolve("a"))));
    }
}
