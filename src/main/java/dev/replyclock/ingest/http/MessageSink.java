package dev.replyclock.ingest.http;

import dev.replyclock.model.SupportMessage;
import java.util.List;

/** Where the intake's messages go: {@code support.messages}, confirmed by the broker before the call returns. */
@FunctionalInterface
public interface MessageSink {

    /** Returns once the broker has every message; throws when it did not confirm them all in time. */
    void produce(List<SupportMessage> messages) throws Exception;
}
