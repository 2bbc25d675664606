package dev.replyclock.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.testing.TestBroker;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The input lag is read from the broker, so it grows even when no consumer of the group runs at all. */
class InputLagIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();

    @Test
    void countsWhatTheGroupHasNotCommittedAndEverythingWhenItCommittedNothing() throws Exception {
        String topic = "lag-in";
        TopicSetup.ensure(broker.bootstrapServers(), Map.of(topic, 2), Duration.ofSeconds(60));
        try (InputLag lag = new InputLag(broker.client(), "lag-app", topic, Duration.ofMillis(200))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lag.records() == 0);
            try (KafkaProducer<String, String> p = new KafkaProducer<>(broker.client(), new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < 5; i++) {
                    p.send(new ProducerRecord<>(topic, 0, "c-" + i, "m")).get();
                }
                p.send(new ProducerRecord<>(topic, 1, "c-9", "m")).get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> lag.records() == 6);
            try (Admin admin = Admin.create(broker.client())) {
                admin.alterConsumerGroupOffsets("lag-app", Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3)))
                        .all().get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> lag.records() == 3); // 2 of partition 0, 1 of 1
        }
    }

    @Test
    void isUnknownWhileTheTopicCannotBeRead() throws Exception {
        try (InputLag lag = new InputLag(broker.client(), "lag-app", "no-such-topic", Duration.ofMillis(200))) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> Double.isNaN(lag.records()));
            assertTrue(Double.isNaN(lag.records()));
        }
    }
}
