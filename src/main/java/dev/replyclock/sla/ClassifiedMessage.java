package dev.replyclock.sla;

import dev.replyclock.classify.Classification;
import dev.replyclock.ingest.SupportMessage;

/** A decoded message with its classification (staff replies are not classified: STANDARD, no signals). */
public record ClassifiedMessage(SupportMessage message, Classification classification) {
}
