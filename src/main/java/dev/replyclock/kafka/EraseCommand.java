package dev.replyclock.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Erase one conversation's state, for a right-to-erasure request: sent by the customer processor, keyed by
 * conversationId, to the SLA processor's second input ({@code <application-id>-conversation-erase}).
 */
record EraseCommand(String requestId, String conversationId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON {@code {"requestId", "conversationId"}}; bytes that are not one read as null (skipped). */
    static Serde<EraseCommand> serde() {
        Serializer<EraseCommand> ser = (topic, c) -> {
            try {
                return c == null ? null : JSON.writeValueAsBytes(JSON.createObjectNode()
                        .put("requestId", c.requestId()).put("conversationId", c.conversationId()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        Deserializer<EraseCommand> de = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                JsonNode o = JSON.readTree(bytes);
                return o != null && o.path("requestId").isTextual() && o.path("conversationId").isTextual()
                        ? new EraseCommand(o.path("requestId").asText(), o.path("conversationId").asText()) : null;
            } catch (IOException e) {
                return null;
            }
        };
        return Serdes.serdeFrom(ser, de);
    }
}
