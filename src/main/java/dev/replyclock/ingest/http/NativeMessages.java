package dev.replyclock.ingest.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.replyclock.ingest.DecodeResult;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.privacy.Pseudonymizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /ingest/messages}: one JSON object (pretty-printed or not) or JSON lines, each a message of
 * the contract. Each line is decoded on its own: a bad line is reported with its number and the reason (never its
 * text), the good ones go on. The customer's identifier is pseudonymized here already, so that it is never on the
 * topic in clear. Pure: no I/O.
 */
public final class NativeMessages {

    /** One refused line. */
    public record LineError(int line, String reason, String error) {
    }

    public record Parsed(List<SupportMessage> messages, List<LineError> errors) {
    }

    private static final ObjectMapper WHOLE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final MessageCodec codec;
    private final Pseudonymizer pseudonymizer;

    public NativeMessages(MessageCodec codec, Pseudonymizer pseudonymizer) {
        this.codec = codec;
        this.pseudonymizer = pseudonymizer;
    }

    public Parsed parse(byte[] body) {
        List<SupportMessage> messages = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        if (isOneObject(body)) {
            add(1, body, messages, errors);
            return new Parsed(messages, errors);
        }
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                add(i + 1, lines[i].getBytes(StandardCharsets.UTF_8), messages, errors);
            }
        }
        if (messages.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(1, "empty", "the body holds no message"));
        }
        return new Parsed(messages, errors);
    }

    private static boolean isOneObject(byte[] body) {
        try {
            JsonNode node = WHOLE.readTree(body);
            return node != null && node.isObject();
        } catch (IOException e) {
            return false; // JSON lines, or broken: decoded line by line, each error with its line
        }
    }

    private void add(int line, byte[] bytes, List<SupportMessage> messages, List<LineError> errors) {
        DecodeResult result = codec.decode(bytes);
        if (result instanceof DecodeResult.Invalid invalid) {
            errors.add(new LineError(line, invalid.reason(), invalid.detail()));
        } else {
            SupportMessage m = ((DecodeResult.Valid) result).message();
            messages.add(m.isInbound() ? m.withFrom(pseudonymizer.pseudonym(m.from())) : m);
        }
    }
}
