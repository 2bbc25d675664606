package dev.replyclock.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.replyclock.model.MutableClock;
import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.testing.TestBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TOTP replay guard shared by instances through one topic on a real broker: two guards stand for two
 * replicas of the daemon, each with its own {@link AdminTotp} on the same secret, as a deployment has.
 */
class SharedTotpStepsIT {

    @RegisterExtension
    static final TestBroker broker = new TestBroker();
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:10Z");

    private final MutableClock clock = new MutableClock(T0);
    private final AdminTotp app = new AdminTotp(SECRET, clock);

    private static SharedTotpSteps guard(String topic) {
        Properties client = broker.client();
        return new SharedTotpSteps(client, topic).start(client, Duration.ofSeconds(60));
    }

    @Test
    void aCodeUsedOnOneInstanceIsRefusedOnAnother() {
        String topic = SharedTotpSteps.topicFor("replayed-elsewhere");
        try (SharedTotpSteps first = guard(topic); SharedTotpSteps second = guard(topic)) {
            AdminTotp one = new AdminTotp(SECRET, clock, first);
            AdminTotp other = new AdminTotp(SECRET, clock, second);
            String code = app.codeAt(clock.instant());

            assertEquals(AdminTotp.Check.OK, one.check(code));
            assertEquals(AdminTotp.Check.REPLAYED, other.check(code), "the code seen on the wire, tried on the other replica");
            assertEquals(AdminTotp.Check.REPLAYED, one.check(code));

            clock.advance(AdminTotp.STEP);
            assertEquals(AdminTotp.Check.OK, other.check(app.codeAt(clock.instant())), "the next code, on either");
            assertEquals(AdminTotp.Check.REPLAYED, one.check(app.codeAt(T0)), "an older step stays refused");
        }
    }

    @Test
    void anInstanceStartedLaterKnowsTheCodesUsedBefore() {
        String topic = SharedTotpSteps.topicFor("restarted");
        String code = app.codeAt(clock.instant());
        try (SharedTotpSteps before = guard(topic)) {
            assertEquals(AdminTotp.Check.OK, new AdminTotp(SECRET, clock, before).check(code));
        }
        try (SharedTotpSteps after = guard(topic)) {
            assertEquals(AdminTotp.Check.REPLAYED, new AdminTotp(SECRET, clock, after).check(code));
        }
    }

    @Test
    void ofTwoInstancesGivenTheSameCodeAtOnceExactlyOneAcceptsIt() throws Exception {
        String topic = SharedTotpSteps.topicFor("raced");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (SharedTotpSteps first = guard(topic); SharedTotpSteps second = guard(topic)) {
            for (int round = 0; round < 5; round++) {
                clock.advance(AdminTotp.STEP);
                String code = app.codeAt(clock.instant());
                AdminTotp one = new AdminTotp(SECRET, clock, first);
                AdminTotp other = new AdminTotp(SECRET, clock, second);
                List<Future<AdminTotp.Check>> both = pool.invokeAll(List.<Callable<AdminTotp.Check>>of(
                        () -> one.check(code), () -> other.check(code)));
                long accepted = 0;
                for (Future<AdminTotp.Check> f : both) {
                    accepted += f.get() == AdminTotp.Check.OK ? 1 : 0;
                }
                assertEquals(1, accepted, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
