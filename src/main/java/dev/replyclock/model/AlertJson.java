package dev.replyclock.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
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

    /** The alert as a tree, for receivers that embed it in a payload of their own: {@link #toBytes}, read back. */
    public static ObjectNode toNode(Alert a) {
        try {
            return (ObjectNode) MAPPER.readTree(toBytes(a));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read back alert " + a.id(), e);
        }
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

    /**
     * The alert's JSON, written straight to bytes: the SLA processor writes one per signal, and building a tree
     * first cost more than the writing (AlertTest pins the bytes).
     */
    public static byte[] toBytes(Alert a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(a, () -> MAPPER.getFactory().createGenerator(out));
        return out.toByteArray();
    }

    /** The same JSON as text (characters outside the BMP as themselves, where the bytes escape them). */
    public static String toLine(Alert a) {
        StringWriter out = new StringWriter(512);
        write(a, () -> MAPPER.getFactory().createGenerator(out));
        return out.toString();
    }

    /** Where an alert is written: a generator over bytes or over text. */
    private interface Output {
        JsonGenerator open() throws IOException;
    }

    private static void write(Alert a, Output output) {
        try (JsonGenerator g = output.open()) {
            write(g, a);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode alert " + a.id(), e);
        }
    }

    /** The fields in their wire order; absent values of the two kinds are written as null, optional ones left out. */
    private static void write(JsonGenerator g, Alert a) throws IOException {
        ConversationAlert c = a instanceof ConversationAlert ca ? ca : null;
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("conversationId", c == null ? null : c.conversationId());
        g.writeStringField("tier", a.tier().wireName());
        g.writeStringField("kind", a.kind().wireName());
        g.writeNumberField("level", a.level());
        g.writeStringField("channel", c == null ? null : c.channel());
        g.writeStringField("team", a.team());
        g.writeStringField("openedAt", c == null || c.openedAt() == null ? null : c.openedAt().toString());
        g.writeStringField("deadline", a.deadline().toString());
        g.writeStringField("createdAt", a.createdAt().toString());
        g.writeArrayFieldStart("signals");
        for (Signal s : c == null ? List.<Signal>of() : c.signals()) {
            g.writeStartObject();
            g.writeStringField("family", s.family());
            g.writeStringField("tier", s.tier().wireName());
            g.writeStringField("matched", s.matched());
            g.writeNumberField("start", s.start());
            g.writeNumberField("end", s.end());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (c != null && c.excerpt() != null) {
            g.writeStringField("excerpt", c.excerpt());
        }
        if (c != null && c.ackedBy() != null) {
            g.writeStringField("ackedBy", c.ackedBy());
        }
        if (c != null && c.reason() != null) {
            g.writeStringField("reason", c.reason());
        }
        if (a instanceof TeamAlert t && !t.conversations().isEmpty()) {
            g.writeArrayFieldStart("conversations");
            for (Alert.OpenConversation oc : t.conversations()) {
                g.writeStartObject();
                g.writeStringField("conversationId", oc.conversationId());
                g.writeStringField("tier", oc.tier().wireName());
                g.writeStringField("openedAt", oc.openedAt().toString());
                g.writeStringField("deadline", oc.deadline() == null ? null : oc.deadline().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
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
            String id = text(o, "id");
            String conversationId = kind.isTeamKind() ? null : text(o, "conversationId"); // a team alert has none
            Tier tier = Tier.fromWire(text(o, "tier"));
            int level = o.path("level").asInt(0);
            String team = o.path("team").asText(null);
            Instant openedAt = instantOrNull(o, "openedAt");
            Instant deadline = Instant.parse(text(o, "deadline"));
            Instant createdAt = Instant.parse(text(o, "createdAt"));
            if (kind.isTeamKind()) {
                return new TeamAlert(id, team, tier, kind, level, deadline, createdAt, conversations, null);
            }
            return new ConversationAlert(id, conversationId, tier, kind, level, o.path("channel").asText(null),
                    team, openedAt, deadline, createdAt, signals, o.path("excerpt").asText(null),
                    o.path("ackedBy").asText(null), o.path("reason").asText(null), null);
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
