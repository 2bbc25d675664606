package dev.replyclock.kafka;

import dev.replyclock.privacy.StateArchive;
import java.util.Optional;

/**
 * The daemon's privacy processing: the customer index and right-to-erasure requests, and the archive of
 * expired states.
 *
 * @param applicationId names the internal topics ({@code <application-id>-customer-index},
 *                      {@code <application-id>-conversation-erase}), as Kafka Streams names its own
 * @param archive       where expired states go before deletion; empty: not archived ({@code privacy.archive.target} empty)
 */
public record PrivacyOptions(String applicationId, Optional<StateArchive> archive) {

    public String customerIndexTopic() {
        return customerIndexTopic(applicationId);
    }

    public String eraseTopic() {
        return eraseTopic(applicationId);
    }

    /** Keyed by customer pseudonym, co-partitioned with {@code kafka.topics.privacy-requests}. */
    public static String customerIndexTopic(String applicationId) {
        return applicationId + "-customer-index";
    }

    /** Keyed by conversationId, co-partitioned with {@code kafka.topics.messages}. */
    public static String eraseTopic(String applicationId) {
        return applicationId + "-conversation-erase";
    }
}
