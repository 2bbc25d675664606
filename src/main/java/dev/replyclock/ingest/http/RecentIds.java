package dev.replyclock.ingest.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the messages this intake produced lately, so that a provider's retry of a notification it already
 * delivered (WhatsApp and Chatwoot retry on timeouts) is not produced again: after the staff reply, a repeated
 * customer message would open a second wait. Bounded (least recently seen dropped first) and per instance: a retry
 * that lands on another instance, or after a restart, is still harmless before the reply, as the SLA engine keeps
 * the earliest deadline and alert ids are deterministic.
 */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String id) {
        return ids.containsKey(id);
    }

    synchronized void add(String id) {
        ids.put(id, Boolean.TRUE);
    }
}
