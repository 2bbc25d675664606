package dev.replyclock.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.alert.AlertJson;
import dev.replyclock.classify.Signal;
import dev.replyclock.classify.Tier;
import dev.replyclock.sla.ReplyClock;
import dev.replyclock.sla.SlaPolicies;
import dev.replyclock.sla.Stage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The state-store format of a reply clock: compact JSON with epoch-millis times. Holds no customer text and
 * no customer identifier, only the conversation id, times, tier and the matched signal spans.
 */
final class StoredClockSerde implements Serde<StoredClock> {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    @Override
    public Serializer<StoredClock> serializer() {
        return (topic, s) -> s == null ? null : encode(s);
    }

    @Override
    public Deserializer<StoredClock> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    static byte[] encode(StoredClock s) {
        if (!s.isOpen()) {
            return write(MAPPER.createObjectNode().put("r", s.repliedAt()).put("w", s.wakeUpMillis()), "a closed marker");
        }
        ReplyClock c = s.clock();
        ObjectNode o = MAPPER.createObjectNode()
                .put("c", c.conversationId())
                .put("ch", c.channel())
                .put("t", c.tier().wireName())
                .put("o", c.openedAt().toEpochMilli())
                .put("s", c.startedAt().toEpochMilli())
                .put("d", c.deadline().toEpochMilli())
                .put("st", c.stage().name())
                .put("e", c.escalations())
                .put("x", c.stale())
                .put("w", s.wakeUpMillis())
                .put("p", c.policy())
                .put("a", c.acked())
                .put("f", c.firstReply())
                .put("r", s.repliedAt());
        if (c.warnAt() != null) {
            o.put("wa", c.warnAt().toEpochMilli());
        }
        o.set("sig", AlertJson.signalsNode(c.signals()));
        return write(o, "the clock of " + c.conversationId());
    }

    private static byte[] write(ObjectNode o, String what) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new SerializationException("cannot encode " + what, e);
        }
    }

    static StoredClock decode(byte[] bytes) {
        try {
            JsonNode o = MAPPER.readTree(bytes);
            if (!o.has("c")) {
                return StoredClock.closed(o.path("r").asLong(StoredClock.NONE), o.path("w").asLong(StoredClock.NONE));
            }
            List<Signal> signals = AlertJson.signalsFrom(o.path("sig"));
            ReplyClock clock = new ReplyClock(o.path("c").asText(), o.path("ch").asText(null),
                    Tier.fromWire(o.path("t").asText()), Instant.ofEpochMilli(o.path("o").asLong()),
                    Instant.ofEpochMilli(o.path("s").asLong()),
                    o.has("wa") ? Instant.ofEpochMilli(o.path("wa").asLong()) : null,
                    Instant.ofEpochMilli(o.path("d").asLong()), Stage.valueOf(o.path("st").asText()),
                    o.path("e").asInt(), o.path("x").asBoolean(), signals,
                    o.path("p").asText(SlaPolicies.DEFAULT_NAME), o.path("a").asBoolean(false),
                    o.path("f").asBoolean(true));
            return new StoredClock(clock, o.path("r").asLong(StoredClock.NONE), o.path("w").asLong(StoredClock.NONE));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode a stored reply clock", e);
        }
    }
}
