package dev.replyclock.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.alert.AlertText;
import dev.replyclock.alert.Template;
import dev.replyclock.privacy.Redactor;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code alerts.language}, {@code alerts.team-languages}, {@code alerts.templates.*}, link, excerpt and time zone. */
final class AlertContentSection {

    private AlertContentSection() {
    }

    /** @param region the phone region of {@code privacy.default-region}, for masking excerpts */
    static AlertContentSettings read(ConfigValues v, String region) {
        int before = v.problems().size();
        String language = v.text("alerts.language");
        if (!AlertText.LANGUAGES.contains(language)) {
            v.problem("alerts.language", language, "use en or fr");
        }
        Map<String, String> teamLanguages = new HashMap<>();
        JsonNode teams = v.node("alerts.team-languages");
        if (!teams.isObject()) {
            v.problem("alerts.team-languages", teams.toString(),
                    "use a map of team to language, like {billing: fr, returns: en}");
        } else {
            teams.fields().forEachRemaining(e -> {
                if (AlertText.LANGUAGES.contains(e.getValue().asText())) {
                    teamLanguages.put(e.getKey(), e.getValue().asText());
                } else {
                    v.problem("alerts.team-languages." + e.getKey(), e.getValue().asText(), "use en or fr");
                }
            });
        }
        Map<String, Map<String, String>> titles = new HashMap<>();
        for (String lang : AlertText.LANGUAGES) {
            for (String kind : AlertText.TEMPLATE_KEYS) {
                String key = "alerts.templates." + lang + "." + kind;
                String template = v.text(key);
                if (!v.node(key).isValueNode()) {
                    v.problem(key, template, "write the template in quotes, like \"{team}: reply promise broken ({tier})\"");
                    continue;
                }
                try {
                    Template.parse(template, Template.ALERT_PLACEHOLDERS);
                    titles.computeIfAbsent(lang, l -> new HashMap<>()).put(kind, template);
                } catch (IllegalArgumentException e) {
                    v.problem(key, template, "unknown placeholder " + e.getMessage()
                            + "; use " + placeholders(Template.ALERT_PLACEHOLDERS));
                }
            }
        }
        String link = v.text("alerts.link-template");
        try {
            Template.parse(link, Template.LINK_PLACEHOLDERS);
            if (!link.isEmpty() && !link.startsWith("https://") && !link.startsWith("http://")) {
                v.problem("alerts.link-template", link,
                        "use an http(s) URL like https://inbox.example.com/conversations/{conversationId}, or \"\"");
            }
        } catch (IllegalArgumentException e) {
            v.problem("alerts.link-template", link, "unknown placeholder " + e.getMessage()
                    + "; use " + placeholders(Template.LINK_PLACEHOLDERS));
        }
        String include = v.text("alerts.include-excerpt");
        if (!include.equals("true") && !include.equals("false")) {
            v.problem("alerts.include-excerpt", include, "use true or false");
        }
        int length = v.intInRange("alerts.excerpt-length", 20, 1000);
        ZoneId zone = AlertText.DEFAULT_ZONE;
        try {
            zone = ZoneId.of(v.text("alerts.time-zone"));
        } catch (DateTimeException e) {
            v.problem("alerts.time-zone", v.text("alerts.time-zone"), "use a time zone like"
                    + " Europe/Paris or America/Toronto (IANA names), or UTC");
        }
        if (v.problems().size() != before) {
            return AlertContentSettings.DEFAULT;
        }
        return new AlertContentSettings(new AlertText(language, teamLanguages, titles, link, new Redactor(region), zone),
                include.equals("true"), length);
    }

    private static String placeholders(Set<String> names) {
        return new TreeSet<>(names).stream().map(n -> "{" + n + "}").collect(Collectors.joining(", "));
    }
}
