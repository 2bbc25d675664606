package dev.replyclock.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@code support.alerts} to every receiver, at least once and deduplicated: one
 * {@link ReceiverWorker} per receiver, each in its own consumer group and thread (a dead receiver lags
 * alone), reading only committed alerts, committing offsets after delivery, and keeping a notification log
 * on a compacted topic so that a restart does not resend what was delivered. A reload can add, replace and
 * remove receivers while the others keep delivering ({@link #updateReceivers}).
 */
public final class Notifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    /** Where the notifier keeps its bookkeeping. */
    public record Topics(String alerts, String undelivered, String notificationLog) {
    }

    /** A running receiver: its worker and the worker's thread. */
    private record Delivery(Receiver receiver, ReceiverWorker worker, Thread thread) {
    }

    /** The running receivers by name; guarded by {@code this}. */
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    /** Threads that stop a removed or replaced receiver, by name; guarded by {@code this}. */
    private final Map<String, Thread> retiring = new LinkedHashMap<>();
    /** Receivers to start once the old worker of their name has stopped; guarded by {@code this}. */
    private final Map<String, Receiver> pending = new LinkedHashMap<>();
    private final KafkaProducer<String, String> logProducer;
    private final KafkaProducer<String, byte[]> undeliveredProducer;
    private final AtomicReference<Route> route;
    private final Properties client;
    private final String applicationId;
    private final Topics topics;
    private final DeliveryPolicy policy;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final SilenceStore silences;
    private final Inhibition inhibition;
    private boolean started;
    private boolean closed;

    /**
     * How the notifier delivers, apart from the receivers (which a reload changes). {@link #of} is every alert to
     * every receiver, no silences, the default inhibition; the {@code with...} methods change that.
     *
     * @param route      the routing tree with its grouping settings; empty: every alert to every receiver
     * @param silences   the active silences; empty: none
     * @param inhibition which pages a firing team overload holds back (its state shared by every receiver)
     */
    public record Settings(Properties client, String applicationId, Topics topics, DeliveryPolicy policy,
                           DeliveryMetrics metrics, Clock clock, Optional<Route> route,
                           Optional<SilenceStore> silences, Inhibition inhibition) {

        public static Settings of(Properties client, String applicationId, Topics topics, DeliveryPolicy policy,
                                  DeliveryMetrics metrics, Clock clock) {
            return new Settings(client, applicationId, topics, policy, metrics, clock, Optional.empty(),
                    Optional.empty(), Inhibition.byDefault());
        }

        public Settings withRoute(Route route) {
            return new Settings(client, applicationId, topics, policy, metrics, clock, Optional.of(route), silences,
                    inhibition);
        }

        public Settings withSilences(SilenceStore silences) {
            return new Settings(client, applicationId, topics, policy, metrics, clock, route, Optional.of(silences),
                    inhibition);
        }

        public Settings withInhibition(Inhibition inhibition) {
            return new Settings(client, applicationId, topics, policy, metrics, clock, route, silences, inhibition);
        }
    }

    public Notifier(Settings settings, List<Receiver> receivers) {
        this.route = new AtomicReference<>(settings.route()
                .orElseGet(() -> Route.everything(receivers.stream().map(Receiver::name).toList())));
        this.client = settings.client();
        this.applicationId = settings.applicationId();
        this.topics = settings.topics();
        this.policy = settings.policy();
        this.metrics = settings.metrics();
        this.clock = settings.clock();
        this.silences = settings.silences().orElse(null); // the workers' convention: null = no silences
        this.inhibition = settings.inhibition();
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-notifier");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0); // bookkeeping of deliveries: no reason to wait for a batch
        this.logProducer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.undeliveredProducer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        for (Receiver r : receivers) {
            deliveries.put(r.name(), delivery(r));
        }
    }

    private Delivery delivery(Receiver r) {
        ReceiverWorker w = new ReceiverWorker(r, client, groupId(r.name()), topics.alerts(),
                topics.undelivered(), new NotificationLog(topics.notificationLog(), r.name(), logProducer),
                undeliveredProducer, policy, metrics, clock, this.route::get, silences, inhibition);
        return new Delivery(r, w, new Thread(w, "replyclock-deliver-" + r.name()));
    }

    private String groupId(String receiver) {
        return applicationId + "-notifier-" + receiver;
    }

    /** A reloaded routing tree (with its grouping settings) applies to the next alerts. */
    public void updateRoute(Route newRoute) {
        route.set(newRoute);
    }

    /**
     * Applies a reloaded {@code alerts.receivers}, leaving the other receivers running untouched.
     * A removed receiver stops: its worker finishes the alerts in hand, records them in the notification log,
     * and closes. A replaced one (same name, new settings) stops the same way, then its new version starts
     * in the same consumer group, from the committed offsets (what the old one had in hand and did not
     * commit is skipped as a duplicate by the notification log). A receiver name never seen before starts
     * at the end of the alerts topic: it gets the alerts from now on, not the history.
     *
     * @param startOrReplace receivers to start, by name: a running one of the same name is replaced
     * @param stop           names of running receivers to remove
     * @throws IllegalStateException when Kafka cannot place a new receiver's group; nothing was changed then
     */
    public synchronized void updateReceivers(List<Receiver> startOrReplace, Set<String> stop) {
        if (closed) {
            throw new IllegalStateException("the notifier is closed");
        }
        // First what can fail (Kafka must answer), so that a failure leaves every receiver as it was.
        for (Receiver fresh : startOrReplace) {
            if (!deliveries.containsKey(fresh.name()) && !retiring.containsKey(fresh.name())) {
                ReceiverStartPosition.atEndIfNew(client, groupId(fresh.name()), topics.alerts());
            }
        }
        for (String name : stop) {
            Delivery old = deliveries.remove(name);
            if (old != null) {
                retire(old);
            }
            Receiver queued = pending.remove(name);
            if (queued != null) {
                queued.close();
            }
        }
        for (Receiver fresh : startOrReplace) {
            Delivery old = deliveries.remove(fresh.name());
            if (old != null || retiring.containsKey(fresh.name())) {
                // Started when the old worker has stopped: never two workers of one receiver at once.
                Receiver queued = pending.put(fresh.name(), fresh);
                if (queued != null) {
                    queued.close();
                }
                if (old != null) {
                    retire(old);
                }
            } else {
                startNow(fresh);
            }
        }
    }

    private void startNow(Receiver r) {
        if (metrics != null) {
            metrics.forgetReceiver(r.name()); // the new worker's gauges, not a stopped one's
        }
        Delivery d = delivery(r);
        deliveries.put(r.name(), d);
        if (started) {
            d.thread().start();
        }
    }

    /**
     * Stops a worker off the reload's thread (it may be in the middle of a retry), then starts what is
     * pending under its name, if anything.
     */
    private void retire(Delivery old) {
        String name = old.receiver().name();
        old.worker().stop();
        Thread t = new Thread(() -> {
            awaitStopped(old);
            old.receiver().close();
            synchronized (this) {
                retiring.remove(name);
                Receiver next = pending.remove(name);
                if (next != null && !closed) {
                    startNow(next);
                    log.info("receiver {} replaced", name);
                } else if (next != null) {
                    next.close();
                } else {
                    if (metrics != null) {
                        metrics.forgetReceiver(name);
                    }
                    log.info("receiver {} removed", name);
                }
            }
        }, "replyclock-retire-" + name);
        t.setDaemon(true);
        retiring.put(name, t);
        t.start();
    }

    private static void awaitStopped(Delivery d) {
        if (d.thread().getState() == Thread.State.NEW) {
            d.worker().consumer().close(Duration.ofSeconds(1));
            return;
        }
        try {
            d.thread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized void start() {
        started = true;
        deliveries.values().forEach(d -> d.thread().start());
    }

    /** True while every receiver's worker polls: the readiness probe's half of "the notifier is consuming". */
    public synchronized boolean isConsuming() {
        return deliveries.values().stream().allMatch(d -> d.worker().isConsuming());
    }

    /**
     * The threads of receivers that ended without being stopped (an error escaped the worker): nothing is
     * delivered to those receivers any more. Empty once the notifier is closing.
     */
    public synchronized List<String> deadWorkers() {
        if (closed) {
            return List.of();
        }
        return deliveries.values().stream().filter(d -> d.thread().getState() == Thread.State.TERMINATED)
                .map(d -> d.thread().getName()).toList();
    }

    public synchronized List<KafkaConsumer<String, byte[]>> consumers() {
        return deliveries.values().stream().map(d -> d.worker().consumer()).toList();
    }

    @Override
    public void close() {
        List<Delivery> all;
        List<Thread> stopping;
        synchronized (this) {
            closed = true;
            all = List.copyOf(deliveries.values());
            stopping = List.copyOf(retiring.values());
        }
        all.forEach(d -> d.worker().stop());
        for (Delivery d : all) {
            try {
                d.thread().join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Delivery d : all) {
            if (d.thread().getState() == Thread.State.NEW) {
                d.worker().consumer().close(Duration.ofSeconds(1));
            }
        }
        for (Thread t : stopping) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        all.forEach(d -> d.receiver().close());
        logProducer.close(Duration.ofSeconds(5));
        undeliveredProducer.close(Duration.ofSeconds(5));
    }
}
