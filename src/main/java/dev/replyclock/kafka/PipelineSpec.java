package dev.replyclock.kafka;

import dev.replyclock.classify.Classifier;
import dev.replyclock.config.KafkaSettings;
import dev.replyclock.config.TeamViewSettings;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.privacy.Excerpter;
import dev.replyclock.privacy.Pseudonymizer;
import dev.replyclock.privacy.Redactor;
import dev.replyclock.privacy.StateArchive;
import dev.replyclock.sla.SlaEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link ReplyclockTopology#build} builds: the core pipeline (ingest, SLA processor) and the options the
 * daemon turns on from its config. Every option has an explicit off value, so that a call site says what runs
 * instead of leaving the reader to count nulls: start from {@link #core} (every option off) and turn options on
 * with the {@code with...} methods.
 *
 * @param applicationId names the internal topics ({@link ReplyclockTopology#rekeyTopic},
 *                      {@link ReplyclockTopology#teamLoadTopic}, {@link PrivacyOptions}); the Streams application id
 * @param classifier    read for every message, so that a reload of the rules takes effect at once
 * @param retention     how long a conversation's state is kept after its last reply or the end of its ladder
 * @param pseudonymizer replaces customer identifiers at ingest; empty keeps them (bench, tests) and indexes no
 *                      customer for erasure
 * @param redactor      masks personal data in dead-letter keys and previews
 * @param excerpter     the excerpt alerts carry ({@code alerts.include-excerpt}); empty: none, nothing of the text kept
 * @param erasure       the customer index, erasure requests and the archive of expired state; empty: none
 * @param teamView      the team view's settings (overload alerts, digests); empty: no team view
 * @param topicConfigs  the configs of the stores' changelogs ({@code privacy.erasure-bound})
 * @param rekey         {@code ingest.rekey: auto}: a record keyed otherwise than by its conversationId comes back
 *                      re-keyed through the rekey topic; false ({@code strict}) dead-letters it
 */
public record PipelineSpec(String applicationId, KafkaSettings.Topics topics, Supplier<Classifier> classifier,
                           SlaEngine engine, ReplyclockMetrics metrics, Clock clock, Duration retention,
                           Optional<Pseudonymizer> pseudonymizer, Redactor redactor, Optional<Excerpter> excerpter,
                           Optional<PrivacyOptions> erasure, Optional<TeamViewSettings> teamView,
                           TopicConfigs topicConfigs, boolean rekey) {

    public PipelineSpec {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(pseudonymizer, "pseudonymizer");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(excerpter, "excerpter");
        Objects.requireNonNull(erasure, "erasure");
        Objects.requireNonNull(teamView, "teamView");
        Objects.requireNonNull(topicConfigs, "topicConfigs");
    }

    /**
     * The core pipeline with every option off: customer identifiers kept, dead letters redacted for international
     * numbers only, no excerpts, erasure or team view, the default retention and erasure bound, {@code strict} keys.
     */
    public static PipelineSpec core(String applicationId, KafkaSettings.Topics topics, Supplier<Classifier> classifier,
                                    SlaEngine engine, ReplyclockMetrics metrics, Clock clock) {
        return new PipelineSpec(applicationId, topics, classifier, engine, metrics, clock,
                ReplyclockTopology.DEFAULT_RETENTION, Optional.empty(), DeadLetterRedaction.INTERNATIONAL_ONLY,
                Optional.empty(), Optional.empty(), Optional.empty(), ReplyclockTopology.DEFAULT_TOPIC_CONFIGS, false);
    }

    public PipelineSpec withRetention(Duration retention) {
        return new PipelineSpec(applicationId, topics, classifier, engine, metrics, clock, retention, pseudonymizer,
                redactor, excerpter, erasure, teamView, topicConfigs, rekey);
    }

    public PipelineSpec withPseudonymizer(Pseudonymizer pseudonymizer) {
        return new PipelineSpec(applicationId, topics, classifier, engine, metrics, clock, retention,
                Optional.of(pseudonymizer), redactor, excerpter, erasure, teamView, topicConfigs, rekey);
    }

    public PipelineSpec withRedactor(Redactor redactor) {
        return new PipelineSpec(applicationId, topics, classifier, engine, metrics, clock, retention, pseudonymizer,
                redactor, excerpter, erasure, teamView, topicConfigs, rekey);
    }

    /** @param excerpter empty: no excerpt ({@code alerts.include-excerpt: false}) */
    public PipelineSpec withExcerpter(Optional<Excerpter> excerpter) {
        return new PipelineSpec(applicationId, topics, classifier, engine, metrics, clock, retention, pseudonymizer,
                redactor, excerpter, erasure, teamView, topicConfigs, rekey);
    }

    /**
     * The right to erasure; it indexes customers only with a {@link #withPseudonymizer pseudonymizer}.
     *
     * @param archive where expired states go before deletion; empty: deleted unarchived
     */
    public PipelineSpec withErasure(Optional<StateArchive> archive) {
        return new PipelineSpec(applicationId, topics, classifier, engine, metrics, clock, retention, pseudonymizer,
                redactor, excerpter, Optional.of(new PrivacyOptions(applicationId, archive)), teamView, topicConfigs,
                rekey);
    }

    public PipelineSpec withTeamView(TeamViewSettings teams) {
        return new PipelineSpec(applicationId, topics, classifier, engine, metrics, clock, retention, pseudonymizer,
                redactor, excerpter, erasure, Optional.of(teams), topicConfigs, rekey);
    }

    public PipelineSpec withTopicConfigs(TopicConfigs topicConfigs) {
        return new PipelineSpec(applicationId, topics, classifier, engine, metrics, clock, retention, pseudonymizer,
                redactor, excerpter, erasure, teamView, topicConfigs, rekey);
    }

    /** @param auto {@code ingest.rekey: auto}; false is {@code strict} */
    public PipelineSpec withRekey(boolean auto) {
        return new PipelineSpec(applicationId, topics, classifier, engine, metrics, clock, retention, pseudonymizer,
                redactor, excerpter, erasure, teamView, topicConfigs, auto);
    }
}
