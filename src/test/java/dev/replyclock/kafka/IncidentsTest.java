package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.Stage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which incidents a stored wait has to close, also one stored before incidents were recorded. */
class IncidentsTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private static StoredClock clock(Tier tier, Stage stage, List<Long> incidents) {
        ReplyClock c = new ReplyClock("c-1", "chat", tier, T0, T0, null, T0.plusSeconds(900), stage, 0, false, List.of());
        return new StoredClock(c, -1, T0.plusSeconds(900).toEpochMilli(), null, incidents);
    }

    @Test
    void aClockStoredBeforeTheUpgradeStillClosesTheIncidentOfItsCurrentDeadline() {
        List<ConversationAlert> closed = Incidents.closing(clock(Tier.STANDARD, Stage.BREACHED, List.of()), Alert.CLOSED_REPLIED, T0);
        assertEquals(1, closed.size(), "a breach was sent for it");
        assertEquals(T0.plusSeconds(900), closed.get(0).deadline());
        assertEquals(AlertKind.CLOSED, closed.get(0).kind());
        assertEquals(1, Incidents.closing(clock(Tier.URGENT, Stage.RUNNING, List.of()), Alert.CLOSED_REPLIED, T0).size(),
                "an urgent wait sent its signal");
        assertEquals(0, Incidents.closing(clock(Tier.STANDARD, Stage.RUNNING, List.of()), Alert.CLOSED_REPLIED, T0).size(),
                "a standard wait before its warning sent nothing");
    }

    @Test
    void eachDeadlineIsClosedOnceAndTheClosingAlertIdIsStable() {
        long earlier = T0.plusSeconds(300).toEpochMilli();
        StoredClock s = clock(Tier.COMPLAINT, Stage.BREACHED, List.of(earlier, T0.plusSeconds(900).toEpochMilli()));
        List<ConversationAlert> closed = Incidents.closing(s, Alert.CLOSED_EXPIRED, T0);
        assertEquals(List.of(Instant.ofEpochMilli(earlier), T0.plusSeconds(900)), closed.stream().map(Alert::deadline).toList());
        assertEquals(closed.stream().map(Alert::id).toList(),
                Incidents.closing(s, Alert.CLOSED_EXPIRED, T0.plusSeconds(60)).stream().map(Alert::id).toList(),
                "a re-emitted closing alert is deduplicated downstream");
    }
}
