package dev.replyclock.alert;

import dev.replyclock.classify.Signal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of an alert for people, in English or French: what happened, the tier, the conversation, how
 * long the customer has waited, the deadline and why (the matched signals). Never the customer's text,
 * phone number or e-mail address: alerts do not carry them.
 */
public final class AlertText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<String, Map<AlertKind, String>> TITLES = Map.of(
            "en", Map.of(AlertKind.SIGNAL, "New %s message", AlertKind.WARNING, "Reply due soon (%s)",
                    AlertKind.BREACH, "Reply promise broken (%s)", AlertKind.ESCALATION, "Still no reply, level %2$d (%1$s)",
                    AlertKind.RESOLVED, "Replied after the deadline (%s)",
                    AlertKind.OVERLOAD, "Team overloaded (%s and more)", AlertKind.DIGEST, "Open conversations"),
            "fr", Map.of(AlertKind.SIGNAL, "Nouveau message %s", AlertKind.WARNING, "Réponse attendue bientôt (%s)",
                    AlertKind.BREACH, "Délai de réponse dépassé (%s)", AlertKind.ESCALATION, "Toujours sans réponse, niveau %2$d (%1$s)",
                    AlertKind.RESOLVED, "Réponse donnée après le délai (%s)",
                    AlertKind.OVERLOAD, "Équipe débordée (%s et plus)", AlertKind.DIGEST, "Conversations ouvertes"));
    private static final Map<String, Map<String, String>> TIERS = Map.of(
            "en", Map.of("complaint", "complaint", "urgent", "urgent", "standard", "standard"),
            "fr", Map.of("complaint", "réclamation", "urgent", "urgent", "standard", "standard"));

    private AlertText() {
    }

    public static String title(Alert a, String language) {
        String lang = TITLES.containsKey(language) ? language : "en";
        return String.format(TITLES.get(lang).get(a.kind()), TIERS.get(lang).get(a.tier().wireName()), a.level());
    }

    /** One line of details: conversation, wait, deadline, why. */
    public static String details(Alert a, String language) {
        boolean fr = "fr".equals(language);
        StringBuilder b = new StringBuilder(fr ? "Conversation " : "Conversation ").append(a.conversationId());
        if (a.openedAt() != null) {
            b.append(fr ? " · attente " : " · waited ").append(human(Duration.between(a.openedAt(), a.createdAt())));
        }
        b.append(fr ? " · échéance " : " · deadline ").append(TIME.format(a.deadline()));
        if (!a.signals().isEmpty()) {
            b.append(fr ? " · motif : " : " · why: ").append(why(a));
        }
        return b.toString();
    }

    static String why(Alert a) {
        return a.signals().stream().map(Signal::family).distinct().collect(Collectors.joining(", "))
                + " (" + a.signals().stream().map(Signal::matched).distinct().collect(Collectors.joining(", ")) + ")";
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" + String.format("%02ds", s % 60)
                : s / 3600 + "h" + String.format("%02dm", s % 3600 / 60);
    }
}
