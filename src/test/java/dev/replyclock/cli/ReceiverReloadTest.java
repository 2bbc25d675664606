package dev.replyclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.alert.Receiver;
import dev.replyclock.alert.ReceiverConfig;
import dev.replyclock.alert.ReceiverFactory;
import dev.replyclock.config.ConfigException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reload of alerts.receivers changes, decided before anything runs. */
class ReceiverReloadTest {

    @TempDir
    Path dir;

    private final ReceiverFactory factory = new ReceiverFactory(new Properties(), Clock.systemUTC(),
            new PrintStream(PrintStream.nullOutputStream()));

    private ReceiverConfig log(String name, String file) {
        return new ReceiverConfig(name, "log", dir.resolve(file).toString(), "json");
    }

    @Test
    void unchangedReceiversAreLeftAloneChangedAndNewOnesBuiltMissingOnesStopped() throws Exception {
        List<ReceiverConfig> running = List.of(log("same", "a.jsonl"), log("changed", "b.jsonl"), log("gone", "c.jsonl"));
        ReceiverReload plan = ReceiverReload.plan(running,
                List.of(log("same", "a.jsonl"), log("changed", "b2.jsonl"), log("new", "d.jsonl")), factory, false);
        assertEquals(List.of("changed", "new"), plan.startOrReplace().stream().map(Receiver::name).toList());
        assertEquals(Set.of("gone"), plan.stop());
        plan.discard();
        ReceiverReload unchanged = ReceiverReload.plan(running, running, factory, false);
        assertTrue(unchanged.startOrReplace().isEmpty() && unchanged.stop().isEmpty(), "nothing changes");
    }

    @Test
    void aChangedAlertTextRebuildsEveryReceiverStillListed() throws Exception {
        List<ReceiverConfig> running = List.of(log("same", "a.jsonl"), log("gone", "c.jsonl"));
        ReceiverReload plan = ReceiverReload.plan(running, List.of(log("same", "a.jsonl")), factory, true);
        assertEquals(List.of("same"), plan.startOrReplace().stream().map(Receiver::name).toList());
        assertEquals(Set.of("gone"), plan.stop());
        plan.discard();
    }

    @Test
    void aReceiverThatCannotBeBuiltRefusesTheWholeReloadNamingIt() throws Exception {
        Path notADirectory = dir.resolve("file");
        Files.writeString(notADirectory, "x");
        List<ReceiverConfig> running = List.of(log("same", "a.jsonl"));
        ConfigException e = assertThrows(ConfigException.class, () -> ReceiverReload.plan(running, List.of(
                log("new", "d.jsonl"), new ReceiverConfig("broken", "log", notADirectory.resolve("x.jsonl").toString(),
                        "json")), factory, false));
        assertEquals("alerts.receivers[1]", e.problems().get(0).key());
        assertEquals("broken", e.problems().get(0).value());
        assertTrue(e.problems().get(0).fix().contains("nothing was reloaded"), e.problems().toString());
    }
}
