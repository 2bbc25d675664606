package dev.replyclock.cli;

import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.model.Direction;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.privacy.SecretFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A one-minute tour: the daemon on a fresh embedded broker with shortened targets, fed a scripted set of
 * conversations, so that a signal, a warning, a breach, an escalation and a resolution show on the console.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the daemon on a fresh embedded broker and feeds it sample conversations",
                "(targets shortened: complaint 10s, urgent 20s, standard 30s) so the alerts show within a minute."})
final class DemoCommand implements Callable<Integer> {

    /** One scripted message: at {@code at} seconds of demo time. */
    record Step(int at, String conversationId, Direction direction, String channel, String text) {
    }

    static final List<Step> SCRIPT = List.of(
            new Step(0, "demo-price-fr", Direction.INBOUND, "whatsapp",
                    "Bonjour, combien coûte la robe portefeuille en taille 38 ?"),
            new Step(1, "demo-urgent-en", Direction.INBOUND, "chat",
                    "Hi, this is urgent: when will my order #4411 ship? I need it before Saturday."),
            new Step(2, "demo-complaint-fr", Direction.INBOUND, "email",
                    "Bonjour, mon colis est arrivé cassé, le vase est en morceaux. Je demande un remboursement."),
            new Step(3, "demo-unanswered-en", Direction.INBOUND, "instagram",
                    "Do you have the linen shirt in size M?"),
            new Step(6, "demo-price-fr", Direction.OUTBOUND, "whatsapp",
                    "Bonjour ! Elle est à 49 €, et la taille 38 est en stock."),
            new Step(19, "demo-urgent-en", Direction.OUTBOUND, "chat",
                    "It ships today and arrives Thursday. Sorry for the wait!"),
            new Step(30, "demo-complaint-fr", Direction.OUTBOUND, "email",
                    "Toutes nos excuses : un remplacement part aujourd'hui et le remboursement est lancé."));
    static final int SCRIPT_SECONDS = 46;

    static final Map<String, String> DEMO_OVERRIDES = new LinkedHashMap<>();

    static {
        DEMO_OVERRIDES.put("kafka.embedded.port", "0");
        DEMO_OVERRIDES.put("http.port", "0");
        DEMO_OVERRIDES.put("sla.targets.complaint", "10s");
        DEMO_OVERRIDES.put("sla.targets.urgent", "20s");
        DEMO_OVERRIDES.put("sla.targets.standard", "30s");
        DEMO_OVERRIDES.put("sla.escalation.every", "10s");
        DEMO_OVERRIDES.put("sla.escalation.max-level", "2");
        DEMO_OVERRIDES.put("alerts.receivers", "[{name: console, type: log, path: '-', format: text}]");
    }

    @Option(names = "--exit-after-script", description = "stop when the script is over instead of waiting for Ctrl-C")
    boolean exitAfterScript;

    @Option(names = "--via-intake", description = {"feed the script through the webhook intake (POST /ingest/messages,",
            "on a free port with a generated token) instead of producing to Kafka"})
    boolean viaIntake;

    @Option(names = "--speed", hidden = true, defaultValue = "1", description = "run demo time this many times faster")
    double speed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("replyclock-demo-");
        Map<String, String> overrides = new LinkedHashMap<>(DEMO_OVERRIDES);
        overrides.put("kafka.embedded.data-dir", work.resolve("kafka").toString());
        overrides.put("kafka.state-dir", work.resolve("streams").toString());
        overrides.put("privacy.pseudonym-key-file", work.resolve("pseudonym.key").toString());
        if (viaIntake) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            Path token = work.resolve("ingest-token");
            // owner-only, as the daemon wants its secret files (it warns about others)
            SecretFiles.createIfAbsent(token, java.util.Base64.getEncoder().encodeToString(random)
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            overrides.put("ingest.http.port", "0");
            overrides.put("ingest.http.token-file", token.toString());
        }
        ReplyclockConfig cfg;
        try {
            cfg = ConfigLoader.builtIn(overrides);
        } catch (ConfigException e) {
            return RunCommand.reportInvalid(spec, "(demo)", e);
        }
        Clock clock = speed == 1 ? Clock.systemUTC() : new ScaledClock(speed);
        PrintWriter out = spec.commandLine().getOut();
        try {
            return RunCommand.runUntilStopped(spec, cfg, null, clock, daemon -> play(daemon, cfg, clock, out), exitAfterScript);
        } finally {
            deleteQuietly(work);
        }
    }

    private void play(Daemon daemon, ReplyclockConfig cfg, Clock clock, PrintWriter out) {
        out.println();
        out.println("Demo: targets complaint 10s, urgent 20s, standard 30s; warning at 80%; escalation every 10s.");
        out.println("Watch for SIGNAL, WARNING, BREACH, ESCALATION and RESOLVED lines below.");
        out.flush();
        MessageCodec codec = new MessageCodec();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, daemon.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        long startNanos = System.nanoTime();
        if (viaIntake) {
            out.println("Fed through the webhook intake: POST " + daemon.intakeBaseUrl() + "/ingest/messages");
        }
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            int n = 0;
            for (Step step : SCRIPT) {
                sleepUntil(startNanos, step.at());
                SupportMessage m = new SupportMessage("demo-msg-" + (++n), step.conversationId(), step.direction(),
                        step.channel(), step.direction() == Direction.INBOUND ? "customer@example.com" : "agent",
                        step.text(), clock.instant().atOffset(ZoneOffset.UTC));
                if (viaIntake) {
                    postToIntake(daemon, cfg, codec.encode(m));
                } else {
                    producer.send(new ProducerRecord<>(cfg.kafka().topics().messages(), m.conversationId(),
                            codec.encode(m))).get();
                }
                out.printf("  t+%02ds  %s  %-19s %s%n", step.at(),
                        step.direction() == Direction.INBOUND ? "customer ->" : "staff    <-", step.conversationId(),
                        step.text());
                out.flush();
            }
            sleepUntil(startNanos, SCRIPT_SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the demo script failed: " + e.getMessage(), e);
        }
        out.println();
        out.println("Demo script finished. Metrics: " + daemon.httpBaseUrl() + "/metrics"
                + (exitAfterScript ? "" : "  (the daemon keeps running; Ctrl-C to stop)"));
        out.flush();
    }

    /** As any system that can POST JSON would feed replyclock: the intake answers once the broker has it. */
    private static void postToIntake(Daemon daemon, ReplyclockConfig cfg, byte[] message) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(daemon.intakeBaseUrl() + "/ingest/messages"))
                        .header("Authorization", "Bearer " + Files.readString(cfg.intake().tokenFile()).trim())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(message)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the intake answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private void sleepUntil(long startNanos, int demoSeconds) throws InterruptedException {
        long dueNanos = startNanos + (long) (Duration.ofSeconds(demoSeconds).toNanos() / speed);
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp directory: the OS cleans up what is left
        }
    }
}
