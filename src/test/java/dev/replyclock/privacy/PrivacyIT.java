package dev.replyclock.privacy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.replyclock.cli.Daemon;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.model.MutableClock;
import dev.replyclock.testing.CapturedLogs;
import dev.replyclock.testing.InProcessDaemon;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A whole run with planted personal data: a phone number, an e-mail address and a sentence, in good
 * messages and in a poison record. Every log line of the run (replyclock at TRACE) and every alert is
 * searched: none of them may appear.
 */
class PrivacyIT {

    private static final String PHONE = "+33 6 98 76 54 32";
    private static final String EMAIL = "planted.secret@example.org";
    private static final String TEXT = "Zorglub-planted-sentence";

    @TempDir
    Path work;

    @Test
    void noPlantedPhoneEmailOrTextReachesLogsOrAlerts() throws Exception {
        Logger ours = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.replyclock");
        Level oursBefore = ours.getLevel();
        ours.setLevel(Level.TRACE);
        Path alerts = work.resolve("alerts.jsonl");
        List<ILoggingEvent> events;
        try (CapturedLogs captured = new CapturedLogs()) {
            ReplyclockConfig cfg = ConfigLoader.builtIn(InProcessDaemon.settings(work,
                    Map.of("alerts.receivers", InProcessDaemon.logReceiver(alerts))));
            MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
            try (Daemon daemon = Daemon.start(cfg, clock, new PrintStream(PrintStream.nullOutputStream()));
                 KafkaProducer<String, byte[]> producer = InProcessDaemon.producer(daemon)) {
                String text = TEXT + " mon colis est arrivé cassé, appelez le " + PHONE + " ou " + EMAIL;
                send(producer, "p1", message("p1", PHONE, text, clock.instant()));
                send(producer, "p2", message("p2", EMAIL, "URGENT " + TEXT, clock.instant()));
                send(producer, "p3", ("{oops " + TEXT + " " + PHONE + " " + EMAIL).getBytes(StandardCharsets.UTF_8));
                send(producer, "p4", ("{\"messageId\":\"x\",\"conversationId\":\"p4\",\"direction\":\"" + TEXT
                        + "\"}").getBytes(StandardCharsets.UTF_8));
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(alerts)
                        && Files.readAllLines(alerts).size() >= 2);
                clock.advance(Duration.ofMinutes(10));
                // the complaint and the urgent message both breach
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.readAllLines(alerts).size() >= 4);
            }
            events = captured.events();
        } finally {
            ours.setLevel(oursBefore);
        }
        assertTrue(events.stream().anyMatch(e -> e.getFormattedMessage().contains("dead-letter")),
                "the poison record was logged (by its reason)");
        String alertText = Files.readString(alerts);
        for (String secret : List.of(PHONE, "698765432", EMAIL, TEXT)) {
            for (ILoggingEvent e : events) {
                assertFalse(render(e).contains(secret), "log line leaks '" + secret + "': " + render(e));
            }
            assertFalse(alertText.contains(secret), "an alert leaks '" + secret + "'");
        }
    }

    private static String render(ILoggingEvent e) {
        StringBuilder b = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            b.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return b.toString();
    }

    private static byte[] message(String conv, String from, String text, Instant at) {
        return ("{\"messageId\":\"" + conv + "\",\"conversationId\":\"" + conv + "\",\"direction\":\"inbound\","
                + "\"channel\":\"sms\",\"from\":\"" + from + "\",\"text\":\"" + text + "\",\"sentAt\":\"" + at + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>("support.messages", key, value)).get();
    }
}
