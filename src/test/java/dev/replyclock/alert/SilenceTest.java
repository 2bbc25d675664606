package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SilenceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private final Silence complaintsOnEmail = new Silence("s1", Map.of("tier", Set.of("complaint"),
            "channel", Set.of("email")), T0, T0.plusSeconds(3600), "lead", "maintenance");

    private static Alert alert(Tier tier, String channel) {
        return Alert.about("c").kind(AlertKind.BREACH).tier(tier).channel(channel).openedAt(T0).deadline(T0)
                .createdAt(T0).build();
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
        Alert ofBilling = Alert.about("c").kind(AlertKind.BREACH).tier(Tier.URGENT).channel("chat").team("billing")
                .openedAt(T0).deadline(T0).createdAt(T0).build();
        Alert withoutTeam = alert(Tier.URGENT, "chat");
        Alert billingDigest = Alert.aboutTeam("billing").kind(AlertKind.DIGEST).tier(Tier.URGENT).at(T0).createdAt(T0)
                .build();
        assertTrue(billing.mutes(ofBilling, T0));
        assertTrue(billing.mutes(billingDigest, T0), "the team's own alerts too");
        assertFalse(billing.mutes(withoutTeam, T0));
        assertTrue(noTeam.mutes(withoutTeam, T0));
        assertFalse(noTeam.mutes(ofBilling, T0));
        assertTrue(SilenceStore.fromJson(SilenceStore.toJson(billing)).equals(billing));
    }

    @Test
    void aSilenceNeverMutesTheUpdatesThatCloseOrAcknowledgeAnIncident() {
        Alert closed = Alert.about("c").kind(AlertKind.CLOSED).tier(Tier.COMPLAINT).channel("email").openedAt(T0)
                .deadline(T0).createdAt(T0).build();
        Alert acked = Alert.about("c").kind(AlertKind.ACKNOWLEDGED).tier(Tier.COMPLAINT).channel("email").openedAt(T0)
                .deadline(T0).createdAt(T0).build();
        assertFalse(complaintsOnEmail.mutes(closed, T0.plusSeconds(10)), "a page sent before the silence still closes");
        assertFalse(complaintsOnEmail.mutes(acked, T0.plusSeconds(10)));
    }
}
