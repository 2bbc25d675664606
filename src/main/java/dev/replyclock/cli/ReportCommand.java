package dev.replyclock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.ingest.DecodeResult;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.Replay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Replays a message history with simulated time through the SLA engine and prints, per tier:",
                "count, replied, reply time p50/p90/p99, share within target, breaches, warnings and escalations",
                "sent, and the longest waits; with --by, the same per team, policy or channel.",
                "Reply time runs from the first unanswered customer message to the next staff reply."})
final class ReportCommand implements Callable<Integer> {

    enum Format { json, csv, table }

    /** A breakdown of the waits: by the conversation's team, the policy of its deadline, or its channel. */
    enum By {
        team, policy, channel;

        String of(Replay.Wait w) {
            return switch (this) {
                // A conversation without a team counts in "default", as in the team view.
                case team -> w.team() == null ? "default" : w.team();
                case policy -> w.policy();
                case channel -> w.channel();
            };
        }
    }

    private static final Tier[] ORDER = {Tier.COMPLAINT, Tier.URGENT, Tier.STANDARD};

    @Option(names = "--from", paramLabel = "FILE|-", description = "a JSONL history (the message contract)")
    String from;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "read the history from Kafka instead")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "support.messages", description = "with --bootstrap (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(names = "--config", paramLabel = "FILE", description = "use the targets, policies and rules of this config (default: built-in)")
    Path config;

    @Option(names = "--format", defaultValue = "table", description = "json, csv or table (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--until", paramLabel = "INSTANT", description = "end of the replay, ISO-8601 (default: the last message)")
    Instant until;

    @Option(names = "--by", paramLabel = "team|policy|channel",
            description = "also break the figures down by team, policy or channel")
    By by;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if ((from == null) == (bootstrap == null)) {
            err.println("give either --from FILE|- or --bootstrap HOST:PORT");
            return Main.EXIT_INVALID;
        }
        if (from != null && !"-".equals(from) && !java.nio.file.Files.isReadable(Path.of(from))) {
            err.println("--from " + from + ": file not found or not readable");
            return Main.EXIT_INVALID;
        }
        ReplyclockConfig cfg;
        try {
            cfg = config == null ? ConfigLoader.builtIn(Map.of()) : ConfigLoader.load(config, System.getenv());
            List<SupportMessage> history = from != null ? readFile(err) : readTopic(err);
            List<Replay.Wait> waits = new Replay(cfg.policies(), Daemon.classifier(cfg)).run(history, until);
            print(waits, history.size());
            return 0;
        } catch (ConfigException e) {
            return RunCommand.reportInvalid(spec, String.valueOf(config), e);
        }
    }

    private List<SupportMessage> readFile(PrintWriter err) throws IOException {
        MessageCodec codec = new MessageCodec();
        List<SupportMessage> out = new ArrayList<>();
        try (BufferedReader in = "-".equals(from)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(from), StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                DecodeResult r = codec.decode(line.getBytes(StandardCharsets.UTF_8));
                if (r instanceof DecodeResult.Valid v) {
                    out.add(v.message());
                } else {
                    err.println("line " + n + ": skipped: " + ((DecodeResult.Invalid) r).detail());
                }
            }
        }
        return out;
    }

    /** Reads the topic from its beginning to its end at the time of the call. */
    private List<SupportMessage> readTopic(PrintWriter err) {
        MessageCodec codec = new MessageCodec();
        int skipped = 0;
        List<SupportMessage> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (codec.decode(r.value()) instanceof DecodeResult.Valid v) {
                        out.add(v.message());
                    } else {
                        skipped++;
                    }
                }
            }
        }
        if (skipped > 0) {
            err.println(skipped + " record(s) of " + topic + " are not valid messages and were skipped");
        }
        return out;
    }

    private void print(List<Replay.Wait> waits, int messages) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<Tier, Replay.TierStats> stats = Replay.stats(waits);
        Map<String, Map<Tier, Replay.TierStats>> groups = new TreeMap<>();
        if (by != null) {
            waits.stream().collect(Collectors.groupingBy(by::of)).forEach((g, of) -> groups.put(g, Replay.stats(of)));
        }
        List<Replay.Wait> longest = waits.stream()
                .sorted(Comparator.comparing(Replay.Wait::waited).reversed()).limit(5).toList();
        switch (format) {
            case json -> {
                ObjectMapper m = JsonMapper.builder().build();
                ObjectNode root = m.createObjectNode();
                putTiers(root.putObject("tiers"), stats);
                ArrayNode lw = root.putArray("longest_waits");
                longest.forEach(w -> lw.addObject().put("conversationId", w.conversationId())
                        .put("tier", w.tier().wireName()).put("seconds", w.waited().toMillis() / 1000.0)
                        .put("replied", w.replied()));
                if (by != null) {
                    root.put("by", by.name());
                    ObjectNode byGroup = root.putObject("groups");
                    groups.forEach((g, s) -> putTiers(byGroup.putObject(g).putObject("tiers"), s));
                }
                out.println(m.writeValueAsString(root));
            }
            case csv -> {
                // With --by, one row per group and tier, the group in a first column named after the breakdown.
                out.println((by == null ? "" : by.name() + ",")
                        + "tier,count,replied,p50_seconds,p90_seconds,p99_seconds,within_target_ratio,breaches,"
                        + "warnings,escalations");
                if (by == null) {
                    csvRows(out, "", stats);
                } else {
                    groups.forEach((g, s) -> csvRows(out, csvField(g) + ",", s));
                }
            }
            default -> {
                out.printf("%,d messages, %,d waits%n", messages, waits.size());
                tableRows(out, "", stats);
                out.println("longest waits:");
                longest.forEach(w -> out.printf("  %-24s %-9s %10s %s%n", w.conversationId(), w.tier().wireName(),
                        human(w.waited().toMillis() / 1000.0), w.replied() ? "replied" : "still open"));
                if (by != null) {
                    out.println("by " + by.name() + ":");
                    groups.forEach((g, s) -> {
                        out.println("  " + g);
                        tableRows(out, "    ", s);
                    });
                }
            }
        }
        out.flush();
    }

    private static void putTiers(ObjectNode tiers, Map<Tier, Replay.TierStats> stats) {
        for (Tier t : ORDER) {
            Replay.TierStats s = stats.get(t);
            tiers.putObject(t.wireName())
                    .put("count", s.count())
                    .put("replied", s.replied())
                    .put("p50_seconds", s.p50())
                    .put("p90_seconds", s.p90())
                    .put("p99_seconds", s.p99())
                    .put("within_target_ratio", s.withinTargetRatio())
                    .put("breaches", s.breaches())
                    .put("warnings", s.warnings())
                    .put("escalations", s.escalations());
        }
    }

    private static void csvRows(PrintWriter out, String prefix, Map<Tier, Replay.TierStats> stats) {
        for (Tier t : ORDER) {
            Replay.TierStats s = stats.get(t);
            out.println(prefix + String.join(",", t.wireName(), String.valueOf(s.count()), String.valueOf(s.replied()),
                    csv(s.p50()), csv(s.p90()), csv(s.p99()), csv(s.withinTargetRatio()),
                    String.valueOf(s.breaches()), String.valueOf(s.warnings()), String.valueOf(s.escalations())));
        }
    }

    /** A group name as a CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
    private static String csvField(String v) {
        return v.matches("[^,\"\r\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** The tier table: a header line, then a row per tier, each line starting with {@code indent}. */
    private static void tableRows(PrintWriter out, String indent, Map<Tier, Replay.TierStats> stats) {
        out.printf("%s%-10s %7s %8s %9s %9s %9s %14s %9s %9s %12s%n", indent, "tier", "count", "replied", "p50", "p90",
                "p99", "within target", "breaches", "warnings", "escalations");
        for (Tier t : ORDER) {
            Replay.TierStats s = stats.get(t);
            out.printf("%s%-10s %7d %8d %9s %9s %9s %14s %9d %9d %12d%n", indent, t.wireName(), s.count(), s.replied(),
                    human(s.p50()), human(s.p90()), human(s.p99()),
                    s.withinTargetRatio() == null ? "-" : String.format("%.1f%%", 100 * s.withinTargetRatio()),
                    s.breaches(), s.warnings(), s.escalations());
        }
    }

    private static String csv(Double v) {
        return v == null ? "" : String.valueOf(v);
    }

    private static String human(Double seconds) {
        if (seconds == null) {
            return "-";
        }
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" + String.format("%02ds", s % 60)
                : s / 3600 + "h" + String.format("%02dm", s % 3600 / 60);
    }
}
