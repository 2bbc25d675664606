package dev.replyclock.ops;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka cluster answers, for {@code /health/ready}: Kafka Streams stays RUNNING and the
 * notifier keeps polling while the broker is gone (the clients retry quietly), so neither notices a dead
 * broker. An Admin {@code describeCluster} with a short timeout runs on its own thread every
 * {@code interval}; the probe only reads the last answer, so a dead broker never blocks a request, and a
 * broker that comes back is seen at the next check without any restart. The broker counts as unreachable
 * only when no check has succeeded for {@code unreachableAfter}: one slow answer on a busy machine is not
 * an outage.
 */
public final class BrokerHealth implements AutoCloseable {

    /** The last check's outcome: {@code describe} is for operators, without any customer data. */
    public record Status(boolean reachable, String describe) {
    }

    private final Admin admin;
    private final Duration timeout;
    private final long unreachableAfterNanos;
    private volatile long lastSuccessNanos;
    private volatile String lastFailure = "broker not checked yet";
    private final ScheduledExecutorService checks;

    /**
     * @param client   the daemon's client settings (bootstrap servers, TLS, SASL)
     * @param interval time between two checks
     * @param timeout  how long a check may wait for the cluster
     * @param unreachableAfter how long without a successful check makes the broker unreachable
     */
    public BrokerHealth(Properties client, Duration interval, Duration timeout, Duration unreachableAfter) {
        this.timeout = timeout;
        this.unreachableAfterNanos = unreachableAfter.toNanos();
        Properties p = new Properties();
        p.putAll(client);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "replyclock-health");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // Reconnect quickly once the broker is back, so that readiness recovers within one interval.
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(p);
        this.checks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replyclock-broker-health");
            t.setDaemon(true);
            return t;
        });
        checks.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Status status() {
        long last = lastSuccessNanos;
        if (last != 0 && System.nanoTime() - last < unreachableAfterNanos) {
            return new Status(true, "broker reachable");
        }
        return new Status(false, last == 0 ? lastFailure : lastFailure + " for "
                + Duration.ofNanos(System.nanoTime() - last).toSeconds() + " s");
    }

    private void check() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            if (nodes > 0) {
                lastSuccessNanos = System.nanoTime();
            } else {
                lastFailure = "the cluster reports no broker";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            lastFailure = "broker unreachable (" + e.getCause().getClass().getSimpleName() + ")";
        } catch (Exception e) {
            lastFailure = "broker unreachable (" + e.getClass().getSimpleName() + ")";
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
