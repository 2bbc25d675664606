package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.cli.Main;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.model.MutableClock;
import dev.replyclock.privacy.ArchiveKeyset;
import dev.replyclock.privacy.ErasureMessages;
import dev.replyclock.privacy.Pseudonymizer;
import dev.replyclock.privacy.S3ArchiveStore;
import dev.replyclock.privacy.S3Target;
import dev.replyclock.privacy.StateArchive;
import dev.replyclock.testing.S3Server;
import dev.replyclock.testing.TopologyHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The right to erasure (customer index, forget request, erase in the SLA processor) and the encrypted archive
 * of expired state, on the real topology in a TopologyTestDriver.
 */
class ErasureTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(90);
    private static final String APP = "erasure-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private final MutableClock clock = new MutableClock(T0);
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(new byte[32], "FR");
    private TopologyHarness h;
    private TestInputTopic<String, byte[]> requests;
    private TestOutputTopic<String, String> results;
    private KeyValueStore<String, Object> clocks;

    private void start(Optional<StateArchive> archive) {
        h = TopologyHarness.setup(APP, work.resolve("state"), clock).isolatingRecords() // as the daemon runs
                .pipeline(p -> p.withRetention(RETENTION).withPseudonymizer(pseudonymizer).withErasure(archive))
                .start();
        requests = h.driver().createInputTopic(TopologyHarness.TOPICS.privacyRequests(), new StringSerializer(),
                new ByteArraySerializer());
        results = h.driver().createOutputTopic(TopologyHarness.TOPICS.privacyResults(), new StringDeserializer(),
                new StringDeserializer());
        clocks = h.store(ReplyclockTopology.CLOCKS_STORE);
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private void send(String conv, String direction, String from, String text) {
        String json = "{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\"" + conv
                + "\",\"direction\":\"" + direction + "\",\"channel\":\"chat\",\"from\":\"" + from + "\",\"text\":\""
                + text + "\",\"sentAt\":\"" + clock.instant() + "\"}";
        h.in().pipeInput(conv.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a forget request as the command does, and returns the results of that request. */
    private List<JsonNode> forget(String customerId) throws Exception {
        ErasureMessages.Request request = new ErasureMessages.Request(UUID.randomUUID().toString(),
                pseudonymizer.pseudonym(customerId), clock.instant());
        requests.pipeInput(request.customer(), ErasureMessages.encode(request));
        List<JsonNode> out = new ArrayList<>();
        for (KeyValue<String, String> kv : results.readKeyValuesToList()) {
            assertEquals(request.requestId(), kv.key, "results are keyed by request id");
            out.add(JSON.readTree(kv.value));
        }
        return out;
    }

    private double open() {
        return h.registry().find("replyclock.open.conversations").gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    private double pendingWakeUps() {
        return h.registry().find("replyclock.deadline.index.size").gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    private List<String> customerIndexKeys() {
        List<String> keys = new ArrayList<>();
        KeyValueStore<String, Long> index = h.store(ReplyclockTopology.CUSTOMER_INDEX_STORE);
        try (KeyValueIterator<String, Long> it = index.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void forgetRemovesEveryConversationOfTheCustomer() throws Exception {
        start(Optional.empty());
        send("c-1", "inbound", "+33612345678", "Where is my parcel?");
        send("c-7", "inbound", "+33 6 12 34 56 78", "Do you ship to Belgium?");
        send("c-7", "outbound", "agent-4", "Yes we do");
        send("c-9", "inbound", "bob@example.com", "What sizes do you have?");
        assertEquals(2.0, open(), "c-1 and c-9 wait for a reply");

        List<JsonNode> answer = forget("06 12 34 56 78"); // the same number, written as the customer says it

        JsonNode summary = answer.get(0);
        assertEquals("summary", summary.path("type").asText());
        assertEquals(pseudonymizer.pseudonym("+33612345678"), summary.path("customer").asText());
        assertEquals(2, summary.path("conversations").asInt());
        Map<String, String> removed = new HashMap<>();
        answer.stream().skip(1).forEach(r -> {
            assertEquals("conversation", r.path("type").asText());
            removed.put(r.path("conversationId").asText(), r.path("removed").asText());
        });
        assertEquals(Map.of("c-1", "open-clock", "c-7", "closed-marker"), removed);
        assertNull(clocks.get("c-1"));
        assertNull(clocks.get("c-7"));
        assertNotNull(clocks.get("c-9"), "another customer's conversation is kept");
        h.advance(Duration.ofMillis(SlaProcessor.TICK_MILLIS)); // the gauge is read at each tick
        assertEquals(1.0, pendingWakeUps(), "the erased conversations have no wake-up left: only c-9's");
        assertEquals(List.of(pseudonymizer.pseudonym("bob@example.com") + "\u0000c-9"), customerIndexKeys());
        assertEquals(1.0, open(), "the open-conversations gauge no longer counts c-1");

        h.alertJson().readKeyValuesToList();
        for (int minute = 1; minute <= 16; minute++) {
            h.advance(Duration.ofMinutes(1));
        }
        List<String> alerted = h.alertJson().readKeyValuesToList().stream().map(kv -> kv.key).distinct().toList();
        assertEquals(List.of("c-9"), alerted, "an erased conversation raises no warning or breach");

        List<JsonNode> again = forget("+33612345678");
        assertEquals(1, again.size());
        assertEquals(0, again.get(0).path("conversations").asInt(), "nothing is left to forget");
    }

    @Test
    void forgettingAWaitingConversationClosesTheIncidentsItOpened() throws Exception {
        start(Optional.empty());
        send("c-3", "inbound", "+33612345678", "C'est inadmissible, je veux un remboursement");
        h.advance(Duration.ofMinutes(2)); // signal, then breach: one deadline, one incident
        List<JsonNode> raised = new ArrayList<>();
        for (KeyValue<String, String> kv : h.alertJson().readKeyValuesToList()) {
            raised.add(JSON.readTree(kv.value));
        }
        assertTrue(raised.size() >= 2, raised.toString());

        forget("+33612345678");

        List<KeyValue<String, String>> after = h.alertJson().readKeyValuesToList();
        assertEquals(1, after.size(), after.toString());
        JsonNode closed = JSON.readTree(after.get(0).value);
        assertEquals("c-3", after.get(0).key);
        assertEquals("closed", closed.path("kind").asText());
        assertEquals("erased", closed.path("reason").asText());
        assertEquals(raised.get(0).path("deadline").asText(), closed.path("deadline").asText(), "the incident's dedup key");
        assertFalse(after.get(0).value.contains("+336"), "an alert holds no customer identifier");
    }

    @Test
    void forgetOfAnUnknownCustomerSaysNothingRemoved() throws Exception {
        start(Optional.empty());
        send("c-2", "inbound", "alice@example.com", "Hello?");

        List<JsonNode> answer = forget("nobody@example.com");

        assertEquals(1, answer.size(), "only the summary: no conversation was erased");
        assertEquals("summary", answer.get(0).path("type").asText());
        assertEquals(0, answer.get(0).path("conversations").asInt());
        assertNotNull(clocks.get("c-2"));
        assertEquals(1.0, open());
    }

    @Test
    void aConversationErasedWithNothingLeftSaysNothing() throws Exception {
        start(Optional.empty());
        send("c-3", "inbound", "alice@example.com", "Hello?");
        send("c-3", "outbound", "agent", "Hi");
        h.advance(RETENTION.plusMinutes(1)); // the state expires; the customer index still knows the conversation

        List<JsonNode> answer = forget("ALICE@example.com");

        assertEquals(1, answer.get(0).path("conversations").asInt());
        assertEquals("nothing", answer.get(1).path("removed").asText());
    }

    @Test
    void aRequestThatIsNotOneIsIgnoredAndTheNextIsAnswered() throws Exception {
        start(Optional.empty());
        send("c-4", "inbound", "alice@example.com", "Hello?");
        requests.pipeInput("cust_x", "not json".getBytes(StandardCharsets.UTF_8));
        requests.pipeInput("someone", "{\"requestId\":\"r\",\"customer\":\"cust_y\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(results.isEmpty());

        List<JsonNode> answer = forget("alice@example.com");

        assertEquals(1, answer.get(0).path("conversations").asInt());
        assertEquals("open-clock", answer.get(1).path("removed").asText());
    }

    @Test
    void aStrayRecordOnTheEraseTopicIsSkipped() throws Exception {
        start(Optional.empty());
        send("c-8", "inbound", "alice@example.com", "Hello?");
        TestInputTopic<String, String> erase = h.driver().createInputTopic(PrivacyOptions.eraseTopic(APP),
                new StringSerializer(), new StringSerializer());
        erase.pipeInput("c-8", "not an erase command");
        assertNotNull(clocks.get("c-8"), "nothing erased");
        assertTrue(results.isEmpty());
        send("c-8", "outbound", "agent", "Hi");
        assertEquals(0.0, open(), "the stream goes on");
    }

    @Test
    void theCustomerIndexExpiresAfterRetentionLikeTheState() {
        start(Optional.empty());
        send("c-5", "inbound", "alice@example.com", "Hello?");
        send("c-5", "outbound", "agent", "Hi");
        assertEquals(1, customerIndexKeys().size());
        h.advance(RETENTION.plus(CustomerIndexProcessor.GRACE).minusMinutes(1));
        assertEquals(1, customerIndexKeys().size());
        h.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), customerIndexKeys(), "the index does not outlive the data");
    }

    @Test
    void expiredStateIsArchivedEncryptedBeforeDeletion() throws Exception {
        Path dir = work.resolve("archive");
        Path keyset = work.resolve("keys/archive-keyset.json");
        start(Optional.of(StateArchive.open(dir, keyset, clock)));
        assertTrue(Files.exists(keyset), "the keyset is created on first start");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keyset)), "owner-only, like the pseudonym key");
        send("c-arch-42", "inbound", "alice@example.com", "Mon colis est arrivé cassé");
        send("c-arch-42", "outbound", "agent", "Désolé");
        send("c-arch-43", "inbound", "bob@example.com", "Do you ship to Belgium?");
        for (int minute = 1; minute <= 46; minute++) {
            h.advance(Duration.ofMinutes(1)); // c-arch-43's ladder: warning, breach, three escalations
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing archived before retention ends");
        }

        h.advance(RETENTION);

        assertNull(clocks.get("c-arch-42"));
        assertNull(clocks.get("c-arch-43"));
        List<Path> archives;
        try (Stream<Path> files = Files.list(dir)) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), "one file for the tick's batch, no temporary file left: " + archives);
        Path archive = archives.get(0);
        String name = archive.getFileName().toString();
        assertTrue(name.startsWith("replyclock-20270222T") && name.endsWith(StateArchive.SUFFIX), name);
        byte[] bytes = Files.readAllBytes(archive);
        assertFalse(contains(bytes, "c-arch-4"), "the conversation id is not in clear");
        assertFalse(contains(bytes, "standard"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("archive-read", "--keyset", keyset.toString(), archive.toString());
        assertEquals(0, exit, err.toString());
        Map<String, JsonNode> lines = new HashMap<>();
        for (String line : out.toString().split("\n")) {
            JsonNode o = JSON.readTree(line);
            lines.put(o.path("conversationId").asText(), o);
        }
        assertEquals(2, lines.size(), out.toString());
        JsonNode closed = lines.get("c-arch-42");
        assertEquals(T0.toString(), closed.path("repliedAt").asText());
        assertTrue(closed.path("tier").isMissingNode(), "a closed marker holds only its reply time");
        JsonNode unanswered = lines.get("c-arch-43");
        assertEquals("standard", unanswered.path("tier").asText());
        assertEquals(T0.toString(), unanswered.path("openedAt").asText());
        assertEquals(T0.plus(Duration.ofMinutes(15)).toString(), unanswered.path("deadline").asText());
        assertEquals("default", unanswered.path("policy").asText());
        assertTrue(unanswered.path("expiredAt").isTextual());
        assertFalse(out.toString().contains("Belgium"), "never the text");
        assertFalse(out.toString().contains("bob@"), "never the customer");
        assertEquals(2.0, h.registry().get("replyclock.expired.conversations").counter().count());

        Path otherKeyset = work.resolve("other-keyset.json");
        ArchiveKeyset.loadOrCreate(otherKeyset);
        StringWriter err2 = new StringWriter();
        assertEquals(1, Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err2))
                .execute("archive-read", "--keyset", otherKeyset.toString(), archive.toString()), "a wrong keyset fails");
        assertTrue(err2.toString().contains("wrong keyset"), err2.toString());

        Path renamed = Files.copy(archive, dir.resolve("renamed" + StateArchive.SUFFIX));
        assertEquals(1, Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(new StringWriter()))
                .execute("archive-read", "--keyset", keyset.toString(), renamed.toString()),
                "the file name is authenticated: a renamed archive does not decrypt");
    }

    @Test
    void expiredStateIsUploadedToS3AndVerifiedBeforeDeletionAndArchiveReadReadsItBack() throws Exception {
        try (S3Server s3 = S3Server.start(work.resolve("s3"))) {
            s3.createBucket("archives");
            Path keyset = work.resolve("keys/archive-keyset.json");
            Path config = Files.writeString(work.resolve("replyclock.yaml"), "privacy.archive.target: s3://archives/eu/replyclock\n"
                    + "privacy.archive.s3.endpoint: " + s3.endpoint() + "\n"
                    + "privacy.archive.s3.path-style: true\n"
                    + "privacy.archive.s3.credentials-file: " + s3.credentialsFile(work) + "\n"
                    + "privacy.archive.keyset-file: " + keyset + "\n");
            S3Target target = ConfigLoader.load(config, Map.of()).privacy().archiveS3();
            start(Optional.of(StateArchive.open(new S3ArchiveStore(target), keyset, clock)));
            send("c-s3-1", "inbound", "alice@example.com", "Mon colis est arrivé cassé");
            send("c-s3-1", "outbound", "agent", "Désolé");

            h.advance(RETENTION.plusMinutes(1));

            assertNull(clocks.get("c-s3-1"), "deleted once stored");
            List<String> keys = s3.keys("archives");
            assertEquals(1, keys.size(), keys.toString());
            assertTrue(keys.get(0).startsWith("eu/replyclock/replyclock-") && keys.get(0).endsWith(StateArchive.SUFFIX), keys.get(0));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("archive-read", "--keyset", keyset.toString(), "--config", config.toString(),
                            "s3://archives/" + keys.get(0));
            assertEquals(0, exit, err.toString());
            JsonNode line = JSON.readTree(out.toString().strip());
            assertEquals("c-s3-1", line.path("conversationId").asText());
            assertEquals(T0.toString(), line.path("repliedAt").asText());
        }
    }

    @Test
    void whileTheS3StoreIsDownNothingIsDeletedAndTheUploadIsRetriedLater() throws Exception {
        try (S3Server s3 = S3Server.start(work.resolve("s3"))) {
            s3.createBucket("archives");
            S3Target target = S3Target.parse("s3://archives").orElseThrow()
                    .with(s3.endpoint(), "", true, s3.credentialsFile(work));
            start(Optional.of(StateArchive.open(new S3ArchiveStore(target), work.resolve("keyset.json"), clock)));
            send("c-s3-2", "inbound", "alice@example.com", "Hello?");
            send("c-s3-2", "outbound", "agent", "Hi");
            s3.stop();

            h.advance(RETENTION.plusMinutes(1));

            assertNotNull(clocks.get("c-s3-2"), "not archived, so not deleted");
            assertNull(h.registry().find("replyclock.expired.conversations").counter(), "nothing counted as expired");
            s3.start();
            assertEquals(List.of(), s3.keys("archives"), "nothing half-stored while it was down");

            h.advance(Duration.ofMinutes(1)); // SlaProcessor.ARCHIVE_RETRY

            assertNull(clocks.get("c-s3-2"), "deleted once the retried upload succeeded");
            assertEquals(1, s3.keys("archives").size());
            assertEquals(1.0, h.registry().get("replyclock.expired.conversations").counter().count());
            assertEquals(List.of(), h.alertJson().readValuesToList().stream().filter(a -> a.contains("c-s3-2"))
                    .filter(a -> a.contains("\"kind\":\"breach\"")).toList(), "a replied conversation raises nothing meanwhile");
        }
    }

    @Test
    void archiveIsOffByDefault() throws Exception {
        assertFalse(ConfigLoader.builtIn(Map.of()).privacy().archiving(), "privacy.archive.dir is empty by default");
        start(Optional.empty());
        send("c-6", "inbound", "alice@example.com", "Hello?");
        send("c-6", "outbound", "agent", "Hi");
        h.advance(RETENTION.plusMinutes(1));
        assertNull(clocks.get("c-6"), "without an archive, expired state is simply deleted");
        try (Stream<Path> files = Files.walk(work)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(StateArchive.SUFFIX)), "no archive written");
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + n.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + n.length, n, 0, n.length)) {
                return true;
            }
        }
        return false;
    }
}
