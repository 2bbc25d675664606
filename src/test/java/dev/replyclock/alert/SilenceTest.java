package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SilenceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private final Silence complaintsOnEmail = new Silence("s1", Map.of("tier", Set.of("complaint"),
            "channel", Set.of("email")), T0, T0.plusSeconds(3600), "lead", "maintenance");

    private static Alert alert(Tier tier, String channel) {
        return Alert.of("c", tier, AlertKind.BREACH, 0, channel, T0, T0, T0, List.of());
    }

    @Test
    void mutesOnlyWhatAllMatchersHold() {
        assertTrue(complaintsOnEmail.mutes(alert(Tier.COMPLAINT, "email"), T0.plusSeconds(10)));
        assertFalse(complaintsOnEmail.mutes(alert(Tier.COMPLAINT, "chat"), T0.plusSeconds(10)));
        assertFalse(complaintsOnEmail.mutes(alert(Tier.URGENT, "email"), T0.plusSeconds(10)));
    }

    @Test
    void mutesOnlyBetweenItsStartAndItsEnd() {
        assertFalse(complaintsOnEmail.mutes(alert(Tier.COMPLAINT, "email"), T0.minusSeconds(1)));
        assertFalse(complaintsOnEmail.mutes(alert(Tier.COMPLAINT, "email"), T0.plusSeconds(3600)), "expired");
    }

    @Test
    void theJsonFormRoundTrips() {
        Silence back = SilenceStore.fromJson(SilenceStore.toJson(complaintsOnEmail));
        assertTrue(back.equals(complaintsOnEmail), back.toString());
    }

    @Test
    void aSilenceOnATeamMutesThatTeamsAlertsAndTheTeamDefaultMutesAlertsWithoutATeam() {
        Silence billing = new Silence("s2", Map.of("team", Set.of("billing")), T0, T0.plusSeconds(3600), "lead", "");
        Silence noTeam = new Silence("s3", Map.of("team", Set.of("default")), T0, T0.plusSeconds(3600), "lead", "");
        Alert ofBilling = Alert.of("c", Tier.URGENT, AlertKind.BREACH, 0, "chat", "billing", T0, T0, T0, List.of());
        Alert withoutTeam = alert(Tier.URGENT, "chat");
        Alert billingDigest = Alert.forTeam("billing", AlertKind.DIGEST, Tier.URGENT, 0, T0, T0, List.of());
        assertTrue(billing.mutes(ofBilling, T0));
        assertTrue(billing.mutes(billingDigest, T0), "the team's own alerts too");
        assertFalse(billing.mutes(withoutTeam, T0));
        assertTrue(noTeam.mutes(withoutTeam, T0));
        assertFalse(noTeam.mutes(ofBilling, T0));
        assertTrue(SilenceStore.fromJson(SilenceStore.toJson(billing)).equals(billing));
    }

    @Test
    void aSilenceNeverMutesTheUpdatesThatCloseOrAcknowledgeAnIncident() {
        Alert closed = Alert.of("c", Tier.COMPLAINT, AlertKind.CLOSED, 0, "email", T0, T0, T0, List.of());
        Alert acked = Alert.of("c", Tier.COMPLAINT, AlertKind.ACKNOWLEDGED, 0, "email", T0, T0, T0, List.of());
        assertFalse(complaintsOnEmail.mutes(closed, T0.plusSeconds(10)), "a page sent before the silence still closes");
        assertFalse(complaintsOnEmail.mutes(acked, T0.plusSeconds(10)));
    }
}
