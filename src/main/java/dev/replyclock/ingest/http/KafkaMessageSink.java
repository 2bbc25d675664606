package dev.replyclock.ingest.http;

import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.model.SupportMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces to the messages topic keyed by conversation, {@code acks=all} with the idempotent producer, and waits for
 * every acknowledgement within {@code timeout}: the HTTP answer then tells the truth (2xx = on the broker).
 */
public final class KafkaMessageSink implements MessageSink, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Duration timeout;
    private final MessageCodec codec = new MessageCodec();

    /** @param client the daemon's client config (bootstrap servers, TLS/SASL) with the client id set */
    public KafkaMessageSink(Properties client, String topic, Duration timeout) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        long ms = timeout.toMillis();
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(ms, Integer.MAX_VALUE));
        // Kafka wants delivery.timeout.ms >= linger.ms + request.timeout.ms; a late success after our 503 is a
        // duplicate the sender's retry brings anyway (same message id).
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(ms + 1_000, Integer.MAX_VALUE));
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void produce(List<SupportMessage> messages) throws Exception {
        List<Future<RecordMetadata>> pending = new ArrayList<>(messages.size());
        for (SupportMessage m : messages) {
            pending.add(producer.send(new ProducerRecord<>(topic, m.conversationId(), codec.encode(m))));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> f : pending) {
            f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
