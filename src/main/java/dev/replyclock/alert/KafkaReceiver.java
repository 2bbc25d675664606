package dev.replyclock.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Alerts for other systems: CloudEvents 1.0 in structured JSON mode on a Kafka topic, keyed by
 * conversation; the event id is the alert id.
 */
public final class KafkaReceiver implements Receiver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaReceiver(String name, String topic, Properties client) {
        this.name = name;
        this.topic = topic;
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "replyclock-receiver-" + name);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        try {
            producer.send(new ProducerRecord<>(topic, alert.conversationId(),
                    cloudEvent(alert).toString().getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw DeliveryException.retryable("Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("interrupted", e);
        }
    }

    static ObjectNode cloudEvent(Alert alert) {
        ObjectNode e = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", alert.id())
                .put("source", "replyclock")
                .put("type", "dev.replyclock.alert." + alert.kind().wireName())
                .put("subject", alert.conversationId())
                .put("time", alert.createdAt().toString())
                .put("datacontenttype", "application/json");
        e.set("data", AlertJson.toNode(alert));
        return e;
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
