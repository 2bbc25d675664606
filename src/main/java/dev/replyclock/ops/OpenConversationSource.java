package dev.replyclock.ops;

import dev.replyclock.sla.ReplyClock;
import java.util.function.Consumer;

/** The open conversations of this instance, as the full export reads them. */
@FunctionalInterface
public interface OpenConversationSource {

    /**
     * Calls {@code each} once per open conversation held by this instance.
     *
     * @throws IllegalStateException before any call when the state cannot be read now (e.g. during a rebalance)
     */
    void forEachOpen(Consumer<ReplyClock> each);
}
