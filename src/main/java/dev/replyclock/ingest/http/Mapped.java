package dev.replyclock.ingest.http;

import dev.replyclock.model.SupportMessage;
import java.util.List;

/**
 * What a provider's notification turned into: the messages to produce, and how many of its events carried nothing
 * for a reply clock (a {@code delivered} status, a private note, another event type).
 */
public record Mapped(List<SupportMessage> messages, int ignored) {

    public Mapped {
        messages = List.copyOf(messages);
    }

    public static Mapped ignoredOne() {
        return new Mapped(List.of(), 1);
    }
}
