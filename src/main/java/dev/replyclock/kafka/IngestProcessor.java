package dev.replyclock.kafka;

import dev.replyclock.classify.Classification;
import dev.replyclock.classify.Classifier;
import dev.replyclock.ingest.DecodeResult;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.privacy.Excerpter;
import dev.replyclock.privacy.Pseudonymizer;
import dev.replyclock.privacy.Redactor;
import dev.replyclock.sla.ClassifiedMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decode, validate and classify. A record that cannot be used goes to the dead-letter sink, redacted (see
 * {@link DeadLetterRedaction}), with headers giving the reason and where it came from; everything else goes on
 * to the SLA processor. Nothing is dropped and nothing throws: one bad record never stops the stream.
 */
final class IngestProcessor extends ContextualProcessor<byte[], byte[], Object, Object> {

    static final String HEADER_REASON = "replyclock.dlq.reason";
    static final String HEADER_DETAIL = "replyclock.dlq.detail";
    static final String HEADER_TOPIC = "replyclock.dlq.topic";
    static final String HEADER_PARTITION = "replyclock.dlq.partition";
    static final String HEADER_OFFSET = "replyclock.dlq.offset";
    static final String HEADER_PREVIEW = "replyclock.dlq.preview";

    private static final Logger log = LoggerFactory.getLogger(IngestProcessor.class);

    private final MessageCodec codec;
    private final Supplier<Classifier> classifier;
    private final ReplyclockMetrics metrics;
    private final Pseudonymizer pseudonymizer;
    private final DeadLetterRedaction redaction;
    private final Excerpter excerpter;
    private final boolean indexCustomers;
    private final String rekeyTopic;
    /** What a message without {@code from} is pseudonymized to: not one customer, so not indexed. */
    private static final String UNKNOWN_CUSTOMER = Pseudonymizer.PREFIX + "unknown";

    /**
     * @param excerpter      makes the excerpt alerts carry ({@code alerts.include-excerpt}); null = off, no text kept
     * @param indexCustomers forward (pseudonym -> conversationId) of inbound messages to the customer index
     * @param rekeyTopic     where a record keyed otherwise than by its conversationId goes, re-keyed, to come back
     *                       ({@code ingest.rekey: auto}); null dead-letters it ({@code strict})
     */
    IngestProcessor(MessageCodec codec, Supplier<Classifier> classifier, ReplyclockMetrics metrics,
                    Pseudonymizer pseudonymizer, Redactor redactor, Excerpter excerpter, boolean indexCustomers,
                    String rekeyTopic) {
        this.rekeyTopic = rekeyTopic;
        this.excerpter = excerpter;
        this.indexCustomers = indexCustomers;
        this.redaction = new DeadLetterRedaction(codec, pseudonymizer, redactor);
        this.codec = codec;
        this.classifier = classifier;
        this.metrics = metrics;
        this.pseudonymizer = pseudonymizer;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        DecodeResult result = codec.decode(record.value());
        if (result instanceof DecodeResult.Invalid invalid) {
            deadLetter(record, redaction.undecoded(record.key(), record.value()), invalid.reason(), invalid.detail());
            return;
        }
        SupportMessage message = pseudonymized(((DecodeResult.Valid) result).message());
        byte[] expectedKey = message.conversationId().getBytes(StandardCharsets.UTF_8);
        if (record.key() == null || !Arrays.equals(record.key(), expectedKey)) {
            // Keyed otherwise, the conversation could be split over partitions and its clock corrupted: re-key it
            // through the rekey topic, whose partition by conversationId is this conversation's (once only).
            if (rekeyTopic != null && !cameFrom(rekeyTopic)) {
                metrics.rekeyed();
                context().forward(new Record<Object, Object>(expectedKey, record.value(), record.timestamp(),
                        record.headers()), ReplyclockTopology.REKEY_OUT);
                return;
            }
            deadLetter(record, redaction.decoded(record.key(), message), "key-mismatch",
                    "the record key must be the conversationId");
            return;
        }
        Classification classification;
        try {
            classification = message.isInbound() ? classifier.get().classify(message.text()) : Classification.STANDARD;
        } catch (RuntimeException e) {
            // The exception's message might quote the text: log its type only.
            log.error("classifier failed ({}) on message {} of conversation {}", e.getClass().getName(),
                    message.messageId(), message.conversationId());
            deadLetter(record, redaction.decoded(record.key(), message), "classify-error",
                    e.getClass().getSimpleName());
            return;
        }
        metrics.messageIn(message.direction(), message.isInbound() ? classification.tier() : null, message.channel());
        context().forward(new Record<Object, Object>(message.conversationId(),
                new ClassifiedMessage(message, classification,
                        excerpter != null && message.isInbound() ? excerpter.excerpt(message.text()) : null),
                record.timestamp()), ReplyclockTopology.SLA);
        if (indexCustomers && message.isInbound() && !UNKNOWN_CUSTOMER.equals(message.from())) {
            context().forward(new Record<Object, Object>(message.from(), message.conversationId(), record.timestamp()),
                    ReplyclockTopology.CUSTOMER_INDEX_OUT);
        }
    }

    private boolean cameFrom(String topic) {
        return context().recordMetadata().map(m -> topic.equals(m.topic())).orElse(false);
    }

    /** The customer's identifier leaves ingest only as a pseudonym; staff identifiers are kept. */
    private SupportMessage pseudonymized(SupportMessage m) {
        if (pseudonymizer == null || !m.isInbound()) {
            return m;
        }
        return m.withFrom(pseudonymizer.pseudonym(m.from()));
    }

    private void deadLetter(Record<byte[], byte[]> record, DeadLetterRedaction.Letter letter, String reason,
                            String detail) {
        // Only our headers: the producer's own could carry anything.
        Headers headers = new RecordHeaders();
        headers.add(HEADER_REASON, utf8(reason));
        headers.add(HEADER_DETAIL, utf8(detail));
        if (letter.preview() != null) {
            headers.add(HEADER_PREVIEW, utf8(letter.preview()));
        }
        RecordMetadata origin = context().recordMetadata().orElse(null);
        if (origin != null) {
            headers.add(HEADER_TOPIC, utf8(origin.topic()));
            headers.add(HEADER_PARTITION, utf8(String.valueOf(origin.partition())));
            headers.add(HEADER_OFFSET, utf8(String.valueOf(origin.offset())));
        }
        metrics.deadLetter(reason);
        // The detail may quote a fragment of the record, so only the reason code is logged.
        log.warn("record {}-{}@{} sent to the dead-letter topic: {}",
                origin == null ? "?" : origin.topic(), origin == null ? "?" : origin.partition(),
                origin == null ? "?" : origin.offset(), reason);
        context().forward(new Record<Object, Object>(letter.key(), letter.value(), record.timestamp(), headers),
                ReplyclockTopology.DEAD_LETTER_OUT);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
