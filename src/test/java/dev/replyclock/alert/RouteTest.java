package dev.replyclock.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigLoader;
import dev.replyclock.config.ReplyclockConfig;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
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
        return Alert.about("c").kind(kind).tier(tier).channel(channel).openedAt(t).deadline(t).createdAt(t).build();
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

    private static Alert teamAlert(Tier tier, AlertKind kind, String team) {
        Instant t = Instant.parse("2026-11-24T09:00:00Z");
        return Alert.about("c").kind(kind).tier(tier).channel("chat").team(team).openedAt(t).deadline(t).createdAt(t)
                .build();
    }

    private static final String TEAMS_AND_HOURS = """
            alerts.receivers:
              - {name: console, type: log}
              - {name: billing-pager, type: log}
              - {name: night-desk, type: log}
              - {name: quebec-desk, type: log}
            sla.calendars:
              paris: {zone: Europe/Paris, hours: {mon-fri: "09:00-18:00"}}
              montreal: {zone: America/Toronto, hours: {mon-fri: "09:00-17:00"}}
            sla.calendar: paris
            alerts.route:
              receivers: [console]
              group_by: [team]
              group_wait: 30s
              routes:
                - match: {team: billing, calendar: in-hours}
                  receivers: [billing-pager]
                  repeat_interval: 10m
                - match: {calendar: out-of-hours}
                  receivers: [night-desk]
                  group_by: ['...']
                  group_wait: 0s
                  routes:
                    - match: {calendar: in-hours}
                      calendar-name: montreal
                      receivers: [quebec-desk]
            """;

    @Test
    void teamAndCalendarMatchersAreJudgedAtDeliveryTime() throws Exception {
        Route route = ConfigLoader.parse(TEAMS_AND_HOURS, "test", Map.of(), Map.of()).route();
        Instant tuesdayMorningParis = Instant.parse("2026-11-24T09:00:00Z");
        Instant tuesdayEveningParis = Instant.parse("2026-11-24T19:00:00Z"); // 20:00 Paris, 14:00 Montreal
        Instant sundayNight = Instant.parse("2026-11-29T23:00:00Z");
        Alert billing = teamAlert(Tier.URGENT, AlertKind.BREACH, "billing");
        assertEquals(Set.of("billing-pager"), route.receiversFor(billing, tuesdayMorningParis));
        assertEquals(Set.of("console"), route.receiversFor(teamAlert(Tier.URGENT, AlertKind.BREACH, "shipping"),
                tuesdayMorningParis), "another team in hours: no child takes it");
        assertEquals(Set.of("console"), route.receiversFor(teamAlert(Tier.URGENT, AlertKind.BREACH, null),
                tuesdayMorningParis), "no team matches no team matcher");
        assertEquals(Set.of("quebec-desk"), route.receiversFor(billing, tuesdayEveningParis),
                "out of Paris hours, in Montreal hours (the node's calendar-name)");
        assertEquals(Set.of("night-desk"), route.receiversFor(billing, sundayNight));
    }

    @Test
    void childrenInheritTheirParentsGroupingUnlessTheySetTheirOwn() throws Exception {
        Route route = ConfigLoader.parse(TEAMS_AND_HOURS, "test", Map.of(), Map.of()).route();
        Alert billing = teamAlert(Tier.URGENT, AlertKind.BREACH, "billing");
        Route.Target pager = route.targetsFor(billing, Instant.parse("2026-11-24T09:00:00Z")).get(0);
        assertEquals(new GroupSettings(List.of("team"), java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(10)), pager.grouping(), "group_by and group_wait from the root, its own repeat");
        Route.Target quebec = route.targetsFor(billing, Instant.parse("2026-11-24T19:00:00Z")).get(0);
        assertEquals(new GroupSettings(List.of("..."), java.time.Duration.ZERO, java.time.Duration.ZERO),
                quebec.grouping(), "from its parent, which set group_by and group_wait; repeat from the default");
        Route.Target console = route.targetsFor(teamAlert(Tier.URGENT, AlertKind.BREACH, "x"),
                Instant.parse("2026-11-24T09:00:00Z")).get(0);
        assertEquals(new GroupSettings(List.of("team"), java.time.Duration.ofSeconds(30), java.time.Duration.ZERO),
                console.grouping());
        assertTrue(!pager.node().equals(console.node()), "each node groups on its own");
    }

    @Test
    void withoutGroupingKeysNothingWaits() throws Exception {
        Route route = ConfigLoader.parse(CONFIG, "test", Map.of(), Map.of()).route();
        for (Route.Target t : route.targetsFor(alert(Tier.COMPLAINT, AlertKind.BREACH, "email"), Instant.now())) {
            assertEquals(GroupSettings.DEFAULT, t.grouping());
            assertEquals(java.time.Duration.ZERO, t.grouping().groupWait());
            assertEquals(java.time.Duration.ZERO, t.grouping().repeatInterval());
        }
    }

    private static String problemsOf(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "test", Map.of(), Map.of()));
        return e.getMessage();
    }

    @Test
    void badGroupingSettingsAreRefusedNamingTheKey() {
        String m = problemsOf("""
                alerts.route:
                  group_wait: soon
                  routes:
                    - match: {tier: complaint}
                      group_by: [tier, customer]
                      repeat_interval: -5m
                    - group_by: ['...', team]
                    - group_by: team
                """);
        assertTrue(m.contains("alerts.route.group_wait = 'soon': use a duration"), m);
        assertTrue(m.contains("alerts.route.routes[0].group_by = 'customer': unknown label"), m);
        assertTrue(m.contains("alerts.route.routes[0].repeat_interval = '-5m'"), m);
        assertTrue(m.contains("alerts.route.routes[1].group_by"), m);
        assertTrue(m.contains("stands alone"), m);
        assertTrue(m.contains("alerts.route.routes[2].group_by = 'team': use a list of labels"), m);
    }

    @Test
    void unknownMatcherValuesAreRefusedNamingTheKey() {
        String m = problemsOf("""
                sla.calendars: {paris: {zone: Europe/Paris, hours: {mon-fri: "09:00-18:00"}}}
                alerts.route:
                  routes:
                    - match: {tier: complain, kind: [breach, page], calendar: weekend}
                    - match: {calendar: in-hours}
                      calendar-name: lyon
                    - match: {team: ""}
                """);
        assertTrue(m.contains("alerts.route.routes[0].match.tier = 'complain': use one of [complaint, standard, urgent]"), m);
        assertTrue(m.contains("alerts.route.routes[0].match.kind = 'page': use one of"), m);
        assertTrue(m.contains("alerts.route.routes[0].match.calendar = 'weekend': use one of [in-hours, out-of-hours]"), m);
        assertTrue(m.contains("alerts.route.routes[1].calendar-name = 'lyon': no such calendar under sla.calendars (known: [paris])"), m);
        assertTrue(m.contains("alerts.route.routes[2].match.team = '': give a team name"), m);
    }

    @Test
    void aCalendarMatcherWithoutBusinessHoursIsRefused() {
        String m = problemsOf("""
                alerts.route:
                  routes:
                    - match: {calendar: out-of-hours}
                      receivers: [console]
                """);
        assertTrue(m.contains("alerts.route.routes[0].match.calendar = 'out-of-hours': a calendar matcher needs business hours"), m);
    }

    @Test
    void overloadInhibitsOnlyPerConversationKinds() throws Exception {
        String m = problemsOf("alerts.overload.inhibits: [breach, overload, nap]\n");
        assertTrue(m.contains("alerts.overload.inhibits = 'overload': an overload can hold back only kinds among"), m);
        assertTrue(m.contains("alerts.overload.inhibits = 'nap'"), m);
        assertTrue(problemsOf("alerts.overload.inhibits: breach\n").contains("alerts.overload.inhibits = 'breach': use a list"));
        assertEquals(Inhibition.DEFAULT_KINDS, ConfigLoader.parse("", "test", Map.of(), Map.of()).overloadInhibits());
        assertEquals(Set.of(AlertKind.BREACH, AlertKind.SIGNAL),
                ConfigLoader.parse("alerts.overload.inhibits: [breach, signal]\n", "test", Map.of(), Map.of()).overloadInhibits());
        assertEquals(Set.of(), ConfigLoader.parse("alerts.overload.inhibits: []\n", "test", Map.of(), Map.of()).overloadInhibits());
    }

    private static Alert rung(int level) {
        Instant t = Instant.parse("2026-11-24T09:00:00Z");
        return Alert.about("c").kind(level == 0 ? AlertKind.BREACH : AlertKind.ESCALATION).tier(Tier.URGENT)
                .level(level).channel("chat").openedAt(t).deadline(t).createdAt(t).build();
    }

    private static final String RUNGS = """
            alerts.receivers:
              - {name: agents, type: log}
              - {name: team-lead, type: log}
              - {name: managers, type: log}
            alerts.route:
              receivers: [agents]
              routes:
                - match: {level: ">=2"}
                  receivers: [managers]
                - match: {kind: escalation, level: 1}
                  receivers: [team-lead]
            """;

    @Test
    void levelMatchersSendEachRungOfTheLadderToItsOwnPeople() throws Exception {
        Route route = ConfigLoader.parse(RUNGS, "test", Map.of(), Map.of()).route();
        assertEquals(Set.of("agents"), route.receiversFor(rung(0)), "the breach itself");
        assertEquals(Set.of("team-lead"), route.receiversFor(rung(1)));
        assertEquals(Set.of("managers"), route.receiversFor(rung(2)));
        assertEquals(Set.of("managers"), route.receiversFor(rung(5)), ">=2 takes every rung from the second on");
    }

    @Test
    void aLevelMatcherThatIsNotARungIsRefusedNamingTheKey() {
        String m = problemsOf("""
                alerts.route:
                  routes:
                    - match: {level: [1, "> 2", high]}
                """);
        assertTrue(m.contains("alerts.route.routes[0].match.level = '> 2': use a rung number like 2, or \">=2\""), m);
        assertTrue(m.contains("alerts.route.routes[0].match.level = 'high'"), m);
        assertFalse(m.contains("match.level = '1'"), m);
    }

    @Test
    void withoutARouteDigestsAndOverloadsGoOnlyToChatEmailWebhookKafkaAndLogNeverToSmsOrPagerDuty(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.writeString(dir.resolve("secret"), "R0UTINGKEY-0123456789");
        Route route = ConfigLoader.parse("alerts.receivers:\n"
                + "  - {name: console, type: log}\n"
                + "  - {name: chat, type: slack, url: 'https://hooks.slack.com/services/x'}\n"
                + "  - {name: pd, type: pagerduty, routing-key-file: '" + secret + "'}\n"
                + "  - {name: phone, type: sms, url: 'https://sms.example.com', account: A, auth-token-file: '" + secret
                + "', from: '+33612345670', to: '+33612345678'}\n"
                + "  - {name: leads, type: email, host: smtp.example.com, from: rc@example.com, to: a@example.com}\n"
                + "  - {name: events, type: kafka, topic: support.alert-events}\n", "test", Map.of(), Map.of()).route();
        Instant t = Instant.parse("2026-11-24T09:00:00Z");
        Set<String> notPaging = Set.of("console", "chat", "leads", "events");
        assertEquals(notPaging, route.receiversFor(Alert.aboutTeam("billing").kind(AlertKind.DIGEST)
                .tier(Tier.COMPLAINT).at(t).createdAt(t).build()));
        assertEquals(notPaging, route.receiversFor(Alert.aboutTeam("billing").kind(AlertKind.OVERLOAD)
                .tier(Tier.COMPLAINT).level(1).at(t).createdAt(t).build()));
        assertEquals(Set.of("console", "chat", "pd", "phone", "leads", "events"),
                route.receiversFor(alert(Tier.COMPLAINT, AlertKind.BREACH, "chat")), "a breach still pages everyone");
    }

    @Test
    void withoutARouteAndOnlyPagingReceiversADigestGoesNowhere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path key = java.nio.file.Files.writeString(dir.resolve("pd.key"), "R0UTINGKEY");
        Route route = ConfigLoader.parse("alerts.receivers: [{name: pd, type: pagerduty, routing-key-file: '" + key + "'}]\n",
                "test", Map.of(), Map.of()).route();
        Instant t = Instant.parse("2026-11-24T09:00:00Z");
        assertEquals(Set.of(), route.receiversFor(Alert.aboutTeam("billing").kind(AlertKind.DIGEST).tier(Tier.URGENT)
                .at(t).createdAt(t).build()));
    }

    @Test
    void theCalendarOfTheRouteThatTakesAnAlertGivesTheZoneItsTimesAreShownIn() throws Exception {
        Route route = ConfigLoader.parse(TEAMS_AND_HOURS, "test", Map.of(), Map.of()).route();
        Instant parisMorning = Instant.parse("2026-11-24T09:00:00Z");
        Instant parisNightMontrealAfternoon = Instant.parse("2026-11-24T20:00:00Z");
        Route.Target billing = route.targetsFor(teamAlert(Tier.URGENT, AlertKind.BREACH, "billing"), parisMorning).get(0);
        assertEquals("billing-pager", billing.receiver());
        assertEquals(java.time.ZoneId.of("Europe/Paris"), billing.zone(), "sla.calendar");
        Route.Target quebec = route.targetsFor(teamAlert(Tier.URGENT, AlertKind.BREACH, "returns"),
                parisNightMontrealAfternoon).get(0);
        assertEquals("quebec-desk", quebec.receiver());
        assertEquals(java.time.ZoneId.of("America/Toronto"), quebec.zone(), "the route's calendar-name");
        Route noCalendar = ConfigLoader.parse("alerts.receivers: [{name: a, type: log}]\n", "test", Map.of(), Map.of()).route();
        assertEquals(null, noCalendar.targetsFor(rung(0), parisMorning).get(0).zone(), "none: alerts.time-zone");
    }

    @Test
    void anIncidentUpdateReachesEveryReceiverThatItsPagesCouldHaveReached() throws Exception {
        Route route = ConfigLoader.parse(RUNGS, "test", Map.of(), Map.of()).route();
        Instant t = Instant.parse("2026-11-24T09:00:00Z");
        Alert closedAfterRungTwo = Alert.about("c").kind(AlertKind.CLOSED).tier(Tier.COMPLAINT).level(2).channel("chat")
                .openedAt(t).deadline(t).createdAt(t).build();
        assertEquals(Set.of("agents", "team-lead", "managers"), route.receiversFor(closedAfterRungTwo, t),
                "the breach's, the first rung's and the second rung's receivers");
        Alert closedBeforeEscalation = Alert.about("c").kind(AlertKind.CLOSED).tier(Tier.COMPLAINT).channel("chat")
                .openedAt(t).deadline(t).createdAt(t).build();
        assertEquals(Set.of("agents"), route.receiversFor(closedBeforeEscalation, t), "no rung reached: nobody else heard of it");
    }
}
