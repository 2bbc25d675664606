package dev.replyclock.cli;

import dev.replyclock.alert.Inhibition;
import dev.replyclock.alert.Notifier;
import dev.replyclock.alert.OverloadState;
import dev.replyclock.alert.OverloadStore;
import dev.replyclock.alert.Receiver;
import dev.replyclock.alert.ReceiverConfig;
import dev.replyclock.alert.ReceiverFactory;
import dev.replyclock.alert.SilenceStore;
import dev.replyclock.classify.Classifier;
import dev.replyclock.classify.RulesException;
import dev.replyclock.classify.SignalRules;
import dev.replyclock.config.ApiTokenSetting;
import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ConfigProblem;
import dev.replyclock.config.KafkaSettings;
import dev.replyclock.config.PrivacySettings;
import dev.replyclock.config.ReloadableKeys;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.config.StartupFailure;
import dev.replyclock.ingest.MessageCodec;
import dev.replyclock.ingest.http.IntakeMetrics;
import dev.replyclock.ingest.http.IntakeServer;
import dev.replyclock.ingest.http.KafkaMessageSink;
import dev.replyclock.kafka.DeadLetterRedaction;
import dev.replyclock.kafka.EmbeddedKafka;
import dev.replyclock.kafka.PipelineSpec;
import dev.replyclock.kafka.ReplyclockTopology;
import dev.replyclock.kafka.StoreOpenConversations;
import dev.replyclock.kafka.StreamThreadFailures;
import dev.replyclock.kafka.StreamsSettings;
import dev.replyclock.kafka.TopicConfigs;
import dev.replyclock.kafka.TopicSetup;
import dev.replyclock.model.Direction;
import dev.replyclock.model.SupportMessage;
import dev.replyclock.ops.BrokerHealth;
import dev.replyclock.ops.InputLag;
import dev.replyclock.ops.Liveness;
import dev.replyclock.ops.OpsHttpServer;
import dev.replyclock.ops.Readiness;
import dev.replyclock.ops.ReloadResult;
import dev.replyclock.ops.ReplyclockMetrics;
import dev.replyclock.ops.SharedTotpSteps;
import dev.replyclock.privacy.AdminTotp;
import dev.replyclock.privacy.ApiToken;
import dev.replyclock.privacy.ApiTokens;
import dev.replyclock.privacy.ArchiveKeyset;
import dev.replyclock.privacy.ArchiveStore;
import dev.replyclock.privacy.Excerpter;
import dev.replyclock.privacy.LocalArchiveStore;
import dev.replyclock.privacy.PseudonymKey;
import dev.replyclock.privacy.Pseudonymizer;
import dev.replyclock.privacy.Redactor;
import dev.replyclock.privacy.S3ArchiveStore;
import dev.replyclock.privacy.StateArchive;
import dev.replyclock.sla.SlaEngine;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon, wired by hand: (embedded broker) -> topics -> Kafka Streams app (ingest, classify,
 * SLA) -> notifier -> receivers, with metrics and health over HTTP. {@link #start} returns once everything
 * is started; {@link #close} stops it all in reverse order and is safe to call twice.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(20);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String bootstrapServers;
    private KafkaStreams streams;
    private Notifier notifier;
    private OpsHttpServer http;
    private IntakeServer intake;
    private PrometheusMeterRegistry registry;
    private ReplyclockMetrics metrics;
    private boolean closed;
    private Path configFile;
    private SlaEngine engine;
    private ReceiverFactory receiverFactory;
    private List<ReceiverConfig> runningReceivers;
    /** Builds the receivers with an alert text (a reload that changes the text builds a new factory). */
    private java.util.function.Function<dev.replyclock.alert.AlertText, ReceiverFactory> receiverFactories;
    /** The value of every key the daemon runs with, to tell which keys a reload changes; guarded by {@code this}. */
    private final Map<String, String> runningValues = new java.util.TreeMap<>();
    private BrokerHealth brokerHealth;
    private SilenceStore silences;
    private OverloadStore overload;
    /** Set when we close the daemon ourselves: a Streams client going NOT_RUNNING is then no failure. */
    private volatile boolean stopping;
    private final AtomicReference<Classifier> classifierRef = new AtomicReference<>();

    private Daemon() {
    }

    /** Loads the classifier named by {@code classify.rules}; a bad rules file is a config problem. */
    public static Classifier classifier(ReplyclockConfig config) throws ConfigException {
        if (ReplyclockConfig.BUILTIN_RULES.equals(config.classifyRules())) {
            return Classifier.builtIn();
        }
        try {
            return Classifier.fromRules(SignalRules.load(Path.of(config.classifyRules())));
        } catch (RulesException e) {
            throw new ConfigException(config.classifyRules(), List.of(
                    new ConfigProblem("classify.rules", config.classifyRules(), e.getMessage())));
        }
    }

    /** The excerpt alerts carry, or null when alerts.include-excerpt is off (nothing of the text is kept). */
    private static Optional<Excerpter> excerpter(ReplyclockConfig config) {
        return config.content().includeExcerpt()
                ? Optional.of(new Excerpter(new Redactor(config.privacy().defaultRegion()), config.content().excerptLength()))
                : Optional.empty();
    }

    private static Pseudonymizer pseudonymizer(ReplyclockConfig config) {
        Path file = config.privacy().pseudonymKeyFile();
        return new Pseudonymizer(StartupFailure.reading("privacy.pseudonym-key-file", file,
                "restore the key from your backup, or point privacy.pseudonym-key-file at a new path for a new key"
                        + " (customers then get new pseudonyms)", () -> PseudonymKey.loadOrCreate(file)),
                config.privacy().defaultRegion());
    }

    /** The archive of expired states; empty when {@code privacy.archive.target} is. */
    private static Optional<StateArchive> archive(ReplyclockConfig config, Clock clock) {
        PrivacySettings privacy = config.privacy();
        if (!privacy.archiving()) {
            return Optional.empty();
        }
        StateArchive archive = StartupFailure.reading("privacy.archive.keyset-file", privacy.archiveKeysetFile(),
                "restore the keyset from your backup, or check privacy.archive.target and privacy.archive.keyset-file",
                () -> {
                    ArchiveStore store = privacy.archiveS3() != null ? new S3ArchiveStore(privacy.archiveS3())
                            : new LocalArchiveStore(privacy.archiveDir());
                    return StateArchive.open(store, privacy.archiveKeysetFile(), clock);
                });
        log.info("expired state is archived, encrypted, to {} (key: {})", archive.describe(),
                privacy.archiveKeysetFile().toAbsolutePath());
        ArchiveKeyset.placementWarning(privacy.archiveKeysetFile(), config.kafka().stateDir(),
                config.kafka().embeddedDataDir(), privacy.archiveDir()).ifPresent(log::warn);
        return Optional.of(archive);
    }

    public static Daemon start(ReplyclockConfig config, Clock clock, PrintStream stdout) throws ConfigException {
        return start(config, null, clock, stdout);
    }

    /** @param configFile where {@code config} was read from, re-read by {@link #reload}; null = no reload */
    public static Daemon start(ReplyclockConfig config, Path configFile, Clock clock, PrintStream stdout)
            throws ConfigException {
        Classifier classifier = classifier(config);
        Daemon d = new Daemon();
        d.configFile = configFile;
        if (configFile != null) {
            d.runningValues.putAll(ConfigLoader.values(configFile, System.getenv()));
        }
        d.classifierRef.set(classifier);
        try {
            d.startAll(config, classifier, clock, stdout);
            return d;
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private void startAll(ReplyclockConfig config, Classifier classifier, Clock clock, PrintStream stdout) {
        // The files the config names first: a missing or bad one stops start-up before anything runs.
        Pseudonymizer pseudonymizer = pseudonymizer(config);
        List<ApiToken> tokens = new ArrayList<>();
        for (ApiTokenSetting ts : config.http().apiTokens()) {
            boolean legacy = ts.name().equals(ApiToken.LEGACY_NAME) && ts.tokenFile().equals(config.http().apiTokenFile());
            tokens.add(StartupFailure.reading(legacy ? "http.api-token-file" : "http.api-tokens (" + ts.name() + ")",
                    ts.tokenFile(), "write a token of 16 characters or more (openssl rand -hex 32 > FILE), or "
                            + (legacy ? "leave http.api-token-file empty" : "remove this token from http.api-tokens"),
                    () -> ApiToken.fromFile(ts.name(), ts.role(), ts.tokenFile())));
        }
        // Read and checked here; the used codes are shared through Kafka, so the TOTP itself is made once it runs.
        String adminTotpSecret = config.http().adminTotpFile() == null ? null : StartupFailure.reading(
                "http.admin-totp-file", config.http().adminTotpFile(), "create it with `replyclock totp-secret`, or"
                        + " leave http.admin-totp-file empty to turn the export off", () -> {
                    String secret = java.nio.file.Files.readString(config.http().adminTotpFile(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    new AdminTotp(secret, clock); // an unusable secret stops start-up here
                    return secret;
                });
        Optional<StateArchive> archive = archive(config, clock);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        metrics = new ReplyclockMetrics(registry, config.sla(), config.metricLabels());
        metrics.startAtZero();

        if (config.kafka().embedded()) {
            EmbeddedKafka broker = EmbeddedKafka.start(config.kafka().embeddedPort(), config.kafka().embeddedDataDir());
            toClose.add(broker);
            bootstrapServers = broker.bootstrapServers();
            log.info("embedded broker: produce to {} (topic {})", bootstrapServers, config.kafka().topics().messages());
        } else {
            bootstrapServers = config.kafka().bootstrapServers();
        }
        TopicSetup.ensureTopics(bootstrapServers, config.kafka(), config.privacy().erasureBound(), Duration.ofSeconds(60));
        // Checked every second (2 s budget each); not ready after 6 s without an answer: a dead broker shows
        // on /health/ready within about 8 s, one slow answer on a busy machine does not.
        brokerHealth = new BrokerHealth(config.kafka().clientConfig(bootstrapServers), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(6));
        toClose.add(brokerHealth);
        // Every 15 s, a usual scrape interval; the Streams group is the application id.
        InputLag inputLag = new InputLag(config.kafka().clientConfig(bootstrapServers), config.kafka().applicationId(),
                config.kafka().topics().messages(), Duration.ofSeconds(15));
        toClose.add(inputLag);
        metrics.inputLag(inputLag::records);

        List<Receiver> receivers = new ArrayList<>();
        receiverFactories = text -> new ReceiverFactory(config.kafka().clientConfig(bootstrapServers), clock, stdout, text);
        ReceiverFactory factory = receiverFactories.apply(config.content().text());
        for (int i = 0; i < config.receivers().size(); i++) {
            ReceiverConfig rc = config.receivers().get(i);
            receivers.add(StartupFailure.reading("alerts.receivers[" + i + "]", rc.name(),
                    "fix this receiver's settings or secret file", () -> factory.create(rc)));
        }
        receiverFactory = factory;
        runningReceivers = config.receivers();
        KafkaSettings.Topics t = config.kafka().topics();
        silences = new SilenceStore(config.kafka().clientConfig(bootstrapServers), t.silences(), clock,
                config.http().silenceMaxDuration());
        silences.start();
        toClose.add(silences);
        // The overload state survives restarts on its compacted topic: read it before the receivers start.
        overload = new OverloadStore(config.kafka().clientConfig(bootstrapServers), t.overload(),
                new OverloadState());
        toClose.add(overload);
        if (!overload.start(Duration.ofSeconds(30))) {
            log.warn("the overload topic {} was not read to its end in 30 s; inhibition catches up as it reads", t.overload());
        }
        notifier = new Notifier(Notifier.Settings.of(config.kafka().clientConfig(bootstrapServers),
                        config.kafka().applicationId(), new Notifier.Topics(t.alerts(), t.undelivered(),
                                t.notificationLog()), config.delivery(), metrics, clock)
                .withRoute(config.route())
                .withSilences(silences)
                .withInhibition(new Inhibition(config.overloadInhibits(), overload.state())), receivers);
        toClose.add(notifier);
        for (var consumer : notifier.consumers()) {
            KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(consumer);
            consumerMetrics.bindTo(registry);
            toClose.add(consumerMetrics);
        }

        engine = new SlaEngine(config.policies(), clock);
        TopicConfigs topicConfigs = new TopicConfigs(config.privacy().erasureBound());
        Redactor redactor = new Redactor(config.privacy().defaultRegion());
        streams = new KafkaStreams(
                ReplyclockTopology.build(PipelineSpec.core(config.kafka().applicationId(), config.kafka().topics(),
                                classifierRef::get, engine, metrics, clock)
                        .withRetention(config.privacy().retention())
                        .withPseudonymizer(pseudonymizer)
                        .withRedactor(redactor)
                        .withExcerpter(excerpter(config))
                        .withErasure(archive)
                        .withTeamView(config.teams())
                        .withTopicConfigs(topicConfigs)
                        .withRekey(config.kafka().rekey())),
                StreamsSettings.of(config.kafka(), bootstrapServers, metrics, topicConfigs,
                        new DeadLetterRedaction(new MessageCodec(clock), pseudonymizer, redactor)));
        // Wall time, not the daemon's clock: "three failures in ten minutes" is about the machine, not the SLA.
        streams.setUncaughtExceptionHandler(StreamThreadFailures.standard(Clock.systemUTC(),
                response -> metrics.streamThreadFailure(response.name().toLowerCase(java.util.Locale.ROOT))));
        metrics.live(() -> liveness().live());
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        toClose.add(() -> {
            // Leave the group on the way out: the partitions move to the other instances at once instead
            // of after the session timeout (45 s), and a restarted instance rejoins without waiting.
            if (!streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
                log.warn("Kafka Streams did not close within {}", CLOSE_TIMEOUT);
            }
        });
        toClose.add(streamsMetrics);
        streams.start();
        notifier.start();

        java.util.Properties ackProps = config.kafka().clientConfig(bootstrapServers);
        ackProps.put(ProducerConfig.CLIENT_ID_CONFIG, config.kafka().applicationId() + "-api");
        KafkaProducer<String, byte[]> ackProducer = new KafkaProducer<>(ackProps, new StringSerializer(),
                new ByteArraySerializer());
        toClose.add(() -> ackProducer.close(Duration.ofSeconds(5)));
        MessageCodec codec = new MessageCodec();
        String messagesTopic = config.kafka().topics().messages();
        OpsHttpServer.AckSink acks = (conversationId, by) -> ackProducer.send(new ProducerRecord<>(messagesTopic,
                conversationId, codec.encode(new SupportMessage(UUID.randomUUID().toString(), conversationId,
                        Direction.ACK, "", "api", "", clock.instant().atOffset(ZoneOffset.UTC), null, null, by))))
                .get(10, TimeUnit.SECONDS);
        http = new OpsHttpServer(config.http().bindAddress(), config.http().port(), registry, this::readiness,
                this::liveness, ApiTokens.of(tokens), acks, this::reload, silences);
        toClose.add(http);
        StoreOpenConversations openConversations = new StoreOpenConversations(streams);
        http.enableConversationState(openConversations);
        if (adminTotpSecret != null) {
            // The used codes are shared by every instance, so that a code seen on the wire is not replayed elsewhere.
            java.util.Properties client = config.kafka().clientConfig(bootstrapServers);
            SharedTotpSteps usedSteps = new SharedTotpSteps(client,
                    SharedTotpSteps.topicFor(config.kafka().applicationId())).start(client, Duration.ofSeconds(60));
            toClose.add(usedSteps);
            http.enableExport(new AdminTotp(adminTotpSecret, clock, usedSteps), openConversations);
        }
        log.info("metrics at {}/metrics, readiness at {}/health/ready", http.baseUrl(), http.baseUrl());
        if (config.intake().enabled()) {
            startIntake(config, pseudonymizer, clock);
        }
    }

    /** The webhook intake on its own listener, producing to the messages topic (acks=all, idempotent). */
    private void startIntake(ReplyclockConfig config, Pseudonymizer pseudonymizer, Clock clock) {
        java.util.Properties client = config.kafka().clientConfig(bootstrapServers);
        client.put(ProducerConfig.CLIENT_ID_CONFIG, config.kafka().applicationId() + "-intake");
        KafkaMessageSink sink = new KafkaMessageSink(client, config.kafka().topics().messages(),
                config.intake().produceTimeout());
        toClose.add(sink);
        intake = new IntakeServer(config.intake(), sink, pseudonymizer, clock, new IntakeMetrics(registry));
        toClose.add(intake);
        log.info("webhook intake at {}/ingest/ (messages: {}, whatsapp: {}, chatwoot: {})", intake.baseUrl(),
                onOff(config.intake().messagesOn()), onOff(config.intake().whatsappOn()),
                onOff(config.intake().chatwootOn()));
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /**
     * Re-reads the config file: SLA policies, calendars, signal rules, routes, receivers and the alert text
     * (templates, languages, link) take effect at once (see {@link Notifier#updateReceivers}); a bad file, or a
     * receiver that cannot be built, is refused and the running configuration kept (like Alertmanager). Any other
     * key that changed is reported as needing a restart (in the result and the log) and keeps its running value:
     * it is listed again at each reload until the restart.
     */
    public synchronized ReloadResult reload() {
        if (configFile == null) {
            return ReloadResult.refused(List.of(new ConfigProblem("--config", null,
                    "this daemon was started without a config file")));
        }
        try {
            ReplyclockConfig fresh = ConfigLoader.load(configFile, System.getenv());
            Map<String, String> freshValues = ConfigLoader.values(configFile, System.getenv());
            java.util.SortedSet<String> changed = ReloadableKeys.changed(runningValues, freshValues);
            Classifier classifier = classifier(fresh);
            boolean newText = changed.stream().anyMatch(ReloadableKeys::alertText);
            ReceiverFactory factory = newText ? receiverFactories.apply(fresh.content().text()) : receiverFactory;
            ReceiverReload receivers = ReceiverReload.plan(runningReceivers, fresh.receivers(), factory, newText);
            try {
                notifier.updateReceivers(receivers.startOrReplace(), receivers.stop());
            } catch (IllegalStateException e) {
                receivers.discard();
                throw new ConfigException(configFile.toString(), List.of(new ConfigProblem("alerts.receivers", null,
                        e.getMessage() + "; nothing was reloaded, try again")));
            }
            receiverFactory = factory;
            runningReceivers = fresh.receivers();
            engine.updatePolicies(fresh.policies());
            classifierRef.set(classifier);
            notifier.updateRoute(fresh.route());
            metrics.labels(fresh.metricLabels()); // a team a new policy names is its own label at once
            List<String> applied = changed.stream().filter(ReloadableKeys::applied).toList();
            List<String> needsRestart = changed.stream().filter(k -> !ReloadableKeys.applied(k)).toList();
            applied.forEach(k -> runningValues.put(k, freshValues.get(k)));
            metrics.configReloads("success").increment();
            log.info("reloaded {}: changed and applied {} ({} receivers started or replaced, {} removed)", configFile,
                    applied, receivers.startOrReplace().size(), receivers.stop().size());
            if (!needsRestart.isEmpty()) {
                log.warn("reloaded {}, but these changed keys need a restart and keep their running values until then: {}",
                        configFile, needsRestart);
            }
            return new ReloadResult(List.of(), applied, needsRestart);
        } catch (ConfigException e) {
            metrics.configReloads("failure").increment();
            log.warn("refused to reload {}, keeping the running configuration: {}", configFile, e.problems());
            return ReloadResult.refused(e.problems());
        }
    }

    public Readiness readiness() {
        KafkaStreams.State state = streams == null ? null : streams.state();
        boolean streamsRunning = state == KafkaStreams.State.RUNNING;
        boolean consuming = notifier != null && notifier.isConsuming();
        BrokerHealth.Status broker = brokerHealth == null ? new BrokerHealth.Status(false, "broker not checked yet")
                : brokerHealth.status();
        return new Readiness(streamsRunning && consuming && broker.reachable(),
                "streams " + (state == null ? "NOT_STARTED" : state) + ", notifier "
                        + (consuming ? "consuming" : "not consuming") + ", " + broker.describe());
    }

    /** Not live once a part that does not come back on its own has stopped (see {@link Liveness#judge}). */
    public Liveness liveness() {
        List<String> dead = new ArrayList<>(notifier == null ? List.of() : notifier.deadWorkers());
        if (silences != null) {
            silences.deadTail().ifPresent(dead::add);
        }
        if (overload != null) {
            overload.deadTail().ifPresent(dead::add);
        }
        return Liveness.judge(streams == null ? null : streams.state(), stopping, dead);
    }

    /** The Streams client, for tests that make it fail. */
    KafkaStreams streams() {
        return streams;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String httpBaseUrl() {
        return http.baseUrl();
    }

    /** The intake's base URL, or null when {@code ingest.http.port} is empty (off). */
    public String intakeBaseUrl() {
        return intake == null ? null : intake.baseUrl();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Stops everything started, in reverse order; safe to call twice. */
    @Override
    public synchronized void close() {
        stopping = true;
        if (closed) {
            return;
        }
        closed = true;
        // Reverse start order: HTTP, the Streams app, the notifier, then the broker.
        List<AutoCloseable> order = new ArrayList<>(toClose);
        java.util.Collections.reverse(order);
        for (AutoCloseable c : order) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("error while stopping {}: {}", c, e.toString());
            }
        }
        if (registry != null) {
            registry.close();
        }
    }
}
