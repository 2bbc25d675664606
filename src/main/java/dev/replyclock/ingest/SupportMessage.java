package dev.replyclock.ingest;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One record of {@code support.messages} (the message contract): a customer message or a staff reply
 * in a conversation. {@code sentAt} keeps the sender's offset; it is the measurement time.
 */
public record SupportMessage(
        String messageId,
        String conversationId,
        Direction direction,
        String channel,
        String from,
        String text,
        OffsetDateTime sentAt) {

    public SupportMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    public boolean isInbound() {
        return direction == Direction.INBOUND;
    }
}
