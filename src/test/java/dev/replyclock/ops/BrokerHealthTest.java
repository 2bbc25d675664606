package dev.replyclock.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Without a broker to answer, the health check reports it unreachable, with the reason, and never blocks. */
class BrokerHealthTest {

    @Test
    void aBrokerThatNeverAnsweredIsUnreachableAndSaysWhy() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Properties client = new Properties();
        client.put("bootstrap.servers", "127.0.0.1:" + port);
        try (BrokerHealth health = new BrokerHealth(client, Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofSeconds(5))) {
            assertFalse(health.status().reachable(), health.status().describe());
            await().atMost(Duration.ofSeconds(10)).until(() -> health.status().describe().startsWith("broker unreachable"));
            assertFalse(health.status().reachable());
        }
    }
}
