package dev.replyclock.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.ConversationAlert;
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
 * Alerts for other systems: CloudEvents 1.0 on a Kafka topic by the CloudEvents Kafka protocol binding in
 * <em>structured</em> mode: the record's value is the whole event as JSON and its header {@code content-type}
 * is {@value #CONTENT_TYPE}, so a CloudEvents SDK reads it as it is (binary mode, with {@code ce_} headers,
 * would split the event over headers that some tools drop). The key is the conversation (team alerts:
 * {@code team:<team>}), also the event's {@code partitionkey}; the event id is the alert id. A group is one
 * event per alert (the default of {@link Receiver#deliver(AlertGroup)}): other systems consume alerts, not
 * notifications.
 */
public final class KafkaReceiver implements Receiver {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The structured-mode content type of the CloudEvents Kafka protocol binding. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";

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
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject(alert),
                    cloudEvent(alert, text).toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
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
                .put("subject", subject(alert))
                .put("partitionkey", subject(alert))
                .put("time", alert.createdAt().toString())
                .put("datacontenttype", "application/json");
        ObjectNode data = AlertJson.toNode(alert);
        if (alert instanceof ConversationAlert c) {
            String link = text.linkFor(c.conversationId(), c.team(), c.channel());
            if (link != null) {
                data.put("link", link);
            }
        }
        e.set("data", data);
        return e;
    }

    /** The conversation, or {@code team:<team>} for a team alert: the record key and the event's subject. */
    private static String subject(Alert alert) {
        return alert instanceof ConversationAlert c ? c.conversationId() : "team:" + alert.team();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
