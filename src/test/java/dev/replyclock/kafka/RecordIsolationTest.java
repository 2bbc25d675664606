package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.PolicyRule;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.SlaPolicies;
import dev.replyclock.sla.SlaPolicy;
import dev.replyclock.sla.Stage;
import dev.replyclock.testing.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One record, or one clock, that makes a processor throw does not stop the stream: the record goes to the
 * dead-letter topic with reason {@code processing-error} and the exception's type (never its message), the
 * dead-letter metric counts it, and the records and clocks after it are processed as usual.
 */
class RecordIsolationTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final String COMPLAINT = "Mon colis est arrivé cassé";
    /** A policy no calendar can compute a deadline for: its messages make the SLA processor throw. */
    private static final SlaPolicy BROKEN = new SlaPolicy(Duration.ofSeconds(Long.MAX_VALUE / 2),
            Duration.ofSeconds(Long.MAX_VALUE / 2), Duration.ofSeconds(Long.MAX_VALUE / 2), 0.8,
            Duration.ofMinutes(10), 3);

    @TempDir
    Path stateDir;
    private final MutableClock clock = new MutableClock(T0);
    private TopologyHarness h;

    @BeforeEach
    void start() {
        h = TopologyHarness.setup("isolation-test", stateDir, clock).isolatingRecords().policies(new SlaPolicies(
                SlaPolicy.DEFAULT, List.of(new PolicyRule("broken", "broken-channel", null, null, BROKEN)))).start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private byte[] send(String conv, String channel, String text) {
        byte[] value = ("{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\"" + conv
                + "\",\"direction\":\"inbound\",\"channel\":\"" + channel + "\",\"from\":\"x\",\"text\":\"" + text
                + "\",\"sentAt\":\"" + clock.instant() + "\"}").getBytes(StandardCharsets.UTF_8);
        h.in().pipeInput(conv.getBytes(StandardCharsets.UTF_8), value);
        return value;
    }

    private static String header(TestRecord<byte[], byte[]> r, String key) {
        return r.headers().lastHeader(key) == null ? null
                : new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private double deadLetterCount(String reason) {
        return h.registry().find("replyclock.dead.letters").tag("reason", reason).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aRecordThatMakesAProcessorThrowIsDeadLetteredAsProcessingErrorRedactedAndTheNextStillAlerts()
            throws Exception {
        send("c-bad", "broken-channel", COMPLAINT);
        send("c-good", "chat", COMPLAINT);

        List<TestRecord<byte[], byte[]>> dead = h.deadLetters().readRecordsToList();
        assertEquals(1, dead.size());
        TestRecord<byte[], byte[]> letter = dead.get(0);
        JsonNode kept = new ObjectMapper().readTree(letter.value());
        assertEquals("c-bad", kept.path("conversationId").asText(), "what the operator needs: " + kept);
        assertEquals("broken-channel", kept.path("channel").asText());
        assertEquals("inbound", kept.path("direction").asText());
        assertEquals(COMPLAINT.length(), kept.path("textChars").asInt());
        assertFalse(kept.has("text") || kept.has("from"), "no text, and no identifier without a pseudonym key: " + kept);
        assertArrayEquals("c-bad".getBytes(StandardCharsets.UTF_8), letter.key());
        assertEquals("processing-error", header(letter, IngestProcessor.HEADER_REASON));
        assertNotNull(header(letter, DeadLetterHandler.HEADER_EXCEPTION));
        assertTrue(header(letter, IngestProcessor.HEADER_DETAIL).contains("in sla at"), header(letter, IngestProcessor.HEADER_DETAIL));
        assertEquals("in", header(letter, IngestProcessor.HEADER_TOPIC));
        assertEquals("0", header(letter, IngestProcessor.HEADER_OFFSET));
        letter.headers().forEach(h -> assertFalse(new String(h.value(), StandardCharsets.UTF_8).contains("colis"),
                "no customer text in header " + h.key()));
        assertEquals(1.0, deadLetterCount("processing-error"));
        assertTrue(h.alerts().readValuesToList().stream().anyMatch(a -> a instanceof ConversationAlert c
                && c.conversationId().equals("c-good") && a.kind() == AlertKind.SIGNAL), "the next complaint gets its signal");
    }

    @Test
    void aClockThatFailsAtItsWakeUpIsSkippedOnceAndTheOthersFire() {
        send("c-fine", "chat", COMPLAINT);
        send("c-broken", "chat", COMPLAINT);
        h.alerts().readValuesToList();
        // Its state turns into a breached clock whose deadline is so far back that the escalation arithmetic
        // overflows (as a state written before the bounds could be), at the wake-up the index holds for it.
        ReplyClock bad = new ReplyClock("c-broken", "chat", Tier.COMPLAINT, T0, T0, null,
                Instant.ofEpochMilli(Long.MIN_VALUE + 1), Stage.BREACHED, 0, false, List.of());
        KeyValueStore<String, Object> clocks = h.store(ReplyclockTopology.CLOCKS_STORE);
        long wakeUp = ((StoredClock) clocks.get("c-broken")).wakeUpMillis();
        clocks.put("c-broken", new StoredClock(bad, wakeUp));

        h.advance(Duration.ofMinutes(2));
        h.advance(Duration.ofMinutes(2));

        assertTrue(h.alerts().readValuesToList().stream().anyMatch(a -> a instanceof ConversationAlert c
                && c.conversationId().equals("c-fine") && a.kind() == AlertKind.BREACH), "the good clock's breach fired");
        assertEquals(1.0, deadLetterCount(DeadLetterHandler.PUNCTUATION_ERROR), "counted once, not on every tick");
        assertNotNull(clocks.get("c-broken"), "its state is kept; the conversation's next message re-arms it");
    }

    @Test
    void aYearOneMessageAndItsStaffReplyAreDeadLetteredAsOutOfRangeAndTheStreamGoesOn() {
        // Before the bounds: the reply's measured time overflowed Timer.record and stopped Kafka Streams.
        for (String direction : new String[] {"inbound", "outbound"}) {
            h.in().pipeInput("c-old".getBytes(StandardCharsets.UTF_8), ("{\"messageId\":\"" + direction
                    + "\",\"conversationId\":\"c-old\",\"direction\":\"" + direction + "\",\"channel\":\"chat\","
                    + "\"from\":\"x\",\"text\":\"" + COMPLAINT + "\",\"sentAt\":\"0001-01-01T00:00:00Z\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        send("c-new", "chat", COMPLAINT);
        assertEquals(List.of("out-of-range", "out-of-range"), h.deadLetters().readRecordsToList().stream()
                .map(r -> header(r, IngestProcessor.HEADER_REASON)).toList());
        assertTrue(h.alerts().readValuesToList().stream().anyMatch(a -> a instanceof ConversationAlert c
                && c.conversationId().equals("c-new") && a.kind() == AlertKind.SIGNAL));
    }
}
