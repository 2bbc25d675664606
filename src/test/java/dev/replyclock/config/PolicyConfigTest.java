package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.sla.PolicyRule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sla.policies} as support leads write it. */
class PolicyConfigTest {

    @Test
    void policiesInheritWhatTheyLeaveOutFromTheDefaults() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse("""
                sla.targets.standard: 20m
                sla.policies:
                  - name: vip
                    match: {segment: vip, channel: whatsapp}
                    targets: {complaint: 30s, urgent: 2m}
                """, "test", Map.of(), Map.of());
        PolicyRule vip = c.policies().rules().get(0);
        assertEquals("vip", vip.name());
        assertEquals("vip", vip.segment());
        assertEquals("whatsapp", vip.channel());
        assertEquals(Duration.ofSeconds(30), vip.policy().complaint());
        assertEquals(Duration.ofMinutes(20), vip.policy().standard(), "inherited from sla.targets.standard");
        assertEquals(0.8, vip.policy().warnAt());
    }

    @Test
    void aTierCanHaveItsOwnEscalationLadder() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse("""
                sla.escalation.complaint.every: 2m
                sla.escalation.complaint.max-level: 5
                """, "test", Map.of(), Map.of());
        assertEquals(Duration.ofMinutes(2), c.sla().escalateEvery(dev.replyclock.classify.Tier.COMPLAINT));
        assertEquals(5, c.sla().maxEscalations(dev.replyclock.classify.Tier.COMPLAINT));
        assertEquals(Duration.ofMinutes(10), c.sla().escalateEvery(dev.replyclock.classify.Tier.URGENT), "the default ladder");
        assertEquals(3, c.sla().maxEscalations(dev.replyclock.classify.Tier.STANDARD));
    }

    @Test
    void badPolicyEntriesNameTheirKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                sla.policies:
                  - name: vip
                    match: {segmnt: vip}
                    targets: {complaint: soon}
                  - name: vip
                    targets: {urgent: 1h}
                """, "test", Map.of(), Map.of()));
        String all = e.getMessage();
        assertTrue(all.contains("sla.policies[0].match.segmnt = 'vip': unknown field"), all);
        assertTrue(all.contains("sla.policies[0].targets.complaint = 'soon': use a duration"), all);
        assertTrue(all.contains("sla.policies[1].name = 'vip': policy names must be unique"), all);
        assertTrue(all.contains("sla.policies[1].targets"), "urgent 1h > standard 15m: " + all);
    }
}
