package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.classify.Tier;
import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routing tree as support leads write it in alerts.route. */
class RouteTest {

    private static final String CONFIG = """
            alerts.receivers:
              - {name: console, type: log, path: "-"}
              - {name: on-call, type: log, path: "-"}
              - {name: email-team, type: log, path: "-"}
            alerts.route:
              receivers: [console]
              routes:
                - match: {tier: complaint, kind: [signal, breach, escalation]}
                  receivers: [on-call]
                  continue: true
                - match: {channel: email}
                  receivers: [email-team]
            """;

    private static Alert alert(Tier tier, AlertKind kind, String channel) {
        Instant t = Instant.parse("2026-11-24T09:00:00Z");
        return Alert.of("c", tier, kind, 0, channel, t, t, t, List.of());
    }

    @Test
    void firstMatchingRouteTakesTheAlertAndContinueGoesOn() throws Exception {
        Route route = ConfigLoader.parse(CONFIG, "test", Map.of(), Map.of()).route();
        assertEquals(Set.of("on-call", "email-team"), route.receiversFor(alert(Tier.COMPLAINT, AlertKind.BREACH, "email")));
        assertEquals(Set.of("on-call"), route.receiversFor(alert(Tier.COMPLAINT, AlertKind.SIGNAL, "chat")));
        assertEquals(Set.of("email-team"), route.receiversFor(alert(Tier.URGENT, AlertKind.BREACH, "email")));
        assertEquals(Set.of("console"), route.receiversFor(alert(Tier.URGENT, AlertKind.WARNING, "chat")),
                "no child takes it: the root's receivers");
    }

    @Test
    void withoutARouteEveryReceiverGetsEveryAlert() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse("alerts.receivers: [{name: a, type: log}, {name: b, type: log}]\n",
                "test", Map.of(), Map.of());
        assertEquals(Set.of("a", "b"), c.route().receiversFor(alert(Tier.STANDARD, AlertKind.BREACH, "chat")));
    }

    @Test
    void aRouteToAnUnknownReceiverOrWithAnUnknownMatcherIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("""
                alerts.route:
                  routes:
                    - match: {teem: billing}
                      receivers: [pager]
                """, "test", Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("alerts.route.routes[0].match.teem"), e.getMessage());
        assertTrue(e.getMessage().contains("alerts.route.routes[0].receivers = 'pager': no such receiver"), e.getMessage());
    }
}
