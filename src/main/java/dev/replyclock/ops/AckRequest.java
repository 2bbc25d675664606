package dev.replyclock.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.replyclock.model.SupportMessage;
import java.io.IOException;

/** The optional body of {@code POST /api/conversations/{id}/ack}: {@code {"by": "alice"}}, who took it. */
final class AckRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AckRequest() {
    }

    /**
     * Who acknowledged, or null for an empty body or no {@code by}; throws IllegalArgumentException naming the
     * field when the body is not that JSON.
     */
    static String by(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        JsonNode o;
        try {
            o = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body must be JSON like {\"by\": \"alice\"}, or empty");
        } catch (IOException e) {
            throw new IllegalArgumentException("the body cannot be read");
        }
        JsonNode by = o == null || !o.isObject() ? null : o.get("by");
        if (o == null || !o.isObject() || (by != null && !by.isNull() && !by.isTextual())) {
            throw new IllegalArgumentException("'by' must be a string like {\"by\": \"alice\"}");
        }
        if (by == null || by.isNull() || by.asText().isBlank()) {
            return null;
        }
        if (by.asText().length() > SupportMessage.MAX_BY_CHARS) {
            throw new IllegalArgumentException("'by' must be at most " + SupportMessage.MAX_BY_CHARS + " characters");
        }
        return by.asText().strip();
    }
}
