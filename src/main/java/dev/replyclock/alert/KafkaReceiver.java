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
 * conversation (team alerts: {@code team:<team>}); the event id is the alert id. A group is one event per
 * alert (the default of {@link Receiver#deliver(AlertGroup)}): other systems consume alerts, not notifications.
 */
public final class KafkaReceiver implements Receiver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final AlertText text;

    public KafkaReceiver(String name, String topic, Properties client) {
        this(name, topic, client, AlertText.DEFAULT);
    }

    public KafkaReceiver(String name, String topic, Properties client, AlertText text) {
        this.name = name;
        this.text = text;
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
            String key = alert.conversationId() != null ? alert.conversationId() : "team:" + alert.team();
            producer.send(new ProducerRecord<>(topic, key,
                    cloudEvent(alert, text).toString().getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw DeliveryException.retryable("Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable("interrupted", e);
        }
    }

    static ObjectNode cloudEvent(Alert alert) {
        return cloudEvent(alert, AlertText.DEFAULT);
    }

    /** The event; its data is the alert's JSON plus {@code link} when {@code alerts.link-template} is set. */
    static ObjectNode cloudEvent(Alert alert, AlertText text) {
        ObjectNode e = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", alert.id())
                .put("source", "replyclock")
                .put("type", "dev.replyclock.alert." + alert.kind().wireName())
                .put("subject", alert.conversationId() != null ? alert.conversationId() : "team:" + alert.team())
                .put("time", alert.createdAt().toString())
                .put("datacontenttype", "application/json");
        ObjectNode data = AlertJson.toNode(alert);
        if (alert.conversationId() != null) {
            String link = text.linkFor(alert.conversationId(), alert.team(), alert.channel());
            if (link != null) {
                data.put("link", link);
            }
        }
        e.set("data", data);
        return e;
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
