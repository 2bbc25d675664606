package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.privacy.Excerpter;
import dev.replyclock.privacy.Redactor;
import dev.replyclock.testing.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alerts.include-excerpt} through the real topology: the excerpt is made at ingest, kept in the reply
 * clock for the later alerts of the wait (the breach), redacted; when off, nothing of the text is stored.
 */
class ExcerptTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final String TEXT = "Bonjour, mon colis est arrivé cassé, appelez-moi au 06 12 34 56 78 ou "
            + "écrivez à jean.dupont@example.com, je veux être remboursé sur FR7630006000011234567890189 merci";

    @TempDir
    Path stateDir;
    private final MutableClock clock = new MutableClock(T0);
    private TopologyHarness h;

    private void start(boolean includeExcerpt) {
        Redactor redactor = new Redactor("FR");
        h = TopologyHarness.setup("excerpt-test", stateDir, clock).pipeline(p -> p.withRedactor(redactor)
                .withExcerpter(includeExcerpt ? Optional.of(new Excerpter(redactor, 60)) : Optional.empty())).start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private void sendComplaint(String conv) {
        String json = "{\"messageId\":\"m1\",\"conversationId\":\"" + conv + "\",\"direction\":\"inbound\","
                + "\"channel\":\"email\",\"from\":\"x\",\"text\":\"" + TEXT + "\",\"sentAt\":\"" + clock.instant() + "\"}";
        h.in().pipeInput(conv.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    private ConversationAlert breachAfterTheTarget(String conv) throws Exception {
        sendComplaint(conv);
        h.advance(Duration.ofSeconds(61));
        List<ConversationAlert> out = new java.util.ArrayList<>();
        for (String v : h.alertJson().readValuesToList()) {
            out.add((ConversationAlert) AlertJson.fromBytes(v.getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals(AlertKind.SIGNAL, out.get(0).kind());
        ConversationAlert breach = out.stream().filter(a -> a.kind() == AlertKind.BREACH).findFirst().orElseThrow();
        assertEquals(out.get(0).excerpt(), breach.excerpt(), "the breach carries what the signal carried");
        return breach;
    }

    @Test
    void aBreachCarriesTheRedactedExcerptWhenTheOptionIsOn() throws Exception {
        start(true);
        ConversationAlert breach = breachAfterTheTarget("c1");
        String excerpt = breach.excerpt();
        assertNotNull(excerpt, "the breach fires a minute after the message: the excerpt came from the clock");
        assertTrue(excerpt.startsWith("Bonjour, mon colis est arrivé cassé"), excerpt);
        assertTrue(excerpt.length() <= 60 && excerpt.endsWith("…"), excerpt);
        assertFalse(excerpt.contains("06 12"), excerpt);
        KeyValueStore<String, StoredClock> store = h.store(ReplyclockTopology.CLOCKS_STORE);
        assertEquals(excerpt, store.get("c1").clock().excerpt(), "kept in the reply clock");
    }

    @Test
    void aBreachCarriesNoExcerptWhenTheOptionIsOff() throws Exception {
        start(false);
        assertNull(breachAfterTheTarget("c2").excerpt());
    }

    @Test
    void excerptIsNotStoredWhenTheOptionIsOff() {
        start(false);
        sendComplaint("c3");
        KeyValueStore<String, StoredClock> store = h.store(ReplyclockTopology.CLOCKS_STORE);
        StoredClock stored = store.get("c3");
        assertNull(stored.clock().excerpt());
        String bytes = new String(StoredClockSerde.encode(stored), StandardCharsets.UTF_8);
        for (String word : List.of("Bonjour", "colis", "appelez", "remboursé", "merci")) {
            assertFalse(bytes.contains(word), "the stored clock holds no text: " + word);
        }
        assertTrue(h.alertJson().readValuesToList().stream().noneMatch(v -> v.contains("\"excerpt\"")));
    }
}
