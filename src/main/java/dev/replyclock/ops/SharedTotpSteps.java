package dev.replyclock.ops;

import dev.replyclock.alert.CompactedTopicTail;
import dev.replyclock.privacy.UsedTotpSteps;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The used TOTP steps of every instance, on a one-partition topic that each instance writes its claims to and
 * reads from its beginning ({@link CompactedTopicTail}). The partition's order decides: a claim wins when its
 * step is newer than every step claimed before it in the log, so all instances reach the same verdict, two
 * replicas given the same code at the same moment included. {@link #claim} writes its record (acks=all) and
 * waits until the tail has read it before answering, so the export proceeds only once the step is on record.
 * Keyed by step, compacted and deleted after a day: only the newest steps matter, as a code is valid for one
 * step either side of now.
 */
public final class SharedTotpSteps implements UsedTotpSteps, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedTotpSteps.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final CompactedTopicTail<String> tail;
    /** The newest step claimed in the log read so far. */
    private long newest = Long.MIN_VALUE;
    private long readUpTo = -1;
    /** Verdicts of the records read, by offset, until their claimer takes them. */
    private final Map<Long, Boolean> verdicts = new HashMap<>();

    public SharedTotpSteps(Properties client, String topic) {
        this.topic = topic;
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.tail = new CompactedTopicTail<>(client, topic, new StringDeserializer(), "replyclock-totp-steps",
                this::apply, "TOTP codes cannot be checked for replay: the full export is refused");
    }

    /** The topic's name for an application id. */
    public static String topicFor(String applicationId) {
        return applicationId + "-totp-used-steps";
    }

    /** Creates the topic if missing (one partition: its order is the verdict), then starts reading it. */
    public SharedTotpSteps start(Properties client, Duration timeout) {
        try (Admin admin = Admin.create(client)) {
            // An existing one is used as it is: made beforehand (where ACLs forbid creating topics), or by
            // another instance.
            if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                // Segments of an hour, so that the day's retention and the compaction act within the hour after it.
                String hour = String.valueOf(Duration.ofHours(1).toMillis());
                NewTopic t = new NewTopic(topic, 1, (short) -1).configs(Map.of("cleanup.policy", "compact,delete",
                        "retention.ms", String.valueOf(Duration.ofDays(1).toMillis()), "segment.ms", hour,
                        "max.compaction.lag.ms", hour));
                admin.createTopics(List.of(t)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(cannotCreate() + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException(cannotCreate() + " in " + timeout, e);
        }
        tail.start();
        return this;
    }

    private String cannotCreate() {
        return "cannot create the topic " + topic + " that the full export's replay guard needs (create it with one"
                + " partition and cleanup.policy=compact,delete, or leave http.admin-totp-file empty)";
    }

    private synchronized void apply(ConsumerRecord<String, String> r) {
        long step;
        try {
            step = Long.parseLong(r.value());
        } catch (NumberFormatException e) {
            log.warn("skipping an unreadable TOTP step record at offset {}", r.offset());
            step = Long.MIN_VALUE;
        }
        verdicts.put(r.offset(), step > newest);
        newest = Math.max(newest, step);
        readUpTo = r.offset();
        // Keep only what a claimer may still wait for; older verdicts were taken or belong to others.
        if (verdicts.size() > 10_000) {
            verdicts.keySet().removeIf(o -> o < r.offset() - 10_000);
        }
        notifyAll();
    }

    @Override
    public boolean claim(long step) {
        synchronized (this) {
            if (step <= newest) {
                return false; // already known used: no need to write
            }
        }
        RecordMetadata written;
        try {
            written = producer.send(new ProducerRecord<>(topic, String.valueOf(step), String.valueOf(step)))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unavailable("the used TOTP step could not be written to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while writing the used TOTP step", e);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (this) {
            while (readUpTo < written.offset()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || tail.failed()) {
                    throw new Unavailable("the used TOTP steps on " + topic + " were not read back in " + WAIT, null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(500)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Unavailable("interrupted while reading the used TOTP steps", e);
                }
            }
            Boolean won = verdicts.remove(written.offset());
            return won != null && won;
        }
    }

    @Override
    public void close() {
        tail.close();
        producer.close(Duration.ofSeconds(3));
    }
}
