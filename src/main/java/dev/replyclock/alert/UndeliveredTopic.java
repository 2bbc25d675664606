package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertJson;
import dev.replyclock.model.ConversationAlert;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The undelivered topic as the give-up stage's sink: the alert's JSON keyed by conversation, with the receiver,
 * the reason and the detail as headers. The send is awaited: a given-up alert must be there before its offset
 * is committed.
 */
final class UndeliveredTopic implements GiveUpStage.Sink {

    private static final Logger log = LoggerFactory.getLogger(UndeliveredTopic.class);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String receiver;

    UndeliveredTopic(KafkaProducer<String, byte[]> producer, String topic, String receiver) {
        this.producer = producer;
        this.topic = topic;
        this.receiver = receiver;
    }

    @Override
    public void put(Alert alert, String reason, String detail) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic,
                alert instanceof ConversationAlert c ? c.conversationId() : null,
                AlertJson.toBytes(alert));
        record.headers().add("replyclock.undelivered.receiver", receiver.getBytes(StandardCharsets.UTF_8));
        record.headers().add("replyclock.undelivered.reason", reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add("replyclock.undelivered.detail", detail.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception sendFailure) {
            log.error("alert {} for {} is neither delivered nor in {}: {}", alert.id(), receiver, topic,
                    sendFailure.toString());
        }
    }
}
