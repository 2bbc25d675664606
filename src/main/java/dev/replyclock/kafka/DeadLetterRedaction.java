package dev.replyclock.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.ingest.DecodeResult;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.privacy.Pseudonymizer;
import dev.replyclock.privacy.Redactor;
import java.nio.charset.StandardCharsets;

/**
 * What the dead-letter topic keeps of a refused record: never the record itself, whose text and {@code from}
 * are a customer's, on a topic that {@code forget} cannot reach. The original stays on its own topic at the
 * offset the headers give, for as long as that topic keeps it.
 * <ul>
 *   <li>a record that decoded keeps what the operator needs to fix the producer: {@code messageId},
 *       {@code conversationId}, {@code direction}, {@code channel}, {@code sentAt}, {@code team},
 *       {@code segment}, the pseudonym of {@code from} (any direction: a staff identifier can be an e-mail
 *       address) and {@code textChars}, the text's length; never the text;</li>
 *   <li>a record that did not decode keeps {@code preview}, its first {@value #PREVIEW_CHARS} characters with
 *       phone numbers, e-mail addresses, card numbers and IBANs masked, and {@code bytes}, its size.</li>
 * </ul>
 * The key is kept redacted the same way (a producer may key by phone number: that is a {@code key-mismatch}).
 * Thread-safe; never throws (a dead letter must not fail).
 */
public final class DeadLetterRedaction {

    static final int PREVIEW_CHARS = 200;
    private static final int KEY_CHARS = 256;
    /** Without a region only numbers in international form are found: the redactor of a pipeline that has none. */
    static final Redactor INTERNATIONAL_ONLY = new Redactor("ZZ");

    private final ObjectMapper json = JsonMapper.builder().build();
    private final MessageCodec codec;
    private final Pseudonymizer pseudonymizer;
    private final Redactor redactor;

    /**
     * @param codec         decodes what the processing exception handler gets as raw bytes
     * @param pseudonymizer replaces {@code from}; null = {@code from} is left out
     * @param redactor      masks the key and the preview; null = one that knows only international numbers
     */
    public DeadLetterRedaction(MessageCodec codec, Pseudonymizer pseudonymizer, Redactor redactor) {
        this.codec = codec;
        this.pseudonymizer = pseudonymizer;
        this.redactor = redactor != null ? redactor : INTERNATIONAL_ONLY;
    }

    /** Without a pseudonymizer: {@code from} is left out. */
    static DeadLetterRedaction withoutPseudonyms() {
        return new DeadLetterRedaction(new MessageCodec(), null, null);
    }

    /** A dead letter's key and value; {@code preview} is set only for a record that did not decode. */
    record Letter(byte[] key, byte[] value, String preview) {
    }

    /** Raw bytes (the processing exception handler's): decoded if they are a message, else previewed. */
    Letter of(byte[] key, byte[] value) {
        try {
            return codec.decode(value) instanceof DecodeResult.Valid valid
                    ? decoded(key, valid.message()) : undecoded(key, value);
        } catch (RuntimeException e) {
            return new Letter(null, null, null); // nothing of the record rather than none of the dead letter
        }
    }

    Letter decoded(byte[] key, SupportMessage m) {
        ObjectNode o = json.createObjectNode()
                .put("messageId", m.messageId())
                .put("conversationId", m.conversationId())
                .put("direction", m.direction().wireName())
                .put("channel", m.channel())
                .put("sentAt", m.sentAt().toString());
        if (m.team() != null) {
            o.put("team", m.team());
        }
        if (m.segment() != null) {
            o.put("segment", m.segment());
        }
        if (pseudonymizer != null && !m.from().isEmpty()) {
            o.put("from", pseudonymizer.pseudonym(m.from()));
        }
        o.put("textChars", m.text().length());
        return new Letter(redactedKey(key), bytes(o), null);
    }

    Letter undecoded(byte[] key, byte[] value) {
        String preview = null;
        ObjectNode o = json.createObjectNode();
        if (value != null) {
            // Redaction before the cut, so that no number is cut in two and leaks; 4 bytes per character at most.
            String raw = new String(value, 0, Math.min(value.length, 4 * PREVIEW_CHARS), StandardCharsets.UTF_8);
            preview = redactor.preview(raw, PREVIEW_CHARS);
            o.put("preview", preview);
        }
        o.put("bytes", value == null ? 0 : value.length);
        return new Letter(redactedKey(key), bytes(o), preview);
    }

    private byte[] redactedKey(byte[] key) {
        if (key == null) {
            return null;
        }
        String k = new String(key, 0, Math.min(key.length, 4 * KEY_CHARS), StandardCharsets.UTF_8);
        return redactor.preview(k, KEY_CHARS).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] bytes(ObjectNode o) {
        try {
            return json.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a dead letter's JSON", e);
        }
    }
}
