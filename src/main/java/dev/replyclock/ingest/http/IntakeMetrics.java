package dev.replyclock.ingest.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code replyclock_intake_total{source,outcome}}: every source and outcome registered at 0 from the start, so that
 * a rate over them is defined before the first webhook (bounded: 3 sources x 8 outcomes).
 */
public final class IntakeMetrics {

    public enum Source {
        MESSAGES, WHATSAPP, CHATWOOT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Per message: {@code produced} (the broker has it), {@code duplicate} (a repeat of a message this intake
     * produced lately), {@code ignored} (an event with nothing for a reply clock), {@code invalid} (a line or a
     * payload that is not the expected shape); per request refused: {@code unauthorized}, {@code too-large},
     * {@code rate-limited}, {@code unavailable} (the broker did not confirm in time: 503, the sender retries).
     */
    public enum Outcome {
        PRODUCED, DUPLICATE, IGNORED, INVALID, UNAUTHORIZED, TOO_LARGE, RATE_LIMITED, UNAVAILABLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Source, Map<Outcome, Counter>> counters = new EnumMap<>(Source.class);

    public IntakeMetrics(MeterRegistry registry) {
        for (Source source : Source.values()) {
            Map<Outcome, Counter> bySource = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                bySource.put(outcome, Counter.builder("replyclock.intake")
                        .description("What the webhook intake did with each message or refused request, by source")
                        .tag("source", source.label())
                        .tag("outcome", outcome.label())
                        .register(registry));
            }
            counters.put(source, bySource);
        }
    }

    public void count(Source source, Outcome outcome, int n) {
        if (n > 0) {
            counters.get(source).get(outcome).increment(n);
        }
    }
}
