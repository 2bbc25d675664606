package dev.replyclock.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One record of {@code support.messages} (the message contract): a customer message or a staff reply
 * in a conversation. {@code sentAt} keeps the sender's offset; it is the measurement time. {@code team} and
 * {@code segment} are optional (null = absent) and select an SLA policy. {@code by} is optional too: on an
 * acknowledgement, who took the conversation (shown on its later alerts); null otherwise.
 */
public record SupportMessage(
        String messageId,
        String conversationId,
        Direction direction,
        String channel,
        String from,
        String text,
        OffsetDateTime sentAt,
        String team,
        String segment,
        String by) {

    /** The longest {@code by} kept: a name or a login, not a text. */
    public static final int MAX_BY_CHARS = 100;

    public SupportMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** A message without team or segment. */
    public SupportMessage(String messageId, String conversationId, Direction direction, String channel, String from,
                          String text, OffsetDateTime sentAt) {
        this(messageId, conversationId, direction, channel, from, text, sentAt, null, null);
    }

    /** A message without {@code by} (every message but an acknowledgement that names who acked). */
    public SupportMessage(String messageId, String conversationId, Direction direction, String channel, String from,
                          String text, OffsetDateTime sentAt, String team, String segment) {
        this(messageId, conversationId, direction, channel, from, text, sentAt, team, segment, null);
    }

    /** The same message from another sender: how the customer's identifier is replaced by its pseudonym. */
    public SupportMessage withFrom(String newFrom) {
        return new SupportMessage(messageId, conversationId, direction, channel, newFrom, text, sentAt, team, segment,
                by);
    }

    public boolean isInbound() {
        return direction == Direction.INBOUND;
    }
}
