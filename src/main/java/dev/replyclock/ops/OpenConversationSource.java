package dev.replyclock.ops;

import dev.replyclock.sla.ReplyClock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The open conversations of this instance, as the full export and {@code GET /api/conversations/{id}} read them. */
@FunctionalInterface
public interface OpenConversationSource {

    /**
     * Calls {@code each} once per open conversation held by this instance.
     *
     * @throws IllegalStateException before any call when the state cannot be read now (e.g. during a rebalance)
     */
    void forEachOpen(Consumer<ReplyClock> each);

    /**
     * One open conversation held by this instance; empty when it is closed, unknown or held by another one.
     * By a scan here; a store overrides it with a lookup.
     *
     * @throws IllegalStateException when the state cannot be read now
     */
    default Optional<ReplyClock> open(String conversationId) {
        AtomicReference<ReplyClock> found = new AtomicReference<>();
        forEachOpen(c -> {
            if (c.conversationId().equals(conversationId)) {
                found.set(c);
            }
        });
        return Optional.ofNullable(found.get());
    }
}
