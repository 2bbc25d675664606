package dev.replyclock.sla;

import dev.replyclock.classify.Classification;
import dev.replyclock.model.SupportMessage;

/**
 * A decoded message with its classification (staff replies are not classified: STANDARD, no signals).
 *
 * @param excerpt the redacted excerpt of an inbound message's text when {@code alerts.include-excerpt} is on,
 *                else null (then nothing of the text reaches the reply clock)
 */
public record ClassifiedMessage(SupportMessage message, Classification classification, String excerpt) {

    public ClassifiedMessage(SupportMessage message, Classification classification) {
        this(message, classification, null);
    }
}
