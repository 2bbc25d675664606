package dev.replyclock.kafka;

import dev.replyclock.ops.ReplyclockMetrics;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-record isolation with Kafka Streams' own hooks (KIP-1033 processing, KIP-1034 dead-letter records):
 * an exception in any processor for one record sends that record, redacted ({@link DeadLetterRedaction}: its
 * source bytes hold a customer's text and identifier), to the
 * dead-letter topic ({@value StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG}) with reason
 * {@value #PROCESSING_ERROR} and the exception's type, and the stream goes on. Likewise a record of an internal
 * topic that does not deserialize ({@value #DESERIALIZATION_ERROR}).
 *
 * <p>Headers carry the exception's type and where it was thrown, never its message: a message may quote the
 * record, and the record is a customer's. What is the machine's fault, not the record's (a state store or
 * Kafka failing, the archive's disk), still fails the task: with exactly_once_v2 nothing of it is committed,
 * and dead-lettering every following record would lose them all.
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler, DeserializationExceptionHandler {

    /** Not a Kafka key: how {@link StreamsSettings} hands the metrics to the instance Kafka Streams creates. */
    public static final String METRICS_CONFIG = "replyclock.dead-letter.metrics";
    /** Not a Kafka key: the {@link DeadLetterRedaction} of the daemon (without one, {@code from} is left out). */
    public static final String REDACTION_CONFIG = "replyclock.dead-letter.redaction";
    static final String PROCESSING_ERROR = "processing-error";
    static final String DESERIALIZATION_ERROR = "deserialization-error";
    /** Counted, not dead-lettered: a punctuator has no record to send. */
    static final String PUNCTUATION_ERROR = "punctuation-error";
    static final String HEADER_EXCEPTION = "replyclock.dlq.exception";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String topic;
    private ReplyclockMetrics metrics;
    private DeadLetterRedaction redaction;

    @Override
    public void configure(Map<String, ?> configs) {
        Object t = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        topic = t == null ? null : t.toString();
        metrics = configs.get(METRICS_CONFIG) instanceof ReplyclockMetrics m ? m : null;
        redaction = configs.get(REDACTION_CONFIG) instanceof DeadLetterRedaction r ? r
                : DeadLetterRedaction.withoutPseudonyms();
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        if (isTheMachines(exception)) {
            log.error("processor {} failed ({}, {}): not the record's fault, the task stops", context.processorNodeId(),
                    exception.getClass().getName(), where(exception));
            return ProcessingExceptionHandler.Response.fail();
        }
        if (record == null) {
            count(PUNCTUATION_ERROR);
            log.error("a punctuator of {} failed ({}, {}); it runs again at its next tick", context.processorNodeId(),
                    exception.getClass().getName(), where(exception));
            return ProcessingExceptionHandler.Response.resume();
        }
        return ProcessingExceptionHandler.Response.resume(deadLetter(context, context.sourceRawKey(),
                context.sourceRawValue(), PROCESSING_ERROR, exception));
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        return DeserializationExceptionHandler.Response.resume(deadLetter(context, record.key(), record.value(),
                DESERIALIZATION_ERROR, exception));
    }

    private static boolean isTheMachines(Exception e) {
        return e instanceof StreamsException || e instanceof UncheckedIOException;
    }

    /**
     * For a punctuator's loop over clocks or teams: one item's failure is counted as {@value #PUNCTUATION_ERROR}
     * and logged (type and place, not the message: it could quote an excerpt), and the loop goes on; the
     * machine's faults are rethrown, to stop the task.
     *
     * @param what the item, for the log line (identifiers only)
     */
    static void skipOrRethrow(RuntimeException e, ReplyclockMetrics metrics, String what) {
        if (isTheMachines(e)) {
            throw e;
        }
        metrics.deadLetter(PUNCTUATION_ERROR);
        log.error("{} failed when due ({}, {}); skipped, the others go on", what, e.getClass().getName(), where(e));
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
                                                            String reason, Exception exception) {
        count(reason);
        // The type and the code location say what went wrong; the message could quote the customer.
        log.error("record {}-{}@{} failed in {} ({}, {}): sent to the dead-letter topic, the stream goes on",
                context.topic(), context.partition(), context.offset(), context.processorNodeId(),
                exception.getClass().getName(), where(exception));
        if (topic == null) {
            return List.of();
        }
        DeadLetterRedaction.Letter letter = redaction.of(key, value);
        Headers headers = new RecordHeaders();
        headers.add(IngestProcessor.HEADER_REASON, utf8(reason));
        headers.add(IngestProcessor.HEADER_DETAIL, utf8(exception.getClass().getSimpleName() + " in "
                + context.processorNodeId() + " at " + where(exception)));
        headers.add(HEADER_EXCEPTION, utf8(exception.getClass().getName()));
        if (context.topic() != null) {
            headers.add(IngestProcessor.HEADER_TOPIC, utf8(context.topic()));
            headers.add(IngestProcessor.HEADER_PARTITION, utf8(String.valueOf(context.partition())));
            headers.add(IngestProcessor.HEADER_OFFSET, utf8(String.valueOf(context.offset())));
        }
        if (letter.preview() != null) {
            headers.add(IngestProcessor.HEADER_PREVIEW, utf8(letter.preview()));
        }
        return List.of(new ProducerRecord<>(topic, null, context.timestamp() < 0 ? null : context.timestamp(),
                letter.key(), letter.value(), headers));
    }

    private void count(String reason) {
        if (metrics != null) {
            metrics.deadLetter(reason);
        }
    }

    /** Where it was thrown, as file and line (which hold no data): the first frame of replyclock's own code. */
    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("dev.replyclock.")) {
                return frame.getFileName() + ":" + frame.getLineNumber();
            }
        }
        return trace.length == 0 ? "unknown" : trace[0].getFileName() + ":" + trace[0].getLineNumber();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
