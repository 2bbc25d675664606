package dev.replyclock.cli;

import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.model.DurationParser;
import dev.replyclock.privacy.ErasureMessages;
import dev.replyclock.privacy.PseudonymKey;
import dev.replyclock.privacy.Pseudonymizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forget", mixinStandardHelpOptions = true,
        description = {"Right to erasure: removes one customer's conversation state from the running daemon and "
                + "prints what was removed.",
                "The ID is pseudonymized exactly as ingest does (the config's privacy.pseudonym-key-file and "
                        + "privacy.default-region), so give it in any spelling (+33 6 12..., 06 12..., an e-mail).",
                "Against the embedded broker (kafka.bootstrap-servers: embedded) the daemon must be running.",
                "It cannot erase what is already on topics (messages, alerts): their retention bounds those.",
                "Exits 0 when done, 1 on timeout or a Kafka failure, 2 on bad usage or config."})
final class ForgetCommand implements Callable<Integer> {

    @Option(names = "--customer", required = true, paramLabel = "ID",
            description = "the customer's identifier as it arrives in \"from\" (phone number, e-mail, handle) or its cust_ pseudonym")
    String customer;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/replyclock.yaml",
            description = "the daemon's config file (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: the config's kafka.bootstrap-servers; localhost:<kafka.embedded.port> for the embedded broker)")
    String bootstrap;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "how long to wait for the daemon's answer (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = DurationParser.parse(value).orElseThrow(
                    () -> new CommandLine.TypeConversionException("'" + value + "': use " + DurationParser.FORMAT));
            if (d.isZero() || d.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + value + "': the timeout must be positive");
            }
            return d;
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (customer.isBlank()) {
            err.println("--customer: give the customer's identifier (phone number, e-mail address, handle)");
            return Main.EXIT_INVALID;
        }
        ReplyclockConfig cfg;
        try {
            cfg = Files.exists(config) ? ConfigLoader.load(config, System.getenv()) : null;
        } catch (ConfigException e) {
            return RunCommand.reportInvalid(spec, config.toString(), e);
        }
        if (cfg == null) {
            err.println("--config: " + config + " does not exist; give the daemon's config file");
            return Main.EXIT_INVALID;
        }
        Pseudonymizer pseudonymizer;
        try {
            pseudonymizer = new Pseudonymizer(PseudonymKey.load(cfg.privacy().pseudonymKeyFile()),
                    cfg.privacy().defaultRegion());
        } catch (IOException | IllegalArgumentException e) {
            err.println("privacy.pseudonym-key-file: " + e.getMessage()
                    + "; forget needs the daemon's key to find the customer's pseudonym");
            return Main.EXIT_INVALID;
        }
        String servers = bootstrap != null ? bootstrap
                : cfg.kafka().embedded() ? "localhost:" + cfg.kafka().embeddedPort() : cfg.kafka().bootstrapServers();
        ErasureMessages.Request request = new ErasureMessages.Request(UUID.randomUUID().toString(),
                pseudonymizer.pseudonym(customer), Clock.systemUTC().instant());
        try {
            return forget(cfg, cfg.kafka().clientConfig(servers), request, out, err);
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            err.println("cannot reach Kafka at " + servers + ": " + e.getMessage()
                    + (cfg.kafka().embedded() && bootstrap == null ? " (is the daemon running? its embedded broker is needed)" : ""));
            return 1;
        }
    }

    private int forget(ReplyclockConfig cfg, Properties client, ErasureMessages.Request request, PrintWriter out,
                       PrintWriter err) throws ExecutionException, TimeoutException, InterruptedException {
        String requests = cfg.kafka().topics().privacyRequests();
        String results = cfg.kafka().topics().privacyResults();
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties c = new Properties();
        c.putAll(client);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // only what the daemon committed
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE));
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1000));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis() / 2, 500));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            // Read the results from their current end, taken before the request is sent: no answer is missed.
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(results, timeout).forEach(pi -> partitions.add(new TopicPartition(results, pi.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(tp -> consumer.position(tp, timeout));
            producer.send(new ProducerRecord<>(requests, request.customer(), ErasureMessages.encode(request)))
                    .get(remaining(deadline), TimeUnit.MILLISECONDS);

            ErasureMessages.Result summary = null;
            Map<String, ErasureMessages.Removed> removed = new LinkedHashMap<>();
            while (summary == null || removed.size() < summary.conversations()) {
                long left = remaining(deadline);
                if (left <= 1) {
                    err.println("no complete answer within " + DurationParser.format(timeout) + " for customer "
                            + request.customer() + " (request " + request.requestId() + ")"
                            + (summary == null ? "" : ": " + removed.size() + " of " + summary.conversations()
                            + " conversations erased so far")
                            + "; is the daemon running and consuming " + requests + "?");
                    if (!removed.isEmpty()) {
                        out.println("erased so far: " + describe(removed));
                    }
                    return 1;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(Math.min(left, 500)))) {
                    if (!request.requestId().equals(r.key())) {
                        continue;
                    }
                    var result = ErasureMessages.decodeResult(r.value()).orElse(null);
                    if (result == null) {
                        continue;
                    }
                    if (result.isSummary()) {
                        summary = result;
                    } else {
                        removed.put(result.conversationId(), result.removed());
                    }
                }
            }
            out.println("forgot customer " + request.customer() + ": " + summary.conversations()
                    + (summary.conversations() == 1 ? " conversation" : " conversations")
                    + (removed.isEmpty() ? " (nothing was kept)" : " (" + describe(removed) + ")"));
            return 0;
        }
    }

    private static String describe(Map<String, ErasureMessages.Removed> removed) {
        List<String> parts = new ArrayList<>();
        removed.forEach((conv, what) -> parts.add(conv + ": " + what.description()));
        return String.join(", ", parts);
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
