package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.config.TeamViewSettings;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.MutableClock;
import dev.replyclock.testing.ExtremeRecords;
import dev.replyclock.testing.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-based, on the whole topology (ingest, SLA processor, team view) with the daemon's record isolation:
 * for a random batch of messages with extreme and malformed values, interleaved with staff replies, acks and
 * the passing of time (seeded: a failing seed replays), the driver never throws, every input record is either
 * processed or in the dead-letter topic with a documented reason, and a normal complaint in another
 * conversation right after the batch still gets its signal alert. One driver serves every try, so the state
 * left by earlier batches is part of the input of later ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final String APP = "fuzz-test";
    private static final Set<String> REASONS = Set.of("empty", "not-json", "not-object", "missing-field",
            "wrong-type", "bad-value", "too-large", "too-long", "bad-characters", "out-of-range", "key-mismatch");

    private final MutableClock clock = new MutableClock(T0);
    private Path stateDir;
    private TopologyHarness h;

    @BeforeAll
    void start() throws Exception {
        stateDir = Files.createTempDirectory("fuzz-topology");
        h = TopologyHarness.setup(APP, stateDir, clock).isolatingRecords()
                .pipeline(p -> p.withTeamView(new TeamViewSettings(2, Duration.ofMinutes(30)))).start();
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRecordIsProcessedOrDeadLetteredAndTheNextComplaintStillAlerts(long seed) {
        Random r = new Random(seed);
        double processedBefore = counted("replyclock.messages");
        double failuresBefore = processorFailures();
        int sent = 0;
        int batch = 1 + r.nextInt(8);
        for (int i = 0; i < batch; i++) {
            String conversation = "s" + seed + "-c" + r.nextInt(3);
            String direction = new String[] {"inbound", "inbound", "outbound", "ack"}[r.nextInt(4)];
            ExtremeRecords.Raw raw = ExtremeRecords.random(r, conversation, direction, clock.instant());
            h.in().pipeInput(raw.key(), raw.value());
            sent++;
            if (r.nextInt(3) == 0) {
                h.advance(Duration.ofSeconds(r.nextInt(20 * 60)));
            }
        }
        String probe = "probe-" + seed;
        String complaint = ExtremeRecords.message(Map.of("messageId", "p" + seed, "conversationId", probe,
                "direction", "inbound", "channel", "chat", "from", "+33612345678",
                "text", "Mon colis est arrivé cassé", "sentAt", clock.instant().toString()));
        h.in().pipeInput(probe.getBytes(StandardCharsets.UTF_8), complaint.getBytes(StandardCharsets.UTF_8));
        sent++;

        int deadLettered = 0;
        for (TestRecord<byte[], byte[]> dead : h.deadLetters().readRecordsToList()) {
            deadLettered++;
            Header reason = dead.headers().lastHeader(IngestProcessor.HEADER_REASON);
            assertNotNull(reason, "seed " + seed + ": a dead letter without a reason");
            String why = new String(reason.value(), StandardCharsets.UTF_8);
            assertTrue(REASONS.contains(why), "seed " + seed + ": reason " + why);
            if (dead.headers().lastHeader(IngestProcessor.HEADER_PREVIEW) == null) {
                // A record that decoded: kept without its text (only one that did not has a masked preview).
                assertFalse(new String(dead.value(), StandardCharsets.UTF_8).contains(ExtremeRecords.TEXT_MARKER),
                        "seed " + seed + ": customer text in a dead letter that decoded (" + why + ")");
            }
            for (Header h : dead.headers()) {
                if (!h.key().equals(IngestProcessor.HEADER_PREVIEW)) {
                    assertFalse(new String(h.value(), StandardCharsets.UTF_8).contains(ExtremeRecords.TEXT_MARKER),
                            "seed " + seed + ": customer text in header " + h.key());
                }
            }
        }
        double processed = counted("replyclock.messages") - processedBefore;
        assertEquals(sent, (int) processed + deadLettered,
                "seed " + seed + ": processed " + processed + " + dead-lettered " + deadLettered);
        assertEquals(failuresBefore, processorFailures(), "seed " + seed + ": the bounds leave no processor failing");
        assertTrue(h.alerts().readValuesToList().stream().anyMatch(a -> a instanceof ConversationAlert c
                && probe.equals(c.conversationId()) && a.kind() == AlertKind.SIGNAL),
                "seed " + seed + ": the complaint after the batch got no signal");
    }

    private double counted(String counter) {
        return h.registry().find(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double processorFailures() {
        return h.registry().find("replyclock.dead.letters").counters().stream()
                .filter(c -> Set.of(DeadLetterHandler.PROCESSING_ERROR, DeadLetterHandler.PUNCTUATION_ERROR)
                        .contains(c.getId().getTag("reason")))
                .mapToDouble(c -> c.count()).sum();
    }
}
