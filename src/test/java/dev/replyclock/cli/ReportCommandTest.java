package dev.replyclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replyclock report}: its formats are contracts. */
class ReportCommandTest {

    private static final String HISTORY = "src/test/resources/report/history.jsonl";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void jsonReportHasExactlyTheContractKeys() throws Exception {
        assertEquals(0, run("report", "--from", HISTORY, "--format", "json", "--until", "2026-11-02T14:00:00Z"));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        JsonNode tiers = root.get("tiers");
        for (String tier : List.of("complaint", "urgent", "standard")) {
            List<String> keys = new ArrayList<>();
            tiers.get(tier).fieldNames().forEachRemaining(keys::add);
            assertEquals(Set.of("count", "replied", "p50_seconds", "p90_seconds", "p99_seconds", "within_target_ratio",
                    "breaches"), Set.copyOf(keys), tier);
        }
        JsonNode complaint = tiers.get("complaint");
        assertEquals(2, complaint.get("count").asInt());
        assertEquals(2, complaint.get("replied").asInt());
        assertEquals(40.0, complaint.get("p50_seconds").asDouble());
        assertEquals(120.0, complaint.get("p99_seconds").asDouble());
        assertEquals(0.5, complaint.get("within_target_ratio").asDouble());
        assertEquals(1, complaint.get("breaches").asInt());
        assertEquals(1, tiers.get("urgent").get("count").asInt());
        assertEquals(1.0, tiers.get("urgent").get("within_target_ratio").asDouble());
        assertEquals(3, tiers.get("standard").get("count").asInt(), "d replied, e and f still open");
        assertEquals(2, tiers.get("standard").get("breaches").asInt(), "e and f waited past 15 minutes");
    }

    @Test
    void csvHasTheDocumentedHeader() {
        assertEquals(0, run("report", "--from", HISTORY, "--format", "csv"));
        List<String> lines = out.toString().lines().toList();
        assertEquals("tier,count,replied,p50_seconds,p90_seconds,p99_seconds,within_target_ratio,breaches", lines.get(0));
        assertTrue(lines.get(1).startsWith("complaint,2,2,40.0,120.0,120.0,0.5,1"), lines.get(1));
    }

    @Test
    void invalidLinesAreReportedWithTheirNumberAndSkipped() {
        assertEquals(0, run("report", "--from", HISTORY));
        assertTrue(err.toString().contains("line 7: skipped: not valid JSON"), err.toString());
        assertTrue(out.toString().contains("longest waits:"), out.toString());
    }

    @Test
    void theTargetsOfTheGivenConfigApply(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("replyclock.yaml");
        Files.writeString(config, "sla.targets.complaint: 3m\nsla.targets.urgent: 5m\n");
        assertEquals(0, run("report", "--from", HISTORY, "--format", "json", "--config", config.toString()));
        JsonNode complaint = new ObjectMapper().readTree(out.toString()).get("tiers").get("complaint");
        assertEquals(1.0, complaint.get("within_target_ratio").asDouble(), "both complaints answered within 3 minutes");
        assertEquals(0, complaint.get("breaches").asInt());
    }

    @Test
    void untilEndsTheReplay() throws Exception {
        assertEquals(0, run("report", "--from", HISTORY, "--format", "json", "--until", "2026-11-02T10:30:00Z"));
        JsonNode tiers = new ObjectMapper().readTree(out.toString()).get("tiers");
        assertEquals(2, tiers.get("complaint").get("count").asInt());
        assertEquals(0, tiers.get("urgent").get("count").asInt(), "the urgent message came after --until");
    }

    @Test
    void aMissingHistoryFileIsUnusableInput(@TempDir Path dir) {
        assertEquals(2, run("report", "--from", dir.resolve("nope.jsonl").toString()));
        assertTrue(err.toString().contains("file not found"), err.toString());
    }

    @Test
    void aSourceIsRequired() {
        assertEquals(2, run("report"));
        assertTrue(err.toString().contains("--from"), err.toString());
    }
}
