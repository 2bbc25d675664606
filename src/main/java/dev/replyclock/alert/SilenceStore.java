package dev.replyclock.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.replyclock.model.Alert;
import dev.replyclock.model.DurationParser;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silences on a compacted topic (key = silence id, a tombstone deletes), so they survive restarts and reach
 * every instance: each instance tails the topic into memory ({@link CompactedTopicTail}); the API writes to it.
 */
public final class SilenceStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SilenceStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The default of {@code alerts.silences.max-duration}: a forgotten silence mutes for a week at most. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofDays(7);

    private final String topic;
    private final Clock clock;
    private final Duration maxDuration;
    private final Map<String, Silence> silences = new ConcurrentHashMap<>();
    private final KafkaProducer<String, String> producer;
    private final CompactedTopicTail<String> tail;

    /** With silences of at most {@link #DEFAULT_MAX_DURATION}. */
    public SilenceStore(Properties client, String topic, Clock clock) {
        this(client, topic, clock, DEFAULT_MAX_DURATION);
    }

    /** @param maxDuration the longest silence accepted ({@code alerts.silences.max-duration}) */
    public SilenceStore(Properties client, String topic, Clock clock, Duration maxDuration) {
        this.topic = topic;
        this.clock = clock;
        this.maxDuration = maxDuration;
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.tail = new CompactedTopicTail<>(client, topic, new StringDeserializer(), "replyclock-silences",
                this::apply, "silences made by other instances or before this start are not applied");
    }

    public void start() {
        tail.start();
    }

    private void apply(ConsumerRecord<String, String> r) {
        if (r.value() == null) {
            silences.remove(r.key());
        } else {
            try {
                Silence s = fromJson(JSON.readTree(r.value()));
                silences.put(s.id(), s);
            } catch (IOException | RuntimeException e) {
                log.warn("skipping an unreadable silence {}: {}", r.key(), e.getMessage());
            }
        }
    }

    /** True when an active silence mutes the alert. */
    public boolean mutes(Alert alert) {
        Instant now = clock.instant();
        for (Silence s : silences.values()) {
            if (s.mutes(alert, now)) {
                return true;
            }
        }
        return false;
    }

    public List<Silence> all() {
        return List.copyOf(silences.values());
    }

    /**
     * Creates a silence from the API's JSON; throws IllegalArgumentException naming what is wrong.
     *
     * @param createdBy who creates it (the API token's name); a {@code createdBy} in the body is ignored
     */
    public Silence create(JsonNode body, String createdBy) throws Exception {
        Instant now = clock.instant();
        Map<String, Set<String>> matchers = new HashMap<>();
        JsonNode m = body.path("matchers");
        if (!m.isObject() || m.isEmpty()) {
            throw new IllegalArgumentException("'matchers' must name at least one of " + Silence.MATCH_KEYS);
        }
        Iterator<String> keys = m.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!Silence.MATCH_KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown matcher '" + k + "'; use " + Silence.MATCH_KEYS);
            }
            Set<String> values = new HashSet<>();
            if (m.get(k).isArray()) {
                m.get(k).forEach(v -> values.add(v.asText()));
            } else {
                values.add(m.get(k).asText());
            }
            if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("matchers." + k + " = " + m.get(k) + ": give a " + k
                        + (k.equals("team") ? " name (conversations without a team are of the team '"
                        + Alert.DEFAULT_TEAM + "')" : " value"));
            }
            matchers.put(k, values);
        }
        Instant starts = body.has("startsAt") ? Instant.parse(body.get("startsAt").asText()) : now;
        Instant ends;
        if (body.has("endsAt")) {
            ends = Instant.parse(body.get("endsAt").asText());
        } else if (body.has("duration")) {
            ends = starts.plus(DurationParser.parse(body.get("duration").asText())
                    .orElseThrow(() -> new IllegalArgumentException("'duration' must be like 30m or 2h")));
        } else {
            throw new IllegalArgumentException("give 'endsAt' (ISO-8601) or 'duration' (like 2h): silences expire");
        }
        if (!ends.isAfter(starts)) {
            throw new IllegalArgumentException("'endsAt' must be after 'startsAt'");
        }
        Duration length = Duration.between(starts, ends);
        if (length.compareTo(maxDuration) > 0) {
            throw new IllegalArgumentException("this silence would last " + DurationParser.format(length)
                    + "; a silence lasts at most " + DurationParser.format(maxDuration)
                    + " (alerts.silences.max-duration): end it sooner, and create a new one then if it is still needed");
        }
        Silence s = new Silence(UUID.randomUUID().toString(), matchers, starts, ends, createdBy,
                body.path("comment").asText(""));
        producer.send(new ProducerRecord<>(topic, s.id(), toJson(s).toString())).get(10, TimeUnit.SECONDS);
        silences.put(s.id(), s);
        return s;
    }

    public boolean delete(String id) throws Exception {
        if (silences.remove(id) == null) {
            return false;
        }
        producer.send(new ProducerRecord<>(topic, id, null)).get(10, TimeUnit.SECONDS);
        return true;
    }

    public static ObjectNode toJson(Silence s) {
        ObjectNode o = JSON.createObjectNode().put("id", s.id());
        ObjectNode m = o.putObject("matchers");
        s.matchers().forEach((k, v) -> {
            ArrayNode a = m.putArray(k);
            v.stream().sorted().forEach(a::add);
        });
        return o.put("startsAt", s.startsAt().toString()).put("endsAt", s.endsAt().toString())
                .put("createdBy", s.createdBy()).put("comment", s.comment());
    }

    static Silence fromJson(JsonNode o) {
        Map<String, Set<String>> matchers = new HashMap<>();
        o.path("matchers").fieldNames().forEachRemaining(k -> {
            Set<String> values = new HashSet<>();
            o.path("matchers").get(k).forEach(v -> values.add(v.asText()));
            matchers.put(k, values);
        });
        return new Silence(o.get("id").asText(), matchers, Instant.parse(o.get("startsAt").asText()),
                Instant.parse(o.get("endsAt").asText()), o.path("createdBy").asText(""), o.path("comment").asText(""));
    }

    /** The name of the thread reading the topic when it ended on an error, else empty. */
    public java.util.Optional<String> deadTail() {
        return tail.failed() ? java.util.Optional.of(tail.threadName()) : java.util.Optional.empty();
    }

    @Override
    public void close() {
        tail.close();
        producer.close(Duration.ofSeconds(3));
    }

    /** For listing: active ones first. */
    public List<Silence> sortedForDisplay() {
        List<Silence> out = new ArrayList<>(silences.values());
        Instant now = clock.instant();
        out.sort((a, b) -> Boolean.compare(b.activeAt(now), a.activeAt(now)));
        return out;
    }
}
