package dev.replyclock.ingest;

import dev.replyclock.model.SupportMessage;
/** The outcome of decoding one raw record: a valid message, or the reason it goes to the dead-letter topic. */
public sealed interface DecodeResult {

    record Valid(SupportMessage message) implements DecodeResult {
    }

    /**
     * @param reason a short machine-readable code, used as a metric tag ({@code not-json}, {@code missing-field}, ...)
     * @param detail a human-readable explanation naming the field; never contains message text
     */
    record Invalid(String reason, String detail) implements DecodeResult {
    }
}
