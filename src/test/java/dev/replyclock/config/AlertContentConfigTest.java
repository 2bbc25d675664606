package dev.replyclock.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.replyclock.alert.AlertText;
import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alert-content keys: templates, languages, link and excerpt, as operators write them. */
class AlertContentConfigTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private static ConfigException refused(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "test", Map.of(), Map.of()));
    }

    @Test
    void unknownPlaceholderIsRejectedAtStartUp() {
        ConfigException e = refused("alerts:\n  templates:\n    fr:\n      breach: \"Client {customer} en attente ({tier})\"\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem p = e.problems().get(0);
        assertEquals("alerts.templates.fr.breach", p.key());
        assertEquals("Client {customer} en attente ({tier})", p.value());
        assertTrue(p.fix().startsWith("unknown placeholder {customer}; use {by}, {channel}, {conversationId}, {count}"), p.fix());

        ConfigProblem unquoted = refused("alerts.templates.en.breach: {team}\n").problems().get(0);
        assertEquals("alerts.templates.en.breach", unquoted.key());
        assertTrue(unquoted.fix().startsWith("write the template in quotes"), unquoted.fix());

        ConfigProblem link = refused("alerts.link-template: \"https://inbox.example.com/{id}\"\n").problems().get(0);
        assertEquals("alerts.link-template", link.key());
        assertTrue(link.fix().contains("{id}") && link.fix().contains("{conversationId}"), link.fix());
    }

    @Test
    void badLanguagesLinksAndExcerptSettingsNameTheirKey() {
        ConfigException e = refused("alerts.language: de\nalerts.team-languages: {billing: es}\n"
                + "alerts.link-template: inbox/{conversationId}\nalerts.include-excerpt: maybe\nalerts.excerpt-length: 5\n"
                + "alerts.templates.de.breach: x\n");
        List<String> keys = e.problems().stream().map(ConfigProblem::key).toList();
        assertEquals(List.of("alerts.templates.de.breach", "alerts.language", "alerts.team-languages.billing",
                "alerts.link-template", "alerts.include-excerpt", "alerts.excerpt-length"), keys, e.getMessage());
    }

    @Test
    void nestedTemplatesOverrideOneKeyAndKeepTheOthers() throws Exception {
        ReplyclockConfig c = ConfigLoader.parse("alerts:\n  language: fr\n  team-languages: {returns: en}\n"
                + "  templates: {fr: {breach: \"{team} : délai dépassé, attente {waited}\"}}\n"
                + "  link-template: \"https://inbox.example.com/c/{conversationId}\"\n"
                + "  include-excerpt: true\n  excerpt-length: 80\n", "test", Map.of(), Map.of());
        assertTrue(c.content().includeExcerpt());
        assertEquals(80, c.content().excerptLength());
        AlertText text = c.content().text();
        Alert breach = Alert.about("c-1").kind(AlertKind.BREACH).tier(Tier.URGENT).channel("chat").team("billing")
                .openedAt(T0).deadline(T0.plusSeconds(300)).createdAt(T0.plusSeconds(310)).build();
        assertEquals("billing : délai dépassé, attente 5m10s", text.render(breach, null).title());
        Alert returns = Alert.about("c-2").kind(AlertKind.BREACH).tier(Tier.URGENT).channel("chat").team("returns")
                .openedAt(T0).deadline(T0.plusSeconds(300)).createdAt(T0.plusSeconds(310)).build();
        assertEquals("Reply promise broken (urgent)", text.render(returns, null).title());
        assertEquals("https://inbox.example.com/c/c-2", text.render(returns, null).link());
    }

    @Test
    void aFileWithoutTheKeysGetsTheBuiltInTitles() throws Exception {
        AlertText text = ConfigLoader.parse("", "empty", Map.of(), Map.of()).content().text();
        for (String lang : List.of("en", "fr")) {
            Alert over = Alert.aboutTeam("t").kind(AlertKind.OVERLOAD).tier(Tier.URGENT).at(T0).createdAt(T0).build();
            assertEquals(AlertText.BUILTIN_TITLES.get(lang).get("overload-ended").replace("{tier}", "urgent"),
                    text.render(over, lang).title());
            Alert esc = Alert.about("c").kind(AlertKind.ESCALATION).tier(Tier.URGENT).level(3).channel("chat")
                    .openedAt(T0).deadline(T0).createdAt(T0).build();
            assertEquals(AlertText.BUILTIN_TITLES.get(lang).get("escalation").replace("{level}", "3").replace("{tier}", "urgent"),
                    text.render(esc, lang).title());
        }
    }

    @Test
    void anEnvironmentVariableOverridesOneTemplate() throws Exception {
        AlertText text = ConfigLoader.parse("", "empty", Map.of("REPLYCLOCK_ALERTS_TEMPLATES_EN_SIGNAL", "Heads up: {tier}"),
                Map.of()).content().text();
        assertEquals("Heads up: complaint", text.render(Alert.about("c").kind(AlertKind.SIGNAL).tier(Tier.COMPLAINT)
                .channel("chat").openedAt(T0).deadline(T0).createdAt(T0).build(), "en").title());
    }

    @Test
    void theDocumentedYamlHoldsEveryAlertContentDefault() throws Exception {
        JsonNode yaml = new YAMLMapper().readTree(Files.readString(Path.of("config/replyclock.yaml")));
        for (String lang : List.of("en", "fr")) {
            for (String kind : AlertText.TEMPLATE_KEYS) {
                String key = "alerts.templates." + lang + "." + kind;
                assertEquals(AlertText.BUILTIN_TITLES.get(lang).get(kind), yaml.path(key).asText(), key);
            }
        }
        assertEquals("en", yaml.path("alerts.language").asText());
        assertEquals("", yaml.path("alerts.link-template").asText());
        assertFalse(yaml.path("alerts.include-excerpt").asBoolean());
        assertEquals(120, yaml.path("alerts.excerpt-length").asInt());
        ReplyclockConfig builtIn = ConfigLoader.builtIn(Map.of());
        assertFalse(builtIn.content().includeExcerpt(), "off by default");
        assertEquals("Still no reply, level 2 (complaint)", builtIn.content().text().render(Alert.about("c")
                .kind(AlertKind.ESCALATION).tier(Tier.COMPLAINT).level(2).channel("chat").openedAt(T0).deadline(T0)
                .createdAt(T0).build(), null).title());
    }
}
