package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.AlertKind;
import dev.replyclock.model.ConversationAlert;
import dev.replyclock.model.Signal;
import dev.replyclock.model.TeamAlert;
import dev.replyclock.model.Tier;
import dev.replyclock.privacy.Redactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words of an alert for people, in English or French: the title from a template per language and kind
 * ({@code alerts.templates.<en|fr>.<kind>}), then what happened, the tier, the conversation, how long the
 * customer has waited, the deadline, why (the matched signals), the link to the conversation and, only with
 * {@code alerts.include-excerpt}, the redacted excerpt. The language is the team's
 * ({@code alerts.team-languages}), else the receiver's {@code language}, else {@code alerts.language}.
 *
 * <p>Safety net: every value that does not come from config (conversation id, team, channel, matched words,
 * excerpt) goes through the {@link Redactor} before it is shown, so no phone number or e-mail address is
 * rendered even if one ends up in an id.
 */
public final class AlertText {

    public static final Set<String> LANGUAGES = Set.of("en", "fr");
    /** The template keys: the alert kinds, plus {@code overload-ended} for an overload at level 0. */
    public static final List<String> TEMPLATE_KEYS = List.of("signal", "warning", "breach", "escalation",
            "resolved", "overload", "overload-ended", "digest", "acknowledged", "closed");
    /** The built-in titles (the defaults of {@code alerts.templates.*}). */
    public static final Map<String, Map<String, String>> BUILTIN_TITLES = Map.of(
            "en", ordered("New {tier} message", "Reply due soon ({tier})", "Reply promise broken ({tier})",
                    "Still no reply, level {level} ({tier})", "Replied after the deadline ({tier})",
                    "Team overloaded ({tier} and more)", "Team no longer overloaded ({tier} and more)",
                    "Open conversations", "Acknowledged ({tier})", "Closed ({tier})"),
            "fr", ordered("Nouveau message {tier}", "Réponse attendue bientôt ({tier})", "Délai de réponse dépassé ({tier})",
                    "Toujours sans réponse, niveau {level} ({tier})", "Réponse donnée après le délai ({tier})",
                    "Équipe débordée ({tier} et plus)", "Fin de la surcharge de l'équipe ({tier} et plus)",
                    "Conversations ouvertes", "Pris en charge ({tier})", "Clôturé ({tier})"));
    /** How many of an overload's oldest waits are listed. */
    static final int OVERLOAD_LISTED = 5;
    /** How many conversations of each tier a digest lists. */
    static final int DIGEST_LISTED_PER_TIER = 10;

    /** Hours and minutes with the zone's short name ("12:17 CET", "11:17 UTC"), so nobody guesses whose clock. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);
    /** {@code alerts.time-zone} by default. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");
    private static final Map<String, Map<String, String>> TIERS = Map.of(
            "en", Map.of("complaint", "complaint", "urgent", "urgent", "standard", "standard"),
            "fr", Map.of("complaint", "réclamation", "urgent", "urgent", "standard", "standard"));

    /** Built-in templates, English, no link; what receivers built without config use. */
    public static final AlertText DEFAULT = new AlertText("en", Map.of(), Map.of(), "", new Redactor("FR"));

    private final ZoneId zone;
    private final String language;
    private final Map<String, String> teamLanguages;
    private final Map<String, Map<String, Template>> titles = new HashMap<>();
    private final Template link;
    private final Redactor redactor;

    /**
     * @param titleOverrides language -> template key -> template; what is not given keeps its built-in text
     * @param linkTemplate   "" = no link
     * @throws IllegalArgumentException for a template with an unknown placeholder (ConfigLoader checks first)
     */
    public AlertText(String language, Map<String, String> teamLanguages, Map<String, Map<String, String>> titleOverrides,
                     String linkTemplate, Redactor redactor) {
        this(language, teamLanguages, titleOverrides, linkTemplate, redactor, DEFAULT_ZONE);
    }

    /**
     * @param zone {@code alerts.time-zone}: where times are shown when the alert's route has no calendar
     *             (neither its {@code calendar-name} nor {@code sla.calendar})
     */
    public AlertText(String language, Map<String, String> teamLanguages, Map<String, Map<String, String>> titleOverrides,
                     String linkTemplate, Redactor redactor, ZoneId zone) {
        this.zone = zone;
        this.language = language;
        this.teamLanguages = Map.copyOf(teamLanguages);
        for (String lang : LANGUAGES) {
            Map<String, Template> byKey = new HashMap<>();
            for (String key : TEMPLATE_KEYS) {
                String text = titleOverrides.getOrDefault(lang, Map.of()).getOrDefault(key, BUILTIN_TITLES.get(lang).get(key));
                byKey.put(key, Template.parse(text, Template.ALERT_PLACEHOLDERS));
            }
            titles.put(lang, byKey);
        }
        this.link = Template.parse(linkTemplate, Template.LINK_PLACEHOLDERS);
        this.redactor = redactor;
    }

    /** The team's language if it has one, else the receiver's (null = none set), else {@code alerts.language}. */
    public String languageFor(Alert a, String receiverLanguage) {
        String team = a.team() == null ? null : teamLanguages.get(a.team());
        if (team != null) {
            return team;
        }
        return receiverLanguage != null && LANGUAGES.contains(receiverLanguage) ? receiverLanguage : language;
    }

    /** The language of a group's own words ("3 alerts"): its alerts' language if they share one. */
    public String languageFor(AlertGroup g, String receiverLanguage) {
        Set<String> langs = g.alerts().stream().map(a -> languageFor(a, receiverLanguage)).collect(Collectors.toSet());
        if (langs.size() == 1) {
            return langs.iterator().next();
        }
        return receiverLanguage != null && LANGUAGES.contains(receiverLanguage) ? receiverLanguage : language;
    }

    public RenderedAlert render(Alert a, String receiverLanguage) {
        String lang = languageFor(a, receiverLanguage);
        boolean fr = "fr".equals(lang);
        Map<String, String> v = values(a, lang);
        String title = titles.get(lang).get(templateKey(a)).render(v);
        List<RenderedAlert.Fact> facts = new ArrayList<>();
        List<String> items = new ArrayList<>();
        StringBuilder d = new StringBuilder();
        String excerpt = null;
        String conversationLink = null;
        if (a instanceof TeamAlert t) {
            d.append(fr ? "Équipe " : "Team ").append(v.get("team"))
                    .append(" · ").append(t.conversations().size()).append(fr ? " conversations ouvertes" : " open conversations");
            if (!t.conversations().isEmpty()) {
                d.append(fr ? " · plus longue attente " : " · oldest wait ").append(v.get("waited"));
            }
            facts.add(new RenderedAlert.Fact(fr ? "Équipe" : "Team", v.get("team")));
            facts.add(new RenderedAlert.Fact(fr ? "Conversations" : "Conversations", v.get("count")));
            facts.add(new RenderedAlert.Fact(fr ? "Plus longue attente" : "Oldest wait", v.get("waited")));
            items.addAll(t.kind() == AlertKind.DIGEST ? digestItems(t, lang) : overloadItems(t, lang));
        } else if (a instanceof ConversationAlert c) {
            d.append("Conversation ").append(v.get("conversationId"));
            facts.add(new RenderedAlert.Fact("Conversation", v.get("conversationId")));
            facts.add(new RenderedAlert.Fact(fr ? "Priorité" : "Tier", v.get("tier")));
            if (c.openedAt() != null) {
                d.append(fr ? " · attente " : " · waited ").append(v.get("waited"));
                facts.add(new RenderedAlert.Fact(fr ? "Attente" : "Waited", v.get("waited")));
            }
            d.append(fr ? " · échéance " : " · deadline ").append(v.get("deadline"));
            facts.add(new RenderedAlert.Fact(fr ? "Échéance" : "Deadline", v.get("deadline")));
            if (!c.signals().isEmpty()) {
                d.append(fr ? " · motif : " : " · why: ").append(v.get("why"));
                facts.add(new RenderedAlert.Fact(fr ? "Motif" : "Why", v.get("why")));
            }
            if (c.team() != null) {
                d.append(fr ? " · équipe " : " · team ").append(v.get("team"));
                facts.add(new RenderedAlert.Fact(fr ? "Équipe" : "Team", v.get("team")));
            }
            if (c.ackedBy() != null) {
                d.append(fr ? " · pris en charge par " : " · taken by ").append(v.get("by"));
                facts.add(new RenderedAlert.Fact(fr ? "Pris en charge par" : "Taken by", v.get("by")));
            }
            excerpt = c.excerpt() == null || c.excerpt().isBlank() ? null : redactor.redact(c.excerpt());
            conversationLink = linkFor(c.conversationId(), c.team(), c.channel());
        }
        return new RenderedAlert(a, lang, title, d.toString(), facts, items, excerpt, conversationLink);
    }

    /** The inbox link of a conversation, its values URL-encoded; null when {@code alerts.link-template} is empty. */
    public String linkFor(String conversationId, String team, String channel) {
        if (link.isEmpty()) {
            return null;
        }
        Map<String, String> v = new HashMap<>();
        v.put("conversationId", encode(conversationId));
        v.put("team", encode(team));
        v.put("channel", encode(channel));
        return link.render(v);
    }

    /** "3 alerts" / "3 alertes". */
    public static String groupTitle(int count, String lang) {
        return "fr".equals(lang) ? count + " alertes" : count + " alerts";
    }

    /** "and 4 more" / "et 4 autres". */
    public static String more(int count, String lang) {
        return "fr".equals(lang) ? "et " + count + " autres" : "and " + count + " more";
    }

    /** The built-in title (compatibility: receivers built without config). */
    public static String title(Alert a, String language) {
        return DEFAULT.render(a, language).title();
    }

    /** The built-in one line of details (compatibility: receivers built without config). */
    public static String details(Alert a, String language) {
        return DEFAULT.render(a, language).details();
    }

    private static String templateKey(Alert a) {
        return a.kind() == AlertKind.OVERLOAD && a.level() == 0 ? "overload-ended" : a.kind().wireName();
    }

    private Map<String, String> values(Alert a, String lang) {
        Map<String, String> v = new HashMap<>();
        v.put("tier", tierName(a.tier(), lang));
        v.put("level", String.valueOf(a.level()));
        v.put("team", a.team() == null ? "" : redactor.redact(a.team()));
        v.put("deadline", time(a.deadline(), a));
        Instant opened;
        if (a instanceof ConversationAlert c) {
            v.put("channel", c.channel() == null ? "" : redactor.redact(c.channel()));
            v.put("conversationId", redactor.redact(c.conversationId()));
            v.put("by", c.ackedBy() == null ? "" : redactor.redact(c.ackedBy()));
            v.put("why", c.signals().isEmpty() ? "" : redactor.redact(why(c)));
            v.put("count", "1");
            opened = c.openedAt();
        } else {
            TeamAlert t = (TeamAlert) a;
            v.put("channel", "");
            v.put("conversationId", "");
            v.put("by", "");
            v.put("why", "");
            v.put("count", String.valueOf(t.conversations().size()));
            opened = t.conversations().stream().map(Alert.OpenConversation::openedAt).min(Comparator.naturalOrder())
                    .orElse(null);
        }
        v.put("waited", opened == null ? "" : human(Duration.between(opened, a.createdAt())));
        return v;
    }

    private List<String> overloadItems(TeamAlert a, String lang) {
        List<Alert.OpenConversation> oldest = a.conversations().stream()
                .sorted(Comparator.comparing(Alert.OpenConversation::openedAt)).toList();
        List<String> out = new ArrayList<>();
        for (Alert.OpenConversation c : oldest.subList(0, Math.min(OVERLOAD_LISTED, oldest.size()))) {
            out.add(redactor.redact(c.conversationId()) + " · " + tierName(c.tier(), lang) + " · "
                    + ("fr".equals(lang) ? "attente " : "waited ") + human(Duration.between(c.openedAt(), a.createdAt())));
        }
        if (oldest.size() > OVERLOAD_LISTED) {
            out.add(more(oldest.size() - OVERLOAD_LISTED, lang));
        }
        return out;
    }

    private List<String> digestItems(TeamAlert a, String lang) {
        boolean fr = "fr".equals(lang);
        List<String> out = new ArrayList<>();
        for (Tier tier : List.of(Tier.COMPLAINT, Tier.URGENT, Tier.STANDARD)) {
            List<Alert.OpenConversation> ofTier = a.conversations().stream().filter(c -> c.tier() == tier)
                    .sorted(Comparator.comparing(Alert.OpenConversation::openedAt)).toList();
            if (ofTier.isEmpty()) {
                continue;
            }
            out.add(tierName(tier, lang) + " (" + ofTier.size() + ")");
            for (Alert.OpenConversation c : ofTier.subList(0, Math.min(DIGEST_LISTED_PER_TIER, ofTier.size()))) {
                String line = "  " + redactor.redact(c.conversationId()) + " · " + (fr ? "attente " : "waited ")
                        + human(Duration.between(c.openedAt(), a.createdAt()));
                if (c.deadline() != null) {
                    line += (fr ? " · échéance " : " · deadline ") + time(c.deadline(), a);
                }
                out.add(line);
            }
            if (ofTier.size() > DIGEST_LISTED_PER_TIER) {
                out.add("  " + more(ofTier.size() - DIGEST_LISTED_PER_TIER, lang));
            }
        }
        return out;
    }

    /** An instant as people read it: in the zone of the alert's route, else {@code alerts.time-zone}. */
    private String time(Instant t, Alert a) {
        return TIME.format(t.atZone(a.shownIn() != null ? a.shownIn() : zone));
    }

    static String tierName(Tier tier, String lang) {
        return TIERS.getOrDefault(lang, TIERS.get("en")).get(tier.wireName());
    }

    static String why(ConversationAlert a) {
        return a.signals().stream().map(Signal::family).distinct().collect(Collectors.joining(", "))
                + " (" + a.signals().stream().map(Signal::matched).distinct().collect(Collectors.joining(", ")) + ")";
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" + String.format("%02ds", s % 60)
                : s / 3600 + "h" + String.format("%02dm", s % 3600 / 60);
    }

    private static String encode(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> ordered(String... texts) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < TEMPLATE_KEYS.size(); i++) {
            m.put(TEMPLATE_KEYS.get(i), texts[i]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
