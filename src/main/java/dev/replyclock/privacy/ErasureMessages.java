package dev.replyclock.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The JSON records of the right to erasure, between {@code replyclock forget} and the daemon:
 * <ul>
 * <li>a request on {@code kafka.topics.privacy-requests}, key = the customer's pseudonym:
 *     {@code {"requestId", "customer", "requestedAt"}};</li>
 * <li>results on {@code kafka.topics.privacy-results}, key = the request id: one summary
 *     {@code {"requestId", "type": "summary", "customer", "conversations": N, "requestedAt"}}, then one
 *     {@code {"requestId", "type": "conversation", "conversationId", "removed"}} per conversation, where
 *     {@code removed} is {@code open-clock}, {@code closed-marker} or {@code nothing}.</li>
 * </ul>
 */
public final class ErasureMessages {

    public static final String SUMMARY = "summary";
    public static final String CONVERSATION = "conversation";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErasureMessages() {
    }

    /** What forgetting removed from one conversation's state. */
    public enum Removed {
        OPEN_CLOCK("open-clock", "open reply clock"),
        CLOSED_MARKER("closed-marker", "closed marker"),
        NOTHING("nothing", "nothing kept");

        private final String wireName;
        private final String description;

        Removed(String wireName, String description) {
            this.wireName = wireName;
            this.description = description;
        }

        public String wireName() {
            return wireName;
        }

        /** For people: "open reply clock". */
        public String description() {
            return description;
        }

        public static Optional<Removed> fromWire(String value) {
            for (Removed r : values()) {
                if (r.wireName.equals(value)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    public record Request(String requestId, String customer, Instant requestedAt) {
    }

    /** A result record: a summary ({@code conversations} set) or one conversation ({@code removed} set). */
    public record Result(String requestId, String type, String customer, int conversations, Instant requestedAt,
                         String conversationId, Removed removed) {

        public static Result summary(Request request, int conversations) {
            return new Result(request.requestId(), SUMMARY, request.customer(), conversations, request.requestedAt(),
                    null, null);
        }

        public static Result conversation(String requestId, String conversationId, Removed removed) {
            return new Result(requestId, CONVERSATION, null, 0, null, conversationId, removed);
        }

        public boolean isSummary() {
            return SUMMARY.equals(type);
        }
    }

    public static byte[] encode(Request r) {
        return bytes(JSON.createObjectNode().put("requestId", r.requestId()).put("customer", r.customer())
                .put("requestedAt", r.requestedAt().toString()));
    }

    public static byte[] encode(Result r) {
        ObjectNode o = JSON.createObjectNode().put("requestId", r.requestId()).put("type", r.type());
        if (r.isSummary()) {
            o.put("customer", r.customer()).put("conversations", r.conversations());
            if (r.requestedAt() != null) {
                o.put("requestedAt", r.requestedAt().toString());
            }
        } else {
            o.put("conversationId", r.conversationId()).put("removed", r.removed().wireName());
        }
        return bytes(o);
    }

    /** A request, or empty when the bytes are not one (a stray record must not stop the app). */
    public static Optional<Request> decodeRequest(byte[] bytes) {
        JsonNode o = tree(bytes);
        if (o == null || !o.path("requestId").isTextual() || !o.path("customer").isTextual()
                || !Pseudonymizer.isPseudonym(o.path("customer").asText())) {
            return Optional.empty();
        }
        try {
            Instant at = o.path("requestedAt").isTextual() ? Instant.parse(o.path("requestedAt").asText()) : Instant.EPOCH;
            return Optional.of(new Request(o.path("requestId").asText(), o.path("customer").asText(), at));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A result, or empty when the bytes are not one. */
    public static Optional<Result> decodeResult(byte[] bytes) {
        JsonNode o = tree(bytes);
        if (o == null || !o.path("requestId").isTextual()) {
            return Optional.empty();
        }
        String id = o.path("requestId").asText();
        if (SUMMARY.equals(o.path("type").asText())) {
            Instant at;
            try {
                at = o.path("requestedAt").isTextual() ? Instant.parse(o.path("requestedAt").asText()) : null;
            } catch (DateTimeParseException e) {
                at = null;
            }
            return Optional.of(new Result(id, SUMMARY, o.path("customer").asText(null),
                    o.path("conversations").asInt(), at, null, null));
        }
        if (CONVERSATION.equals(o.path("type").asText()) && o.path("conversationId").isTextual()) {
            return Removed.fromWire(o.path("removed").asText())
                    .map(r -> Result.conversation(id, o.path("conversationId").asText(), r));
        }
        return Optional.empty();
    }

    private static JsonNode tree(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always serializes
        }
    }
}
