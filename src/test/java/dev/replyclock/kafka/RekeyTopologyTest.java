package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.classify.Classifier;
import dev.replyclock.config.KafkaSettings;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.sla.SlaEngine;
import dev.replyclock.sla.SlaPolicy;
import dev.replyclock.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
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
    private static final KafkaSettings.Topics TOPICS = new KafkaSettings.Topics("in", "alerts", "dlq");

    @TempDir
    Path stateDir;
    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> in;
    private TestOutputTopic<String, Alert> alerts;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    private void start(boolean rekey) {
        ReplyclockMetrics metrics = new ReplyclockMetrics(registry, SlaPolicy.DEFAULT);
        Properties p = dev.replyclock.testing.DriverProperties.isolating(APP, stateDir, TOPICS.deadLetter(), metrics);
        driver = new TopologyTestDriver(ReplyclockTopology.build(PipelineSpec.core(APP, TOPICS, Classifier::builtIn,
                new SlaEngine(SlaPolicy.DEFAULT, clock), metrics, clock).withRekey(rekey)), p, T0);
        in = driver.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic("alerts", new StringDeserializer(), new AlertSerde().deserializer());
        deadLetters = driver.createOutputTopic("dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
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
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void aRecordWithoutAKeyIsReKeyedByItsConversationIdAndGetsItsSignalAlert() {
        start(true);
        in.pipeInput(null, message("c-1", "inbound", "Mon colis est arrivé cassé"));

        List<TestRecord<String, Alert>> out = alerts.readRecordsToList();
        assertEquals(1, out.size(), out.toString());
        assertEquals("c-1", out.get(0).key());
        assertEquals(AlertKind.SIGNAL, out.get(0).value().kind());
        List<TestRecord<byte[], byte[]>> rekeyed = driver.createOutputTopic(REKEY, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
        assertEquals(1, rekeyed.size());
        assertArrayEquals(utf8("c-1"), rekeyed.get(0).key(), "keyed by the conversationId");
        assertArrayEquals(message("c-1", "inbound", "Mon colis est arrivé cassé"), rekeyed.get(0).value(), "unchanged");
        assertTrue(deadLetters.isEmpty());
        assertEquals(1.0, counted("replyclock.rekeyed"));
        assertEquals(1.0, counted("replyclock.messages"), "counted once, when it is processed");
    }

    @Test
    void aConversationKeyedByItsCustomerKeepsOneClockAndItsReplyIsMeasured() {
        start(true);
        in.pipeInput(utf8("customer-7"), message("c-2", "inbound", "Mon colis est arrivé cassé"));
        clock.advance(java.time.Duration.ofSeconds(30));
        in.pipeInput(utf8("customer-7"), message("c-2", "outbound", "Nous regardons"));

        assertEquals(2.0, counted("replyclock.rekeyed"));
        assertEquals(1.0, counted("replyclock.replies"), "the reply closed the customer's wait");
        assertTrue(deadLetters.isEmpty());
        List<String> keys = new java.util.ArrayList<>();
        driver.<String, Object>getKeyValueStore(ReplyclockTopology.CLOCKS_STORE).all()
                .forEachRemaining(kv -> keys.add(kv.key));
        assertEquals(List.of("c-2"), keys, "one clock, under the conversationId");
    }

    @Test
    void aRecordKeyedByItsConversationIdTakesTheDirectWay() {
        start(true);
        in.pipeInput(utf8("c-3"), message("c-3", "inbound", "Mon colis est arrivé cassé"));

        assertEquals(AlertKind.SIGNAL, alerts.readValue().kind());
        assertEquals(0.0, counted("replyclock.rekeyed"));
    }

    @Test
    void withStrictARecordKeyedOtherwiseIsDeadLetteredAsKeyMismatch() {
        start(false);
        in.pipeInput(null, message("c-4", "inbound", "Mon colis est arrivé cassé"));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertEquals("key-mismatch", new String(letter.headers().lastHeader(IngestProcessor.HEADER_REASON).value(),
                StandardCharsets.UTF_8));
        assertTrue(alerts.isEmpty());
        assertEquals(0.0, counted("replyclock.rekeyed"));
    }
}
