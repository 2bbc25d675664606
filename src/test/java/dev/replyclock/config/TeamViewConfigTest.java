package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.alert.Route;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code alerts.overload.threshold} and {@code alerts.digest.every}. */
class TeamViewConfigTest {

    @Test
    void theDefaultsAreTwentyOpenComplaintsAndUrgentAndAnHourlyDigest() throws Exception {
        TeamViewSettings teams = ConfigLoader.builtIn(Map.of()).teams();
        assertEquals(TeamViewSettings.DEFAULT, teams);
        assertEquals(20, teams.overloadThreshold());
        assertEquals(Duration.ofHours(1), teams.digestEvery());
        assertEquals(TeamViewSettings.DEFAULT, ConfigLoader.parse("", "empty", Map.of(), Map.of()).teams(),
                "the packaged yaml and the loader's defaults agree");
    }

    @Test
    void zeroTurnsEachOff() throws Exception {
        TeamViewSettings teams = ConfigLoader.parse("""
                alerts.overload.threshold: 0
                alerts.digest.every: 0s
                """, "test", Map.of(), Map.of()).teams();
        assertFalse(teams.overloadOn());
        assertFalse(teams.digestOn());
        TeamViewSettings set = ConfigLoader.parse("alerts: {overload: {threshold: 5}, digest: {every: 30m}}",
                "test", Map.of(), Map.of()).teams();
        assertEquals(new TeamViewSettings(5, Duration.ofMinutes(30)), set);
        assertTrue(set.overloadOn() && set.digestOn());
    }

    @Test
    void anEnvironmentVariableOverridesThem() throws Exception {
        TeamViewSettings teams = ConfigLoader.parse("", "test",
                Map.of("REPLYCLOCK_ALERTS_OVERLOAD_THRESHOLD", "7", "REPLYCLOCK_ALERTS_DIGEST_EVERY", "1d"), Map.of()).teams();
        assertEquals(new TeamViewSettings(7, Duration.ofDays(1)), teams);
    }

    @Test
    void theReadmeRouteSendsDigestsToTheirOwnReceiver() throws Exception {
        Route route = ConfigLoader.parse("""
                alerts.receivers:
                  - {name: on-call, type: log, path: "-"}
                  - {name: team-leads, type: log, path: "-"}
                alerts.route:
                  receivers: [on-call]
                  routes:
                    - match: {kind: [digest]}
                      receivers: [team-leads]
                """, "test", Map.of(), Map.of()).route();
        Instant t = Instant.parse("2026-11-24T10:00:00Z");
        List<Alert.OpenConversation> open = List.of(new Alert.OpenConversation("c1", Tier.URGENT, t, t));
        assertEquals(Set.of("team-leads"), route.receiversFor(Alert.aboutTeam("support-fr").kind(AlertKind.DIGEST)
                .tier(Tier.URGENT).at(t).createdAt(t).conversations(open).build()));
        assertEquals(Set.of("on-call"), route.receiversFor(Alert.aboutTeam("support-fr").kind(AlertKind.OVERLOAD)
                .tier(Tier.URGENT).level(1).at(t).createdAt(t).conversations(open).build()));
    }

    @Test
    void badValuesAreRefusedNamingTheKeyTheValueAndTheFix() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                alerts.overload.threshold: -1
                alerts.digest.every: hourly
                """, "test", Map.of(), Map.of()));
        String all = e.getMessage();
        assertTrue(all.contains("alerts.overload.threshold = '-1': use a whole number from 0 to 1000000"), all);
        assertTrue(all.contains("alerts.digest.every = 'hourly': use a duration like 15m, 5m, 90s, 1h, 500ms, or 0s for off"), all);

        for (String bad : new String[] {"twenty", "2.5", ""}) {
            ConfigException t = assertThrows(ConfigException.class, () -> ConfigLoader.parse("", "test", Map.of(),
                    Map.of("alerts.overload.threshold", bad)));
            assertTrue(t.getMessage().contains("alerts.overload.threshold = '" + bad + "'"), t.getMessage());
        }
        ConfigException typo = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "alerts.digest.evry: 1h", "test", Map.of(), Map.of()));
        assertTrue(typo.getMessage().contains("did you mean 'alerts.digest.every'"), typo.getMessage());
    }
}
