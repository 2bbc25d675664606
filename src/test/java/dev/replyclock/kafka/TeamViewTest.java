package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.config.MetricLabels;
import dev.replyclock.config.TeamViewSettings;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.MutableClock;
import dev.replyclock.model.TeamAlert;
import dev.replyclock.model.Tier;
import dev.replyclock.testing.TopologyHarness;
import io.micrometer.core.instrument.Gauge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team view: overload alerts when a team's complaint and urgent conversations pile up, and a digest of
 * each team's open conversations every period, driven through the whole topology with a MutableClock.
 */
class TeamViewTest {

    /** Ten minutes into the 09:00 period of an hourly digest. */
    private static final Instant T0 = Instant.parse("2026-11-24T09:10:00Z");
    private static final Instant NEXT_PERIOD = Instant.parse("2026-11-24T10:00:00Z");
    private static final String COMPLAINT = "Mon colis est arrivé cassé";
    private static final String URGENT = "This is urgent, where is my order?";
    private static final String STANDARD = "What sizes do you have?";

    @TempDir
    Path stateDirs;
    private final List<Pipeline> pipelines = new ArrayList<>();

    @AfterEach
    void stop() {
        pipelines.forEach(p -> p.h.close());
    }

    /** The teams the configuration would name (policies, routes, languages): the team label values. */
    private static final MetricLabels LABELS = new MetricLabels(Set.copyOf(MetricLabels.CONTRACT_CHANNELS),
            Set.of("support-fr", "billing"));

    /** One topology in a TopologyTestDriver, with its own clock, metrics and state. */
    private final class Pipeline {
        final MutableClock clock = new MutableClock(T0);
        final TopologyHarness h;
        final TestOutputTopic<String, Alert> overloadState;

        Pipeline(TeamViewSettings teams) throws Exception {
            this(teams, ReplyclockTopology.DEFAULT_RETENTION);
        }

        Pipeline(TeamViewSettings teams, Duration retention) throws Exception {
            h = TopologyHarness.setup("team-test", Files.createTempDirectory(stateDirs, "state"), clock).labels(LABELS)
                    .pipeline(p -> p.withRetention(retention).withTeamView(teams)).start();
            overloadState = h.driver().createOutputTopic(TopologyHarness.TOPICS.overload(), new StringDeserializer(),
                    new AlertSerde().deserializer());
            pipelines.add(this);
        }

        void send(String conv, String team, String direction, String text) {
            String json = "{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\"" + conv
                    + "\",\"direction\":\"" + direction + "\",\"channel\":\"chat\",\"from\":\"x\",\"text\":\"" + text
                    + "\",\"sentAt\":\"" + clock.instant() + "\""
                    + (team == null ? "" : ",\"team\":\"" + team + "\"") + "}";
            h.in().pipeInput(conv.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
        }

        void advance(Duration d) {
            h.advance(d);
        }

        /** The team alerts written to support.alerts since the last call (conversation alerts skipped). */
        List<KeyValue<String, Alert>> teamAlerts() {
            return h.alerts().readKeyValuesToList().stream().filter(kv -> kv.value.kind().isTeamKind()).toList();
        }

        double overloadedGauge(String team) {
            Gauge g = h.registry().find("replyclock.team.overloaded").tag("team", team).gauge();
            return g == null ? Double.NaN : g.value();
        }
    }

    private static List<String> ids(Alert a) {
        return ((TeamAlert) a).conversations().stream().map(Alert.OpenConversation::conversationId).toList();
    }

    @Test
    void overloadFiresWhenOpenComplaintsAndUrgentReachTheThreshold() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(3, Duration.ZERO));
        p.send("c1", "support-fr", "inbound", COMPLAINT);
        p.send("c2", "support-fr", "inbound", URGENT);
        for (int i = 0; i < 5; i++) {
            p.send("s" + i, "support-fr", "inbound", STANDARD); // standard waits do not count
        }
        p.send("o1", "billing", "inbound", COMPLAINT); // nor do another team's
        assertEquals(List.of(), p.teamAlerts(), "2 of 3: not yet");

        p.send("c3", "support-fr", "inbound", URGENT);

        List<KeyValue<String, Alert>> fired = p.teamAlerts();
        assertEquals(1, fired.size(), fired.toString());
        assertEquals("team:support-fr", fired.get(0).key);
        Alert overload = fired.get(0).value;
        assertEquals(AlertKind.OVERLOAD, overload.kind());
        assertEquals(1, overload.level(), "level 1 = firing");
        assertEquals("support-fr", overload.team());
        assertTrue(overload instanceof TeamAlert, "about the team, no one conversation");
        assertEquals(Tier.COMPLAINT, overload.tier(), "the most severe tier among them");
        assertEquals(List.of("c1", "c2", "c3"), ids(overload));
        assertEquals(1.0, p.overloadedGauge("support-fr"));
        KeyValue<String, Alert> state = p.overloadState.readKeyValue();
        assertEquals("support-fr", state.key, "the overload topic is keyed by team");
        assertEquals(overload, state.value);

        p.send("c4", "support-fr", "inbound", COMPLAINT);
        assertEquals(List.of(), p.teamAlerts(), "one alert while it fires, not one per conversation");
        assertTrue(p.overloadState.isEmpty());
        assertEquals(1.0, p.h.registry().get("replyclock.alerts").tag("kind", "overload").counter().count());
    }

    @Test
    void overloadEndsWhenTheTeamCatchesUp() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(2, Duration.ZERO));
        p.send("c1", "support-fr", "inbound", COMPLAINT);
        p.send("c2", "support-fr", "inbound", URGENT);
        Alert firing = p.teamAlerts().get(0).value;
        p.overloadState.readKeyValuesToList();
        p.advance(Duration.ofMinutes(3));

        p.send("c1", "support-fr", "outbound", "Sorry, a new one is on its way");

        List<KeyValue<String, Alert>> ended = p.teamAlerts();
        assertEquals(1, ended.size(), ended.toString());
        Alert over = ended.get(0).value;
        assertEquals(AlertKind.OVERLOAD, over.kind());
        assertEquals(0, over.level(), "level 0 = over");
        assertEquals(firing.deadline(), over.deadline(), "about the same overload");
        assertNotEquals(firing.id(), over.id());
        assertEquals(List.of("c2"), ids(over), "what is still open");
        assertEquals(0.0, p.overloadedGauge("support-fr"));
        KeyValue<String, Alert> state = p.overloadState.readKeyValue();
        assertEquals("support-fr", state.key);
        assertEquals(0, state.value.level(), "the notifier reads the team's last state: over");

        p.send("c5", "support-fr", "inbound", URGENT);
        Alert again = p.teamAlerts().get(0).value;
        assertEquals(1, again.level(), "back at the threshold: a new overload");
        assertNotEquals(firing.id(), again.id());
    }

    @Test
    void overloadListsTheOldestWaitsFirst() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(55, Duration.ZERO));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            // names in reverse alphabetical order of their age: the store's key order is not the answer
            String conv = "conv-" + (char) ('z' - i % 26) + i;
            sent.add(conv);
            p.send(conv, "support-fr", "inbound", i % 2 == 0 ? URGENT : COMPLAINT);
            p.advance(Duration.ofSeconds(1));
        }
        Alert overload = p.teamAlerts().get(0).value;
        assertEquals(sent.subList(0, 50), ids(overload), "the 50 oldest waits, oldest first");
        Instant previous = Instant.MIN;
        for (Alert.OpenConversation c : ((TeamAlert) overload).conversations()) {
            assertTrue(!c.openedAt().isBefore(previous));
            previous = c.openedAt();
            assertTrue(c.deadline().isAfter(c.openedAt()));
        }
    }

    @Test
    void conversationsWithoutATeamBelongToTheDefaultTeam() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(2, Duration.ZERO));
        p.send("c1", null, "inbound", COMPLAINT);
        p.send("c2", null, "inbound", URGENT);
        KeyValue<String, Alert> fired = p.teamAlerts().get(0);
        assertEquals("team:default", fired.key);
        assertEquals("default", fired.value.team());
    }

    @Test
    void aConversationThatMovesToAnotherTeamLeavesTheOldOne() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(2, Duration.ZERO));
        p.send("c1", "support-fr", "inbound", COMPLAINT);
        p.send("c2", "support-fr", "inbound", URGENT);
        assertEquals(1, p.teamAlerts().get(0).value.level());
        p.send("c2", "billing", "inbound", URGENT);
        Alert over = p.teamAlerts().get(0).value;
        assertEquals("support-fr", over.team());
        assertEquals(0, over.level());
        assertEquals(List.of("c1"), ids(over));
    }

    @Test
    void aTeamNameUnfitForAMetricLabelIsCountedAsOther() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(1, Duration.ZERO));
        p.send("c1", "équipe/nord", "inbound", COMPLAINT);
        assertEquals("équipe/nord", p.teamAlerts().get(0).value.team(), "the alert keeps the name");
        assertEquals(1.0, p.overloadedGauge("other"));
    }

    @Test
    void overloadThresholdZeroNeverFires() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(0, Duration.ZERO));
        for (int i = 0; i < 30; i++) {
            p.send("c" + i, "support-fr", "inbound", COMPLAINT);
        }
        assertEquals(List.of(), p.teamAlerts());
        assertTrue(p.overloadState.isEmpty());
    }

    @Test
    void digestListsOpenConversationsByTierOldestFirst() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(0, Duration.ofHours(1)));
        p.send("s-old", "support-fr", "inbound", STANDARD);
        p.advance(Duration.ofMinutes(1));
        p.send("u1", "support-fr", "inbound", URGENT);
        p.advance(Duration.ofMinutes(1));
        p.send("c-old", "support-fr", "inbound", COMPLAINT);
        p.advance(Duration.ofMinutes(1));
        p.send("a-replied", "support-fr", "inbound", COMPLAINT);
        p.send("c-new", "support-fr", "inbound", COMPLAINT);
        p.send("b1", "billing", "inbound", STANDARD);
        p.advance(Duration.ofMinutes(1));
        p.send("a-replied", "support-fr", "outbound", "Done");
        p.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), p.teamAlerts(), "no digest before the period ends");

        p.advance(Duration.between(p.clock.instant(), NEXT_PERIOD));

        List<KeyValue<String, Alert>> digests = p.teamAlerts();
        assertEquals(2, digests.size(), digests.toString());
        Alert billing = digests.stream().filter(kv -> kv.key.equals("team:billing")).findFirst().orElseThrow().value;
        Alert support = digests.stream().filter(kv -> kv.key.equals("team:support-fr")).findFirst().orElseThrow().value;
        assertEquals(AlertKind.DIGEST, support.kind());
        assertEquals(List.of("c-old", "c-new", "u1", "s-old"), ids(support), "complaints, urgent, standard; oldest first");
        assertEquals(Tier.COMPLAINT, support.tier(), "the most severe tier present");
        assertEquals(NEXT_PERIOD, support.deadline(), "about the period that begins");
        assertEquals(List.of("b1"), ids(billing));
        assertEquals(Tier.STANDARD, billing.tier());
        assertTrue(p.overloadState.isEmpty(), "digests are not overload state");
        assertEquals(1.0, p.h.registry().get("replyclock.alerts").tag("kind", "digest").tag("tier", "complaint")
                .counter().count());
    }

    @Test
    void teamWithoutOpenConversationsGetsNoDigest() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(0, Duration.ofHours(1)));
        p.send("c1", "support-fr", "inbound", COMPLAINT);
        p.send("c2", "billing", "inbound", STANDARD);
        p.advance(Duration.ofMinutes(2));
        p.send("c1", "support-fr", "outbound", "Sorry about that");

        p.advance(Duration.between(p.clock.instant(), NEXT_PERIOD));

        List<KeyValue<String, Alert>> digests = p.teamAlerts();
        assertEquals(List.of("team:billing"), digests.stream().map(kv -> kv.key).toList());
        p.send("c2", "billing", "outbound", "S to XL");
        p.advance(Duration.ofHours(1));
        assertEquals(List.of(), p.teamAlerts(), "nobody waits any more: no digest");
    }

    @Test
    void digestIdIsStableWithinAPeriod() throws Exception {
        Pipeline early = new Pipeline(new TeamViewSettings(0, Duration.ofHours(1)));
        Pipeline late = new Pipeline(new TeamViewSettings(0, Duration.ofHours(1)));
        for (Pipeline p : List.of(early, late)) {
            p.send("c1", "support-fr", "inbound", URGENT);
            p.send("c2", "support-fr", "inbound", STANDARD);
        }
        early.advance(Duration.between(T0, NEXT_PERIOD));
        Alert atStart = early.teamAlerts().get(0).value;
        for (int i = 0; i < 3; i++) {
            early.advance(Duration.ofMinutes(i < 2 ? 20 : 19)); // ticks through the rest of the period
        }
        assertEquals(List.of(), early.teamAlerts(), "one digest per period");
        // The same period's digest computed 59 minutes later (a restart, another instance) has the same id.
        late.advance(Duration.between(T0, NEXT_PERIOD.plus(Duration.ofMinutes(59))));
        Alert atEnd = late.teamAlerts().get(0).value;
        assertEquals(atStart.id(), atEnd.id());
        assertNotEquals(atStart.createdAt(), atEnd.createdAt());

        early.advance(Duration.ofMinutes(1));
        Alert next = early.teamAlerts().get(0).value;
        assertEquals(NEXT_PERIOD.plus(Duration.ofHours(1)), next.deadline());
        assertNotEquals(atStart.id(), next.id(), "the next period's digest is a new alert");
    }

    @Test
    void aTeamNameWithU0000FromAnotherWriterStaysItsOwnTeam() throws Exception {
        // Ingest refuses control characters; a record on the team-load topic from before that (or from another
        // writer) must still not fall into another team's range of the store ("a" + U+0000 + ...).
        Pipeline p = new Pipeline(new TeamViewSettings(0, Duration.ofHours(1)));
        var loads = p.h.driver().createInputTopic(ReplyclockTopology.teamLoadTopic("team-test"),
                new org.apache.kafka.common.serialization.StringSerializer(), new TeamLoadSerde().serializer());
        Instant at = p.clock.instant();
        loads.pipeInput("a", new TeamLoad("c-a", Tier.COMPLAINT, at, at.plusSeconds(60), true));
        loads.pipeInput("a\u0000b", new TeamLoad("c-ab", Tier.COMPLAINT, at, at.plusSeconds(60), true));

        p.advance(Duration.between(p.clock.instant(), NEXT_PERIOD));

        Map<String, List<String>> listed = new java.util.TreeMap<>();
        p.teamAlerts().forEach(kv -> listed.put(kv.key, ids(kv.value)));
        assertEquals(Map.of("team:a", List.of("c-a"), "team:a\uFFFDb", List.of("c-ab")), listed);
    }

    @Test
    void aTeamWithoutOpenConversationsForTheRetentionIsForgottenAndAnActiveOneKept() throws Exception {
        Pipeline p = new Pipeline(new TeamViewSettings(0, Duration.ofHours(1)), Duration.ofDays(2));
        p.send("r1", "returns", "inbound", COMPLAINT);
        p.advance(Duration.ofMinutes(2));
        p.send("r1", "returns", "outbound", "Bonjour");
        KeyValueStore<String, Long> digests = p.h.driver().getKeyValueStore(ReplyclockTopology.TEAM_DIGEST_STORE);
        assertNotNull(digests.get("returns"), "the team is known");

        p.advance(Duration.ofDays(1));
        p.send("b1", "billing", "inbound", COMPLAINT); // still waiting for a reply when the sweep comes
        p.advance(Duration.ofDays(1).plusHours(2));

        assertNull(digests.get("returns"), "idle for more than the retention: forgotten");
        assertNotNull(digests.get("billing"), "a team with an open conversation is kept");
        p.send("r2", "returns", "inbound", COMPLAINT);
        assertNotNull(digests.get("returns"), "a team that comes back is known again");
    }
}
