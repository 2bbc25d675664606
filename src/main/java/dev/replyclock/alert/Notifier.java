package dev.replyclock.alert;

import dev.replyclock.ops.ReplyclockMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers {@code support.alerts} to every receiver, at least once and deduplicated: one
 * {@link ReceiverWorker} per receiver, each in its own consumer group and thread (a dead receiver lags
 * alone), reading only committed alerts, committing offsets after delivery, and keeping a notification log
 * on a compacted topic so that a restart does not resend what was delivered.
 */
public final class Notifier implements AutoCloseable {

    /** Where the notifier keeps its bookkeeping. */
    public record Topics(String alerts, String undelivered, String notificationLog) {
    }

    private final List<ReceiverWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Receiver> receivers;
    private final KafkaProducer<String, String> logProducer;
    private final KafkaProducer<String, byte[]> undeliveredProducer;
    private final AtomicReference<Route> route;

    /** Every alert to every receiver. */
    public Notifier(Properties client, String applicationId, Topics topics, List<Receiver> receivers,
                    DeliveryPolicy policy, ReplyclockMetrics metrics, Clock clock) {
        this(client, applicationId, topics, receivers, policy, metrics, clock,
                Route.everything(receivers.stream().map(Receiver::name).toList()), null);
    }

    /** @param silences active silences, or null for none */
    public Notifier(Properties client, String applicationId, Topics topics, List<Receiver> receivers,
                    DeliveryPolicy policy, ReplyclockMetrics metrics, Clock clock, Route route, SilenceStore silences) {
        this(client, applicationId, topics, receivers, policy, metrics, clock, route, silences, Inhibition.byDefault());
    }

    /**
     * @param silences   active silences, or null for none
     * @param inhibition which pages a firing team overload holds back (its state shared by every receiver)
     */
    public Notifier(Properties client, String applicationId, Topics topics, List<Receiver> receivers,
                    DeliveryPolicy policy, ReplyclockMetrics metrics, Clock clock, Route route, SilenceStore silences,
                    Inhibition inhibition) {
        this.route = new AtomicReference<>(route);
        this.receivers = List.copyOf(receivers);
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-notifier");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0); // bookkeeping of deliveries: no reason to wait for a batch
        this.logProducer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.undeliveredProducer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        for (Receiver r : receivers) {
            ReceiverWorker w = new ReceiverWorker(r, client, applicationId + "-notifier-" + r.name(), topics.alerts(),
                    topics.undelivered(), new NotificationLog(topics.notificationLog(), r.name(), logProducer),
                    undeliveredProducer, policy, metrics, clock, this.route::get, silences, inhibition);
            workers.add(w);
            threads.add(new Thread(w, "replyclock-deliver-" + r.name()));
        }
    }

    /** A reloaded routing tree (with its grouping settings) applies to the next alerts. */
    public void updateRoute(Route newRoute) {
        route.set(newRoute);
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    /** True while every receiver's worker polls: the readiness probe's half of "the notifier is consuming". */
    public boolean isConsuming() {
        return workers.stream().allMatch(ReceiverWorker::isConsuming);
    }

    public List<KafkaConsumer<String, byte[]>> consumers() {
        return workers.stream().map(ReceiverWorker::consumer).toList();
    }

    @Override
    public void close() {
        workers.forEach(ReceiverWorker::stop);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).getState() == Thread.State.NEW) {
                workers.get(i).consumer().close(Duration.ofSeconds(1));
            }
        }
        receivers.forEach(Receiver::close);
        logProducer.close(Duration.ofSeconds(5));
        undeliveredProducer.close(Duration.ofSeconds(5));
    }
}
