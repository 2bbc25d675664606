package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Tier;
import dev.replyclock.sla.PolicyRule;
import dev.replyclock.sla.SlaPolicy;
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
        assertEquals(Duration.ofMinutes(2), c.sla().escalateEvery(dev.replyclock.model.Tier.COMPLAINT));
        assertEquals(5, c.sla().maxEscalations(dev.replyclock.model.Tier.COMPLAINT));
        assertEquals(Duration.ofMinutes(10), c.sla().escalateEvery(dev.replyclock.model.Tier.URGENT), "the default ladder");
        assertEquals(3, c.sla().maxEscalations(dev.replyclock.model.Tier.STANDARD));
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

    @Test
    void nextReplyTargetsAreReadAndATierWithoutOneKeepsItsFirstReplyTarget() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse("""
                sla:
                  targets:
                    next: {standard: 4h}
                """, "test", Map.of("REPLYCLOCK_SLA_TARGETS_NEXT_URGENT", "30m"), Map.of());
        assertEquals(Duration.ofHours(4), c.sla().target(Tier.STANDARD, false));
        assertEquals(Duration.ofMinutes(30), c.sla().target(Tier.URGENT, false), "from the environment");
        assertEquals(Duration.ofMinutes(1), c.sla().target(Tier.COMPLAINT, false), "sla.targets.complaint");
        assertEquals(Duration.ofMinutes(15), c.sla().target(Tier.STANDARD, true), "first replies keep sla.targets");
    }

    @Test
    void withoutNextReplyTargetsFollowUpsHaveTheFirstReplyTargets() throws Exception {
        ReplyclockConfig c = ConfigLoader.builtIn(Map.of());
        for (Tier t : Tier.values()) {
            assertEquals(c.sla().target(t, true), c.sla().target(t, false), t.wireName());
        }
    }

    @Test
    void aPolicyTakesItsOwnNextTargetsThenSlaTargetsNextThenItsFirstReplyTargets() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse("""
                sla.targets.next.standard: 2h
                sla.policies:
                  - name: email
                    match: {channel: email}
                    targets: {standard: 4h, urgent: 1h, complaint: 15m, next: {urgent: 2h}}
                """, "test", Map.of(), Map.of());
        SlaPolicy email = c.policies().rules().get(0).policy();
        assertEquals(Duration.ofHours(2), email.target(Tier.URGENT, false), "its own targets.next.urgent");
        assertEquals(Duration.ofHours(2), email.target(Tier.STANDARD, false), "sla.targets.next.standard");
        assertEquals(Duration.ofMinutes(15), email.target(Tier.COMPLAINT, false), "its own first-reply complaint target");
    }

    @Test
    void badNextReplyTargetsNameTheirKey() {
        String all = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                sla.targets.next.urgent: soon
                sla.targets.next.complaint: 0s
                sla.policies:
                  - name: vip
                    targets: {next: {complant: 1m, standard: later}}
                """, "test", Map.of(), Map.of())).getMessage();
        assertTrue(all.contains("sla.targets.next.urgent = 'soon': use a duration"), all);
        assertTrue(all.contains("sla.targets.next.complaint = '0s': must be longer than zero"), all);
        assertTrue(all.contains("sla.policies[0].targets.next.complant = '1m': unknown field"), all);
        assertTrue(all.contains("sla.policies[0].targets.next.standard = 'later': use a duration"), all);
    }

    @Test
    void nextReplyTargetsKeepComplaintWithinUrgentWithinStandardNamingTheKeySet() {
        String longComplaint = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "sla.targets.next.complaint: 10m\nhttp.port: none\n", "test", Map.of(), Map.of())).getMessage();
        assertTrue(longComplaint.contains("http.port = 'none'"), "every problem at once: " + longComplaint);
        assertTrue(longComplaint.contains("sla.targets.next.complaint = '10m': next-reply targets must keep"
                + " complaint <= urgent <= standard"), longComplaint);
        assertTrue(longComplaint.contains("complaint 10m > urgent 5m"), longComplaint);
        String shortStandard = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "sla.targets.next.standard: 2m\n", "test", Map.of(), Map.of())).getMessage();
        assertTrue(shortStandard.contains("sla.targets.next.standard = '2m'"), "urgent is unset, so standard is named: "
                + shortStandard);
        String policy = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                sla.policies:
                  - name: vip
                    targets: {next: {complaint: 1h}}
                """, "test", Map.of(), Map.of())).getMessage();
        assertTrue(policy.contains("sla.policies[0].targets.next = '{\"complaint\":\"1h\"}': next-reply targets must"
                + " keep complaint <= urgent <= standard"), policy);
    }

    @Test
    void aPolicyWithoutItsOwnEscalationKeepsThePerTierLadders() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse("""
                sla.escalation.complaint.every: 2m
                sla.escalation.complaint.max-level: 5
                sla.policies:
                  - name: vip
                    match: {segment: vip}
                    targets: {complaint: 30s}
                  - name: email
                    match: {channel: email}
                    escalation: {every: 30m, max-level: 1}
                """, "test", Map.of(), Map.of());
        SlaPolicy vip = c.policies().rules().get(0).policy();
        assertEquals(Duration.ofMinutes(2), vip.escalateEvery(Tier.COMPLAINT), "sla.escalation.complaint.every");
        assertEquals(5, vip.maxEscalations(Tier.COMPLAINT));
        assertEquals(Duration.ofMinutes(10), vip.escalateEvery(Tier.STANDARD));
        SlaPolicy email = c.policies().rules().get(1).policy();
        assertEquals(Duration.ofMinutes(30), email.escalateEvery(Tier.COMPLAINT), "its own ladder, for every tier");
        assertEquals(1, email.maxEscalations(Tier.COMPLAINT));
    }
}
