package dev.replyclock.config;

import dev.replyclock.alert.DeliveryPolicy;
import dev.replyclock.alert.ReceiverConfig;
import dev.replyclock.alert.Route;
import dev.replyclock.model.AlertKind;
import dev.replyclock.sla.SlaPolicies;
import dev.replyclock.sla.SlaPolicy;
import java.util.List;
import java.util.Set;

/**
 * The whole validated configuration of the daemon. Built only by {@link ConfigLoader}, which documents
 * every key in {@code config/replyclock.yaml}.
 *
 * @param classifyRules the signal rules file, or {@code builtin} for the rules packaged in the jar
 * @param privacy       retention and pseudonymization
 * @param delivery      retries and circuit breaking of alert delivery
 * @param route         which alerts go to which receivers
 * @param logFormat     text or json
 * @param overloadInhibits the kinds of page a firing team overload holds back ({@code alerts.overload.inhibits})
 * @param content       alert templates, languages, link and excerpt ({@code alerts.language}, ...)
 * @param teams         overload alerts and digests per team ({@code alerts.overload.*}, {@code alerts.digest.*})
 * @param intake        the webhook intake ({@code ingest.*}), off by default
 * @param health        when a process that stopped working exits ({@code health.*})
 * @param metricLabels  the values the channel and team labels of the metrics take ({@code metrics.channels},
 *                      the configured teams)
 */
public record ReplyclockConfig(KafkaSettings kafka, SlaPolicies policies, HttpSettings http,
                               List<ReceiverConfig> receivers, String classifyRules, PrivacySettings privacy,
                               DeliveryPolicy delivery, Route route, String logFormat, Set<AlertKind> overloadInhibits,
                               AlertContentSettings content, TeamViewSettings teams,
                               IntakeSettings intake, MetricLabels metricLabels,
                               HealthSettings health) {

    public static final String BUILTIN_RULES = "builtin";

    public ReplyclockConfig {
        receivers = List.copyOf(receivers);
        overloadInhibits = Set.copyOf(overloadInhibits);
    }

    /** The default policy: the top-level {@code sla.*} keys. */
    public SlaPolicy sla() {
        return policies.defaultPolicy();
    }
}
