package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** kafka.topics.dead-letter-retention, privacy.erasure-bound and metrics.channels: what is kept, and how long. */
class DataKeptConfigTest {

    @Test
    void deadLettersAreKeptSevenDaysAndErasedValuesGoWithinSevenDaysByDefault() throws Exception {
        ReplyclockConfig c = ConfigLoader.builtIn(Map.of());
        assertEquals(Duration.ofDays(7), c.kafka().deadLetterRetention());
        assertEquals(Duration.ofDays(7), c.privacy().erasureBound());
    }

    @Test
    void bothDurationsCanBeSetAndTheirBoundsAreEnforcedNamingKeyValueAndFix() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse("kafka.topics.dead-letter-retention: 2d\nprivacy.erasure-bound: 36h\n",
                "test", Map.of(), Map.of());
        assertEquals(Duration.ofDays(2), c.kafka().deadLetterRetention());
        assertEquals(Duration.ofHours(36), c.privacy().erasureBound());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "kafka.topics.dead-letter-retention: 10m\nprivacy.erasure-bound: forever\n", "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("kafka.topics.dead-letter-retention = '10m'"), e.getMessage());
        assertTrue(e.getMessage().contains("privacy.erasure-bound = 'forever'"), e.getMessage());
        assertTrue(e.getMessage().contains("use a duration from 1h to 365d"), e.getMessage());
    }

    @Test
    void metricChannelsDefaultToTheContractsChannels() throws Exception {
        assertEquals(Set.of("whatsapp", "email", "chat", "sms", "instagram", "messenger", "web", "phone"),
                ConfigLoader.builtIn(Map.of()).metricLabels().channels());
    }

    @Test
    void aChannelThatIsANumberOrNotAShortNameIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "metrics.channels: [chat, '33612345678', Chat]\n", "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("metrics.channels = '33612345678'"), e.getMessage());
        assertTrue(e.getMessage().contains("metrics.channels = 'Chat'"), e.getMessage());
        assertTrue(e.getMessage().contains("counted as 'other'"), e.getMessage());
    }

    @Test
    void theTeamLabelsAreTheTeamsThePoliciesTheLanguagesAndTheRoutesName() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse("""
                sla.policies:
                  - name: vip-billing
                    match: {team: billing}
                alerts.team-languages: {returns: fr}
                alerts.route:
                  receivers: [console]
                  routes:
                    - match: {team: [night-desk]}
                      receivers: [console]
                metrics.channels: [chat]
                """, "test", Map.of(), Map.of());
        assertEquals(Set.of("billing", "returns", "night-desk"), c.metricLabels().teams());
        assertEquals("billing", c.metricLabels().team("Billing"));
        assertEquals("default", c.metricLabels().team(null));
        assertEquals("other", c.metricLabels().team("sales"));
        assertEquals("other", c.metricLabels().channel("whatsapp"));
    }
}
