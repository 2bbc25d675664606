package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.MutableClock;
import dev.replyclock.testing.TopologyHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest.rekey}: with {@code auto} a record keyed otherwise than by its conversationId (no key, as
 * {@code kcat} without {@code -K} sends; a ticket or customer key, as a connector sends) goes through the rekey
 * topic keyed by its conversationId and is then processed as any other; with {@code strict} it is dead-lettered
 * as {@code key-mismatch}.
 */
class RekeyTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final String APP = "rekey-test";
    private static final String REKEY = ReplyclockTopology.rekeyTopic(APP);

    @TempDir
    Path stateDir;
    private final MutableClock clock = new MutableClock(T0);
    private TopologyHarness h;

    private void start(boolean rekey) {
        h = TopologyHarness.setup(APP, stateDir, clock).isolatingRecords().pipeline(p -> p.withRekey(rekey)).start();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static byte[] message(String conv, String direction, String text) {
        return ("{\"messageId\":\"m-" + direction + "\",\"conversationId\":\"" + conv + "\",\"direction\":\"" + direction
                + "\",\"channel\":\"chat\",\"from\":\"+33612345678\",\"text\":\"" + text + "\",\"sentAt\":\"" + T0 + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private double counted(String name) {
        return h.registry().find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aRecordWithoutAKeyIsReKeyedByItsConversationIdAndGetsItsSignalAlert() {
        start(true);
        h.in().pipeInput(null, message("c-1", "inbound", "Mon colis est arrivé cassé"));

        List<TestRecord<String, Alert>> out = h.alerts().readRecordsToList();
        assertEquals(1, out.size(), out.toString());
        assertEquals("c-1", out.get(0).key());
        assertEquals(AlertKind.SIGNAL, out.get(0).value().kind());
        List<TestRecord<byte[], byte[]>> rekeyed = h.driver().createOutputTopic(REKEY, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
        assertEquals(1, rekeyed.size());
        assertArrayEquals(utf8("c-1"), rekeyed.get(0).key(), "keyed by the conversationId");
        assertArrayEquals(message("c-1", "inbound", "Mon colis est arrivé cassé"), rekeyed.get(0).value(), "unchanged");
        assertTrue(h.deadLetters().isEmpty());
        assertEquals(1.0, counted("replyclock.rekeyed"));
        assertEquals(1.0, counted("replyclock.messages"), "counted once, when it is processed");
    }

    @Test
    void aConversationKeyedByItsCustomerKeepsOneClockAndItsReplyIsMeasured() {
        start(true);
        h.in().pipeInput(utf8("customer-7"), message("c-2", "inbound", "Mon colis est arrivé cassé"));
        clock.advance(java.time.Duration.ofSeconds(30));
        h.in().pipeInput(utf8("customer-7"), message("c-2", "outbound", "Nous regardons"));

        assertEquals(2.0, counted("replyclock.rekeyed"));
        assertEquals(1.0, counted("replyclock.replies"), "the reply closed the customer's wait");
        assertTrue(h.deadLetters().isEmpty());
        List<String> keys = new java.util.ArrayList<>();
        h.driver().<String, Object>getKeyValueStore(ReplyclockTopology.CLOCKS_STORE).all()
                .forEachRemaining(kv -> keys.add(kv.key));
        assertEquals(List.of("c-2"), keys, "one clock, under the conversationId");
    }

    @Test
    void aRecordKeyedByItsConversationIdTakesTheDirectWay() {
        start(true);
        h.in().pipeInput(utf8("c-3"), message("c-3", "inbound", "Mon colis est arrivé cassé"));

        assertEquals(AlertKind.SIGNAL, h.alerts().readValue().kind());
        assertEquals(0.0, counted("replyclock.rekeyed"));
    }

    @Test
    void withStrictARecordKeyedOtherwiseIsDeadLetteredAsKeyMismatch() {
        start(false);
        h.in().pipeInput(null, message("c-4", "inbound", "Mon colis est arrivé cassé"));

        TestRecord<byte[], byte[]> letter = h.deadLetters().readRecord();
        assertEquals("key-mismatch", new String(letter.headers().lastHeader(IngestProcessor.HEADER_REASON).value(),
                StandardCharsets.UTF_8));
        assertTrue(h.alerts().isEmpty());
        assertEquals(0.0, counted("replyclock.rekeyed"));
    }
}
