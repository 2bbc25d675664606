package dev.replyclock.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka source of one receiver's {@link DeliveryPipeline}, on its own thread and in its own consumer group
 * ({@code <application-id>-notifier-<receiver>}), so that a slow or dead receiver only delays itself: it polls
 * the alerts topic, hands each alert to the pipeline, lets the pipeline send what is due between polls, and
 * commits.
 *
 * <p>At least once survives grouping and retries: offsets are committed explicitly, per partition no further
 * than the lowest offset the pipeline still holds, and only once the notification log is durable, so a crash
 * re-reads every held alert (and the notification log skips what was already sent).
 */
final class ReceiverWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReceiverWorker.class);
    /** The longest poll: held groups are flushed between polls, so a due group waits at most this long. */
    private static final Duration MAX_POLL = Duration.ofMillis(200);
    /** The most alerts the lane holds before this worker stops reading (a dead receiver lags in Kafka, not here). */
    private static final int LANE_LIMIT = 1_000;

    private final String receiver;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String alertsTopic;
    private final NotificationLog notificationLog;
    private final Clock clock;
    private final Properties client;
    private final DeliveryPipeline pipeline;
    /** Per partition: the offset after the last record handled, and the offset last committed. */
    private final Map<Integer, Long> handledUpTo = new HashMap<>();
    private final Map<Integer, Long> committed = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile long lastPollNanos;
    private volatile boolean polled;
    private final AtomicLong queueDepth = new AtomicLong();

    /** @param silences active silences, or null for none */
    ReceiverWorker(Receiver receiver, Properties client, String groupId, String alertsTopic, String undeliveredTopic,
                   NotificationLog notificationLog, KafkaProducer<String, byte[]> undelivered,
                   DeliveryPolicy policy, DeliveryMetrics metrics, Clock clock,
                   Supplier<Route> route, SilenceStore silences, Inhibition inhibition) {
        this.receiver = receiver.name();
        this.client = client;
        this.alertsTopic = alertsTopic;
        this.notificationLog = notificationLog;
        this.clock = clock;
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000); // a crashed instance's receivers move over sooner
        // A round of first tries to a receiver that times out, before its breaker opens, must fit in one interval.
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.pipeline = new DeliveryPipeline(receiver, route, silences == null ? a -> false : silences::mutes,
                inhibition, notificationLog, new UndeliveredTopic(undelivered, undeliveredTopic, receiver.name()),
                policy, metrics, clock, new SplittableRandom());
        metrics.deliveryQueue(receiver.name(), queueDepth::get);
        metrics.receiverAtZero(receiver.name()); // every series of the receiver on /metrics from the start
    }

    KafkaConsumer<String, byte[]> consumer() {
        return consumer;
    }

    boolean isConsuming() {
        // A poll may wait for a round of calls (max.poll.interval 30 min): older than that, it is stuck.
        return polled && running.get() && System.nanoTime() - lastPollNanos < Duration.ofMinutes(31).toNanos();
    }

    @Override
    public void run() {
        try {
            notificationLog.load(client);
            consumer.subscribe(List.of(alertsTopic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Their new owner re-reads from the committed offset, which is never past a held alert.
                    commitHandled(false);
                    List<Integer> gone = partitions.stream().map(TopicPartition::partition).toList();
                    pipeline.dropPartitions(gone);
                    gone.forEach(p -> {
                        handledUpTo.remove(p);
                        committed.remove(p);
                    });
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout());
                lastPollNanos = System.nanoTime();
                polled = true;
                // This receiver's queue is its consumer group's lag on the alerts topic, plus what it holds.
                long lag = records.count() + pipeline.heldCount();
                for (TopicPartition tp : consumer.assignment()) {
                    lag += consumer.currentLag(tp).orElse(0);
                }
                queueDepth.set(lag);
                for (ConsumerRecord<String, byte[]> r : records) {
                    pipeline.accept(r.value(), new GroupBuffer.Position(r.partition(), r.offset()));
                    handledUpTo.put(r.partition(), r.offset() + 1);
                }
                if (!pipeline.sendDue(running::get)) {
                    running.set(false); // interrupted in a call: what it held stays uncommitted
                }
                pauseWhileTheLaneIsFull();
                commitHandled(true);
            }
        } catch (WakeupException e) {
            if (running.get()) {
                log.error("receiver {} stopped", receiver, e);
            }
        } catch (RuntimeException e) {
            log.error("receiver {} stopped", receiver, e);
        } finally {
            running.set(false);
            try {
                commitHandled(false);
            } catch (RuntimeException e) {
                log.debug("receiver {}: last commit on the way out failed: {}", receiver, e.toString());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Short polls, shorter still when a held group or a retry is due sooner. */
    private Duration pollTimeout() {
        return pipeline.nextDue().map(due -> {
            Duration left = Duration.between(clock.instant(), due);
            return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_POLL) < 0 ? left : MAX_POLL;
        }).orElse(MAX_POLL);
    }

    private void pauseWhileTheLaneIsFull() {
        if (pipeline.waitingToSend() >= LANE_LIMIT) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /**
     * Commits, per partition, the offset after the last handled record, or the lowest offset the pipeline still
     * holds if that is lower; the notification log is made durable first.
     *
     * @param async in the poll loop the next batch need not wait for the commit's round trip (a commit lost to
     *              a crash or a rebalance only means a redelivery, which the already durable log skips); on the
     *              way out the commit is synchronous
     */
    private void commitHandled(boolean async) {
        Map<Integer, Long> held = pipeline.lowestHeldOffsets();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Map.Entry<Integer, Long> e : handledUpTo.entrySet()) {
            long target = Math.min(e.getValue(), held.getOrDefault(e.getKey(), Long.MAX_VALUE));
            if (target > committed.getOrDefault(e.getKey(), -1L)) {
                offsets.put(new TopicPartition(alertsTopic, e.getKey()), new OffsetAndMetadata(target));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        pipeline.flushLog();
        if (async) {
            consumer.commitAsync(offsets, (done, e) -> {
                if (e != null) {
                    log.debug("receiver {}: offset commit failed, the log covers it: {}", receiver, e.toString());
                }
            });
        } else {
            consumer.commitSync(offsets);
        }
        offsets.forEach((tp, o) -> committed.put(tp.partition(), o.offset()));
    }

    void stop() {
        running.set(false);
        consumer.wakeup();
    }
}
