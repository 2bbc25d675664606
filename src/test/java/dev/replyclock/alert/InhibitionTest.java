package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which pages a team's overload holds back, and how the overload state follows its sources. */
class InhibitionTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private static Alert page(AlertKind kind, String team) {
        return Alert.about("c-1").kind(kind).tier(Tier.COMPLAINT).level(kind == AlertKind.ESCALATION ? 1 : 0)
                .channel("chat").team(team).openedAt(T0).deadline(T0).createdAt(T0).build();
    }

    private static Alert overload(String team, int level, Instant createdAt) {
        return Alert.aboutTeam(team).kind(AlertKind.OVERLOAD).tier(Tier.COMPLAINT).level(level).at(T0)
                .createdAt(createdAt).build();
    }

    @Test
    void aFiringOverloadHoldsBackItsTeamsWarningsBreachesAndEscalations() {
        Inhibition inhibition = Inhibition.byDefault();
        inhibition.observe(overload("billing", 1, T0));
        assertTrue(inhibition.inhibits(page(AlertKind.WARNING, "billing")));
        assertTrue(inhibition.inhibits(page(AlertKind.BREACH, "billing")));
        assertTrue(inhibition.inhibits(page(AlertKind.ESCALATION, "billing")));
        assertFalse(inhibition.inhibits(page(AlertKind.SIGNAL, "billing")), "a new complaint still pages");
        assertFalse(inhibition.inhibits(page(AlertKind.RESOLVED, "billing")), "good news still goes out");
        assertFalse(inhibition.inhibits(overload("billing", 1, T0)), "the overload alert itself is delivered");
        assertFalse(inhibition.inhibits(page(AlertKind.BREACH, "shipping")), "other teams are not affected");
        assertFalse(inhibition.inhibits(page(AlertKind.BREACH, null)), "nor conversations without a team");
    }

    @Test
    void anOverloadOfTheTeamDefaultHoldsBackThePagesOfConversationsWithoutATeam() {
        Inhibition inhibition = Inhibition.byDefault();
        inhibition.observe(overload("default", 1, T0));
        assertTrue(inhibition.inhibits(page(AlertKind.BREACH, null)), "they count in the team default");
        assertTrue(inhibition.inhibits(page(AlertKind.BREACH, "default")));
        assertFalse(inhibition.inhibits(page(AlertKind.BREACH, "billing")));
    }

    @Test
    void theOverloadBeingOverEndsTheInhibition() {
        Inhibition inhibition = Inhibition.byDefault();
        inhibition.observe(overload("billing", 1, T0));
        inhibition.observe(overload("billing", 0, T0.plusSeconds(60)));
        assertFalse(inhibition.inhibits(page(AlertKind.BREACH, "billing")));
    }

    @Test
    void anOlderOverloadReadLateDoesNotReviveIt() {
        OverloadState state = new OverloadState();
        Inhibition inhibition = new Inhibition(Inhibition.DEFAULT_KINDS, state);
        state.observe(overload("billing", 0, T0.plusSeconds(60)));
        inhibition.observe(overload("billing", 1, T0));
        assertFalse(inhibition.inhibits(page(AlertKind.BREACH, "billing")), "the newest word on the team wins");
        state.observe(overload("billing", 1, T0.plusSeconds(120)));
        assertTrue(inhibition.inhibits(page(AlertKind.BREACH, "billing")));
        state.over("billing", T0.plusSeconds(30));
        assertFalse(inhibition.inhibits(page(AlertKind.BREACH, "billing")), "a tombstone on the topic always clears");
        state.observe(overload("billing", 1, T0.plusSeconds(100)));
        assertFalse(inhibition.inhibits(page(AlertKind.BREACH, "billing")), "and an older firing alert stays ignored");
    }

    @Test
    void theInhibitedKindsAreConfigurable() {
        Inhibition onlyBreaches = new Inhibition(Set.of(AlertKind.BREACH), new OverloadState());
        onlyBreaches.observe(overload("billing", 1, T0));
        assertTrue(onlyBreaches.inhibits(page(AlertKind.BREACH, "billing")));
        assertFalse(onlyBreaches.inhibits(page(AlertKind.WARNING, "billing")));
        Inhibition none = new Inhibition(Set.of(), new OverloadState());
        none.observe(overload("billing", 1, T0));
        assertFalse(none.inhibits(page(AlertKind.BREACH, "billing")), "an empty list turns inhibition off");
    }

    @Test
    void alertsOtherThanOverloadsDoNotChangeTheState() {
        OverloadState state = new OverloadState();
        state.observe(page(AlertKind.BREACH, "billing"));
        state.observe(Alert.aboutTeam("billing").kind(AlertKind.DIGEST).tier(Tier.STANDARD).level(1).at(T0)
                .createdAt(T0).build());
        assertTrue(state.firingTeams().isEmpty());
    }
}
