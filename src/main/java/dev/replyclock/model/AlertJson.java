package dev.replyclock.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of an alert on {@code support.alerts}: written by hand rather than by annotations so that
 * the domain records stay free of Jackson and the wire names ({@code tier}, {@code kind}) are explicit.
 */
public final class AlertJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private AlertJson() {
    }

    public static ObjectNode toNode(Alert a) {
        ObjectNode o = MAPPER.createObjectNode()
                .put("id", a.id())
                .put("conversationId", a.conversationId())
                .put("tier", a.tier().wireName())
                .put("kind", a.kind().wireName())
                .put("level", a.level())
                .put("channel", a.channel())
                .put("team", a.team())
                .put("openedAt", a.openedAt() == null ? null : a.openedAt().toString())
                .put("deadline", a.deadline().toString())
                .put("createdAt", a.createdAt().toString());
        o.set("signals", signalsNode(a.signals()));
        if (a.excerpt() != null) {
            o.put("excerpt", a.excerpt());
        }
        if (a.ackedBy() != null) {
            o.put("ackedBy", a.ackedBy());
        }
        if (a.reason() != null) {
            o.put("reason", a.reason());
        }
        if (!a.conversations().isEmpty()) {
            ArrayNode list = o.putArray("conversations");
            for (Alert.OpenConversation c : a.conversations()) {
                list.addObject()
                        .put("conversationId", c.conversationId())
                        .put("tier", c.tier().wireName())
                        .put("openedAt", c.openedAt().toString())
                        .put("deadline", c.deadline() == null ? null : c.deadline().toString());
            }
        }
        return o;
    }

    /** The explanation of a classification: what matched, where, and in which family. */
    public static ArrayNode signalsNode(List<Signal> signals) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (Signal s : signals) {
            arr.addObject()
                    .put("family", s.family())
                    .put("tier", s.tier().wireName())
                    .put("matched", s.matched())
                    .put("start", s.start())
                    .put("end", s.end());
        }
        return arr;
    }

    /** Reads what {@link #signalsNode} wrote; throws IllegalArgumentException on an unknown tier. */
    public static List<Signal> signalsFrom(JsonNode array) {
        List<Signal> signals = new ArrayList<>();
        for (JsonNode s : array) {
            signals.add(new Signal(s.path("family").asText(), Tier.fromWire(s.path("tier").asText()),
                    s.path("matched").asText(), s.path("start").asInt(), s.path("end").asInt()));
        }
        return signals;
    }

    public static byte[] toBytes(Alert a) {
        try {
            return MAPPER.writeValueAsBytes(toNode(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode alert " + a.id(), e);
        }
    }

    public static String toLine(Alert a) {
        return toNode(a).toString();
    }

    /** Reads an alert written by {@link #toBytes}; throws IOException with the problem if it is not one. */
    public static Alert fromBytes(byte[] bytes) throws IOException {
        JsonNode o = MAPPER.readTree(bytes);
        if (o == null || !o.isObject()) {
            throw new IOException("an alert must be a JSON object");
        }
        try {
            List<Signal> signals = signalsFrom(o.path("signals"));
            AlertKind kind = AlertKind.fromWire(text(o, "kind"));
            List<Alert.OpenConversation> conversations = new ArrayList<>();
            for (JsonNode c : o.path("conversations")) {
                conversations.add(new Alert.OpenConversation(text(c, "conversationId"), Tier.fromWire(text(c, "tier")),
                        Instant.parse(text(c, "openedAt")), instantOrNull(c, "deadline")));
            }
            return new Alert(
                    text(o, "id"), kind.isTeamKind() ? o.path("conversationId").asText(null) : text(o, "conversationId"),
                    Tier.fromWire(text(o, "tier")), kind,
                    o.path("level").asInt(0), o.path("channel").asText(null), o.path("team").asText(null),
                    instantOrNull(o, "openedAt"),
                    Instant.parse(text(o, "deadline")), Instant.parse(text(o, "createdAt")),
                    signals, o.path("excerpt").asText(null), conversations, o.path("ackedBy").asText(null),
                    o.path("reason").asText(null), null);
        } catch (RuntimeException e) {
            throw new IOException("not a valid alert: " + e.getMessage(), e);
        }
    }

    private static Instant instantOrNull(JsonNode o, String field) {
        JsonNode f = o.get(field);
        return f == null || f.isNull() ? null : Instant.parse(f.asText());
    }

    private static String text(JsonNode o, String field) throws IOException {
        JsonNode f = o.get(field);
        if (f == null || !f.isTextual()) {
            throw new IOException("alert field '" + field + "' is missing");
        }
        return f.asText();
    }
}
