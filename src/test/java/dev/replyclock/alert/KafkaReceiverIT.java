package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
import dev.replyclock.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kafka receiver on a real broker: what another system's consumer reads back from the topic. */
class KafkaReceiverIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAlertIsAStructuredModeCloudEventWithItsContentTypeHeaderKeyedByConversation() throws Exception {
        String topic = "alert-events";
        TopicSetup.ensure(broker.client(), Map.of(topic, 1), Duration.ofSeconds(60), Map.of());
        Instant t = Instant.parse("2026-11-24T09:16:30Z");
        Alert breach = Alert.about("c-42").kind(AlertKind.BREACH).tier(Tier.COMPLAINT).channel("whatsapp")
                .team("billing").openedAt(t.minusSeconds(60)).deadline(t).createdAt(t).build();
        Alert overload = Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.COMPLAINT).level(1).at(t)
                .createdAt(t).build();
        try (KafkaReceiver receiver = new KafkaReceiver("events", topic, broker.client())) {
            receiver.deliver(breach);
            receiver.deliver(overload);
        }

        List<ConsumerRecord<String, byte[]>> read = readAll(topic, 2);
        ConsumerRecord<String, byte[]> first = read.get(0);
        assertEquals("c-42", first.key());
        Header contentType = first.headers().lastHeader("content-type");
        assertNotNull(contentType, "structured mode names its content type");
        assertEquals("application/cloudevents+json", new String(contentType.value(), StandardCharsets.UTF_8));
        JsonNode event = JSON.readTree(first.value());
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals(breach.id(), event.path("id").asText());
        assertEquals("dev.replyclock.alert.breach", event.path("type").asText());
        assertEquals("c-42", event.path("subject").asText());
        assertEquals("application/json", event.path("datacontenttype").asText());
        assertEquals("breach", event.path("data").path("kind").asText());
        assertEquals("2026-11-24T09:16:30Z", event.path("data").path("deadline").asText());

        ConsumerRecord<String, byte[]> team = read.get(1);
        assertEquals("team:billing", team.key());
        assertEquals("team:billing", JSON.readTree(team.value()).path("subject").asText());
        assertEquals(AlertJson.fromBytes(JSON.writeValueAsBytes(JSON.readTree(team.value()).path("data"))), overload,
                "the data is the alert as on support.alerts");
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        Properties p = broker.client();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < expected && System.nanoTime() < until) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        assertEquals(expected, out.size(), "records read back from " + topic);
        return out;
    }
}
