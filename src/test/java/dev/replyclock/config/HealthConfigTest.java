package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code health.dead-exit-after}. */
class HealthConfigTest {

    @Test
    void aDeadProcessExitsAfterThirtySecondsByDefault() throws Exception {
        assertEquals(HealthSettings.DEFAULT, ConfigLoader.builtIn(Map.of()).health());
        assertEquals(Duration.ofSeconds(30), ConfigLoader.parse("", "empty", Map.of(), Map.of()).health().deadExitAfter(),
                "the packaged yaml and the loader's defaults agree");
        assertEquals(Duration.ofMinutes(2), ConfigLoader.parse("health: {dead-exit-after: 2m}", "test", Map.of(), Map.of())
                .health().deadExitAfter());
        assertEquals(Duration.ofSeconds(5), ConfigLoader.parse("", "test", Map.of("REPLYCLOCK_HEALTH_DEAD_EXIT_AFTER", "5s"),
                Map.of()).health().deadExitAfter());
    }

    @Test
    void zeroNeverAndNonsenseAreRefusedNamingTheKey() {
        for (String bad : List.of("0s", "2h", "soon", "500ms")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigLoader.parse("health.dead-exit-after: " + bad, "test", Map.of(), Map.of()), bad);
            assertEquals(1, e.problems().size(), e.problems().toString());
            ConfigProblem p = e.problems().get(0);
            assertEquals("health.dead-exit-after", p.key());
            assertEquals(bad, p.value());
            assertEquals("use a duration from 1s to 1h (a duration like 15m, 5m, 90s, 1h, 500ms): a process that"
                    + " stopped working must end for its supervisor to restart it", p.fix());
        }
    }
}
