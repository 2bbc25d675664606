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
                    "breaches", "warnings", "escalations"), Set.copyOf(keys), tier);
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
        assertEquals("tier,count,replied,p50_seconds,p90_seconds,p99_seconds,within_target_ratio,breaches,warnings,"
                + "escalations", lines.get(0), "the columns before warnings are those of the first version");
        assertEquals("complaint,2,2,40.0,120.0,120.0,0.5,1,1,0", lines.get(1));
        assertEquals("standard,3,1,600.0,600.0,600.0,1.0,1,1,1", lines.get(3),
                "the replay ends at the last message (13:00): e warned at 12:42, breached at 12:45, rung 1 at 12:55");
    }

    @Test
    void warningsAndEscalationsSentAreCountedPerTier() throws Exception {
        assertEquals(0, run("report", "--from", HISTORY, "--format", "json", "--until", "2026-11-02T14:00:00Z"));
        JsonNode tiers = new ObjectMapper().readTree(out.toString()).get("tiers");
        assertEquals(1, tiers.get("complaint").get("warnings").asInt(), "b warned at 48 s; a was answered at 40 s");
        assertEquals(0, tiers.get("complaint").get("escalations").asInt(), "b was answered a minute after its breach");
        assertEquals(0, tiers.get("urgent").get("warnings").asInt(), "c was answered at 3 minutes of 5");
        assertEquals(2, tiers.get("standard").get("warnings").asInt(), "e and f");
        assertEquals(6, tiers.get("standard").get("escalations").asInt(), "e and f each climbed the 3 rungs");
    }

    @Test
    void byTeamBreaksTheFiguresDownAndConversationsWithoutATeamCountInDefault() throws Exception {
        assertEquals(0, run("report", "--from", HISTORY, "--format", "json", "--until", "2026-11-02T14:00:00Z",
                "--by", "team"));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals("team", root.get("by").asText());
        assertEquals(3, root.get("tiers").get("standard").get("count").asInt(), "the totals are still there");
        JsonNode groups = root.get("groups");
        assertEquals(List.of("billing", "default", "returns"), names(groups));
        JsonNode returns = groups.get("returns").get("tiers");
        assertEquals(2, returns.get("complaint").get("count").asInt());
        assertEquals(1, returns.get("complaint").get("breaches").asInt());
        assertEquals(1, returns.get("complaint").get("warnings").asInt());
        assertEquals(0, returns.get("standard").get("count").asInt());
        assertEquals(1, groups.get("billing").get("tiers").get("urgent").get("count").asInt());
        JsonNode unassigned = groups.get("default").get("tiers").get("standard");
        assertEquals(3, unassigned.get("count").asInt(), "d, e and f have no team");
        assertEquals(6, unassigned.get("escalations").asInt());
    }

    @Test
    void byPolicyUsesThePolicyOfEachDeadline(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("replyclock.yaml");
        Files.writeString(config, """
                sla.policies:
                  - name: email
                    match: {channel: email}
                    targets: {complaint: 5m, urgent: 1h, standard: 4h}
                """);
        assertEquals(0, run("report", "--from", HISTORY, "--format", "json", "--config", config.toString(),
                "--by", "policy"));
        JsonNode groups = new ObjectMapper().readTree(out.toString()).get("groups");
        assertEquals(List.of("default", "email"), names(groups));
        JsonNode email = groups.get("email").get("tiers").get("complaint");
        assertEquals(1, email.get("count").asInt(), "b came by e-mail");
        assertEquals(1.0, email.get("within_target_ratio").asDouble(), "2 minutes is within the e-mail policy's 5");
        assertEquals(0, email.get("warnings").asInt());
        assertEquals(1, groups.get("default").get("tiers").get("complaint").get("count").asInt());
    }

    @Test
    void byChannelInCsvPutsTheChannelInAFirstColumn() {
        assertEquals(0, run("report", "--from", HISTORY, "--format", "csv", "--by", "channel"));
        List<String> lines = out.toString().lines().toList();
        assertEquals("channel,tier,count,replied,p50_seconds,p90_seconds,p99_seconds,within_target_ratio,breaches,"
                + "warnings,escalations", lines.get(0));
        assertEquals(List.of("chat,complaint,1,1,40.0,40.0,40.0,1.0,0,0,0", "chat,urgent,1,1,180.0,180.0,180.0,1.0,0,0,0",
                "chat,standard,3,1,600.0,600.0,600.0,1.0,1,1,1", "email,complaint,1,1,120.0,120.0,120.0,0.0,1,1,0",
                "email,urgent,0,0,,,,,0,0,0", "email,standard,0,0,,,,,0,0,0"), lines.subList(1, lines.size()));
    }

    @Test
    void theTableShowsTheNewColumnsAndEachGroupUnderTheTotals() {
        assertEquals(0, run("report", "--from", HISTORY, "--by", "team"));
        String table = out.toString();
        assertTrue(table.lines().anyMatch(l -> l.startsWith("tier ") && l.endsWith("breaches  warnings  escalations")),
                table);
        assertTrue(table.contains("by team:\n  billing\n    tier "), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("    complaint +2 +2 .*")), "returns' two complaints: " + table);
    }

    @Test
    void anUnknownBreakdownIsUnusableInput() {
        assertEquals(2, run("report", "--from", HISTORY, "--by", "segment"));
        assertTrue(err.toString().contains("--by"), err.toString());
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
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
