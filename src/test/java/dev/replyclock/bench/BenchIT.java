package dev.replyclock.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replyclock bench} on a tiny run: it completes, its JSON has exactly the contract's keys plus the four
 * extra ones (the signal latency at half the pipeline's rate, the burst, the delivery beside a dead receiver and
 * with a flaky one), and the burst loses no alert.
 */
class BenchIT {

    @Test
    void tinyBenchWritesTheContractJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).execute("bench", "--messages", "3000",
                "--conversations", "300", "--probes", "50", "--burst-seconds", "4", "--steady-seconds", "2",
                "--json", json.toString());
        assertEquals(0, exit, out.toString());
        JsonNode o = new ObjectMapper().readTree(json.toFile());
        assertEquals(new TreeSet<>(Set.of("messages", "guarantee", "ceiling_records_per_s", "passthrough_records_per_s",
                "pipeline_records_per_s", "ratio", "ratio_to_passthrough", "signal_latency_ms",
                "signal_latency_at_half_pipeline_ms", "delivery_latency_ms",
                "breach_lateness_ms", "heap_bytes_per_open_conversation", "cores", "jvm",
                "burst", "delivery_latency_with_dead_receiver_ms", "delivery_latency_with_flaky_receiver_ms")), names(o));
        assertEquals(Set.of("p50", "p99", "max"), names(o.get("signal_latency_ms")));
        assertEquals(Set.of("p50", "p99", "max"), names(o.get("signal_latency_at_half_pipeline_ms")));
        assertTrue(o.get("signal_latency_at_half_pipeline_ms").get("p99").asLong() >= 0,
                "signal probes at half the pipeline's rate were seen: " + o);
        assertEquals(Set.of("p50", "p99"), names(o.get("delivery_latency_ms")));
        assertEquals(Set.of("p50", "p99"), names(o.get("breach_lateness_ms")));
        assertEquals(3000, o.get("messages").asInt());
        assertEquals("exactly_once_v2", o.get("guarantee").asText());
        assertTrue(o.get("pipeline_records_per_s").asLong() > 0);
        assertTrue(o.get("breach_lateness_ms").get("p99").asLong() >= 0, "every breach probe was seen: " + o);
        assertTrue(o.get("delivery_latency_ms").get("p99").asLong() >= 0, "alerts reached the local webhook: " + o);
        assertTrue(out.toString().contains("replyclock pipeline"), out.toString());

        JsonNode dead = o.get("delivery_latency_with_dead_receiver_ms");
        assertEquals(Set.of("p50", "p99"), names(dead));
        assertTrue(dead.get("p99").asLong() >= 0, "the healthy webhook got alerts beside the dead one: " + o);
        JsonNode flaky = o.get("delivery_latency_with_flaky_receiver_ms");
        assertEquals(Set.of("p50", "p99"), names(flaky));
        assertTrue(flaky.get("p99").asLong() >= 0, "the flaky webhook took alerts at their first call: " + o);

        JsonNode burst = o.get("burst");
        assertEquals(4, burst.get("burst_seconds").asInt());
        assertEquals(10 * burst.get("steady_records_per_s").asLong(), burst.get("burst_records_per_s").asLong());
        assertTrue(burst.get("alerts_expected").asInt() >= 2 * 10 * 8, "probes at 10/s each kind for 8 s: " + burst);
        assertEquals(burst.get("alerts_expected").asInt(), burst.get("alerts_received").asInt(), "no alert lost: " + burst);
        assertEquals(0, burst.get("alerts_lost").asInt());
        assertEquals(0, burst.get("alerts_repeated").asInt(), "no alert twice: " + burst);
        for (String phase : List.of("during", "after")) {
            for (String figure : List.of("signal_latency_ms", "breach_lateness_ms")) {
                JsonNode f = burst.get(phase).get(figure);
                assertEquals(Set.of("count", "p50", "p99", "max"), names(f));
                assertTrue(f.get("count").asInt() > 0 && f.get("max").asLong() >= f.get("p99").asLong(),
                        phase + " " + figure + ": " + f);
            }
        }
    }

    @Test
    void restoreBenchReportsTheFailoverWithoutAndWithAStandby(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("restore.json");
        StringWriter out = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).execute("bench", "--restore",
                "--restore-conversations", "2000", "--json", json.toString());
        assertEquals(0, exit, out.toString());
        JsonNode o = new ObjectMapper().readTree(json.toFile());
        assertEquals(new TreeSet<>(Set.of("restore_seconds", "failover_seconds_with_standby",
                "restore_open_conversations", "partitions", "guarantee", "cores", "jvm")), names(o));
        assertTrue(o.get("restore_seconds").asDouble() > 0, "the survivor fired again after a restore: " + o);
        assertTrue(o.get("failover_seconds_with_standby").asDouble() > 0, "and after a handover to its standby: " + o);
    }

    private static Set<String> names(JsonNode o) {
        List<String> n = new ArrayList<>();
        o.fieldNames().forEachRemaining(n::add);
        return new TreeSet<>(n);
    }
}
