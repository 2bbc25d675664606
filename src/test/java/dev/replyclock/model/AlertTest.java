package dev.replyclock.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two kinds of alert and their wire form: the ids and the JSON on {@code support.alerts} are what the
 * notification log and other tools already hold, so these strings must not move.
 */
class AlertTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    /** A closed alert with every optional field, as {@link AlertJson} has always written it. */
    private static final String CLOSED_JSON = "{\"id\":\"21d34e10-f540-355a-af4a-34c87bbc569f\",\"conversationId\":\"c-42\","
            + "\"tier\":\"complaint\",\"kind\":\"closed\",\"level\":2,\"channel\":\"chat\",\"team\":\"billing\","
            + "\"openedAt\":\"2026-11-24T09:00:00Z\",\"deadline\":\"2026-11-24T09:01:00Z\","
            + "\"createdAt\":\"2026-11-24T09:01:05Z\",\"signals\":[{\"family\":\"damage\",\"tier\":\"complaint\","
            + "\"matched\":\"casse\",\"start\":3,\"end\":8}],\"excerpt\":\"colis cassé\",\"ackedBy\":\"alice\","
            + "\"reason\":\"replied\"}";

    /** A firing overload: no conversation, channel, opening or signals of its own; the team's conversations. */
    private static final String OVERLOAD_JSON = "{\"id\":\"61e55578-e61a-3ade-a0ac-b527c062662e\",\"conversationId\":null,"
            + "\"tier\":\"urgent\",\"kind\":\"overload\",\"level\":1,\"channel\":null,\"team\":\"billing\","
            + "\"openedAt\":null,\"deadline\":\"2026-11-24T09:00:00Z\",\"createdAt\":\"2026-11-24T09:00:05Z\","
            + "\"signals\":[],\"conversations\":[{\"conversationId\":\"c-1\",\"tier\":\"complaint\","
            + "\"openedAt\":\"2026-11-24T08:30:00Z\",\"deadline\":\"2026-11-24T08:31:00Z\"},"
            + "{\"conversationId\":\"c-2\",\"tier\":\"urgent\",\"openedAt\":\"2026-11-24T08:40:00Z\",\"deadline\":null}]}";

    private static ConversationAlert closed() {
        return Alert.about("c-42").kind(AlertKind.CLOSED).tier(Tier.COMPLAINT).level(2).channel("chat").team("billing")
                .openedAt(T0).deadline(T0.plusSeconds(60)).createdAt(T0.plusSeconds(65))
                .signals(List.of(new Signal("damage", Tier.COMPLAINT, "casse", 3, 8)))
                .excerpt("colis cassé").ackedBy("alice").reason(Alert.CLOSED_REPLIED).build();
    }

    private static TeamAlert overload() {
        return Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD).tier(Tier.URGENT).level(1).at(T0)
                .createdAt(T0.plusSeconds(5))
                .conversations(List.of(
                        new Alert.OpenConversation("c-1", Tier.COMPLAINT, T0.minusSeconds(1800), T0.minusSeconds(1740)),
                        new Alert.OpenConversation("c-2", Tier.URGENT, T0.minusSeconds(1200), null)))
                .build();
    }

    private static Alert read(String json) throws Exception {
        return AlertJson.fromBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idsAreTheUuidsTheyHaveAlwaysBeen() {
        assertEquals("21d34e10-f540-355a-af4a-34c87bbc569f", closed().id());
        assertEquals("05f3c023-0460-34be-9172-c372b85988e1", Alert.about("c-42").kind(AlertKind.BREACH)
                .tier(Tier.COMPLAINT).deadline(T0.plusSeconds(60)).createdAt(T0.plusSeconds(999)).build().id(),
                "not a function of the creation time, channel, team or signals");
        assertEquals("61e55578-e61a-3ade-a0ac-b527c062662e", overload().id());
        assertEquals(Alert.idFor("team:billing", T0, AlertKind.OVERLOAD, Tier.URGENT, 1), overload().id());
    }

    @Test
    void bothKindsWriteTheJsonTheyHaveAlwaysWritten() {
        assertEquals(CLOSED_JSON, AlertJson.toLine(closed()));
        assertEquals(OVERLOAD_JSON, AlertJson.toLine(overload()));
    }

    @Test
    void awkwardTextIsEscapedAsJacksonEscapesItAndReadsBack() throws Exception {
        ConversationAlert bare = Alert.about("c-\"1\"").kind(AlertKind.SIGNAL).tier(Tier.URGENT).deadline(T0)
                .createdAt(T0).signals(List.of(new Signal("urgency", Tier.URGENT, "tr\u00e8s \\ urgent \uD83D\uDE21\n", 0, 9)))
                .excerpt("\u0001 \u2028 \"quoted\" \uD83D\uDCE6").build();

        ObjectMapper jackson = JsonMapper.builder().build();
        assertEquals(jackson.writeValueAsString(AlertJson.toNode(bare)), AlertJson.toLine(bare));
        assertArrayEquals(jackson.writeValueAsBytes(AlertJson.toNode(bare)), AlertJson.toBytes(bare));
        assertEquals(bare, read(AlertJson.toLine(bare)));
        assertEquals(bare, AlertJson.fromBytes(AlertJson.toBytes(bare)));
    }

    @Test
    void readingGivesTheTypeOfItsKindAndWritesTheSameLineBack() throws Exception {
        Alert c = read(CLOSED_JSON);
        assertEquals(closed(), assertInstanceOf(ConversationAlert.class, c));
        assertEquals(CLOSED_JSON, AlertJson.toLine(c));
        Alert t = read(OVERLOAD_JSON);
        assertEquals(overload(), assertInstanceOf(TeamAlert.class, t));
        assertEquals(OVERLOAD_JSON, AlertJson.toLine(t));
    }

    @Test
    void aKindBelongsToOneOfTheTwoTypes() {
        assertThrows(IllegalArgumentException.class, () -> Alert.about("c-1").kind(AlertKind.OVERLOAD)
                .tier(Tier.URGENT).deadline(T0).createdAt(T0).build());
        assertThrows(IllegalArgumentException.class, () -> Alert.aboutTeam("billing").kind(AlertKind.BREACH)
                .tier(Tier.URGENT).at(T0).createdAt(T0).build());
        assertThrows(NullPointerException.class, () -> Alert.about("c-1").kind(AlertKind.BREACH).deadline(T0)
                .createdAt(T0).build(), "no tier");
    }

    @Test
    void copiesKeepTheIdAndToStringLeavesTheExcerptOut() {
        ConversationAlert c = closed();
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertEquals(c.id(), c.withShownIn(paris).id());
        assertSame(c, c.withShownIn(null), "nothing to change");
        assertEquals(c.id(), c.seenAs(AlertKind.ESCALATION, 1).id(), "routing an update as a page keeps its id");
        assertEquals("Alert[id=21d34e10-f540-355a-af4a-34c87bbc569f, conversationId=c-42, tier=COMPLAINT, kind=CLOSED, "
                + "level=2, team=billing, deadline=2026-11-24T09:01:00Z, reason=replied, excerpt=(11 chars), "
                + "conversations=0]", c.toString());
        assertFalse(c.toString().contains("cassé"));
        assertEquals("Alert[id=61e55578-e61a-3ade-a0ac-b527c062662e, conversationId=null, tier=URGENT, kind=OVERLOAD, "
                + "level=1, team=billing, deadline=2026-11-24T09:00:00Z, conversations=2]", overload().toString());
    }
}
