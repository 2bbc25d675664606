package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.alert.DeliveryPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code alerts.retry.*} and {@code alerts.circuit.*}. */
class DeliveryConfigTest {

    @Test
    void theBreakerOpensOnlyOnSustainedFailureAndProbesAgainWithinSeconds() throws Exception {
        DeliveryPolicy delivery = ConfigLoader.builtIn(Map.of()).delivery();
        assertEquals(DeliveryPolicy.DEFAULT, delivery);
        assertEquals(new DeliveryPolicy.Circuit(Duration.ofSeconds(5), 50, 10, 20), delivery.circuit());
        assertEquals(DeliveryPolicy.DEFAULT, ConfigLoader.parse("", "empty", Map.of(), Map.of()).delivery(),
                "the packaged yaml and the loader's defaults agree");
    }

    @Test
    void theExistingKeysStillWorkBesideTheNewOnes() throws Exception {
        DeliveryPolicy delivery = ConfigLoader.parse("""
                alerts.retry.attempts: 3
                alerts.circuit.open-for: 30s
                alerts:
                  circuit: {failure-rate-threshold: 80, minimum-calls: 5, sliding-window-size: 50}
                """, "test", Map.of(), Map.of()).delivery();
        assertEquals(3, delivery.attempts());
        assertEquals(new DeliveryPolicy.Circuit(Duration.ofSeconds(30), 80, 5, 50), delivery.circuit());
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndTheFix() {
        for (String[] bad : new String[][]{{"alerts.circuit.failure-rate-threshold", "0"},
                {"alerts.circuit.failure-rate-threshold", "150"}, {"alerts.circuit.minimum-calls", "many"},
                {"alerts.circuit.sliding-window-size", "-1"}, {"alerts.circuit.open-for", "soon"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(bad[0] + ": " + bad[1],
                    "test", Map.of(), Map.of()));
            assertTrue(e.getMessage().contains(bad[0] + " = '" + bad[1] + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("use "), e.getMessage());
        }
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                alerts.circuit.minimum-calls: 30
                alerts.circuit.sliding-window-size: 20
                """, "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("alerts.circuit.minimum-calls = '30'"), e.getMessage());
        assertTrue(e.getMessage().contains("use at most alerts.circuit.sliding-window-size (20)"), e.getMessage());
    }
}
