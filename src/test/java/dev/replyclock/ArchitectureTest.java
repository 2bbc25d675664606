package dev.replyclock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the packages (main code only; tests may reach across). From the bottom up:
 * <pre>
 *   model                      shared data: messages, tiers, signals, alerts, durations
 *   classify   sla   privacy   the domain, plain Java (sla reads classify's results)
 *   alert                      delivery (uses sla's business calendar, privacy's redactor)
 *   config                     parses the YAML into the types below it
 *   ingest                     decoding and the intake HTTP server (uses config's settings)
 *   ops                        metrics, health, the ops HTTP API
 *   kafka                      topology, serdes, embedded broker: the only place that wires Streams
 *   bench                      the {@code bench} command's harness: load, probes, figures
 *   cli                        commands and the daemon's wiring
 * </pre>
 * A package may use those below it, never those above, and no two packages may need each other.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.replyclock");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.replyclock.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void packagesUseOnlyTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("dev.replyclock.model..")
                .layer("classify").definedBy("dev.replyclock.classify..")
                .layer("sla").definedBy("dev.replyclock.sla..")
                .layer("privacy").definedBy("dev.replyclock.privacy..")
                .layer("alert").definedBy("dev.replyclock.alert..")
                .layer("config").definedBy("dev.replyclock.config..")
                .layer("ingest").definedBy("dev.replyclock.ingest..")
                .layer("ops").definedBy("dev.replyclock.ops..")
                .layer("kafka").definedBy("dev.replyclock.kafka..")
                .layer("bench").definedBy("dev.replyclock.bench..")
                .layer("cli").definedBy("dev.replyclock.cli..")
                .whereLayer("model").mayNotAccessAnyLayer()
                .whereLayer("classify").mayOnlyAccessLayers("model")
                .whereLayer("sla").mayOnlyAccessLayers("model", "classify")
                .whereLayer("privacy").mayOnlyAccessLayers("model")
                .whereLayer("alert").mayOnlyAccessLayers("model", "sla", "privacy")
                .whereLayer("config").mayOnlyAccessLayers("model", "classify", "sla", "privacy", "alert")
                .whereLayer("ingest").mayOnlyAccessLayers("model", "privacy", "config")
                .whereLayer("ops").mayOnlyAccessLayers("model", "classify", "sla", "privacy", "alert", "config",
                        "ingest")
                .whereLayer("kafka").mayOnlyAccessLayers("model", "classify", "sla", "privacy", "alert", "config",
                        "ingest", "ops")
                .whereLayer("bench").mayOnlyAccessLayers("model", "classify", "sla", "privacy", "alert", "config",
                        "ingest", "ops", "kafka")
                .whereLayer("cli").mayOnlyAccessLayers("model", "classify", "sla", "privacy", "alert", "config",
                        "ingest", "ops", "kafka", "bench")
                .check(classes);
    }

    /** The brief: classify and sla are plain Java with an injected clock, unit-tested and replayed alone. */
    @Test
    void classifyAndSlaAreFreeOfKafkaAndDelivery() {
        noClasses().that().resideInAnyPackage("dev.replyclock.classify..", "dev.replyclock.sla..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "dev.replyclock.ops..",
                        "dev.replyclock.alert..", "dev.replyclock.config..", "dev.replyclock.kafka..",
                        "java.net..", "io.micrometer..")
                .check(classes);
    }

    /** Shared data is plain data: nothing of Kafka, HTTP or metrics. */
    @Test
    void modelIsFreeOfInfrastructure() {
        noClasses().that().resideInAPackage("dev.replyclock.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.micrometer..",
                        "java.net..", "org.eclipse.jetty..")
                .check(classes);
    }
}
