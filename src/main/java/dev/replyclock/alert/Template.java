package dev.replyclock.alert;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {name}} placeholders, such as {@code "Reply promise broken ({tier})"}. Written by hand:
 * plain substitution of a fixed set of names is all that alert titles need, and a template engine (Mustache,
 * FreeMarker) would bring loops, logic and its own escaping rules for a one-line job. A brace that does not
 * enclose a name (letters, digits, '-', '_') is kept as written.
 */
public final class Template {

    /** What alert title templates may use. */
    public static final Set<String> ALERT_PLACEHOLDERS = Set.of("tier", "level", "team", "channel",
            "conversationId", "waited", "deadline", "why", "count", "by");
    /** What {@code alerts.link-template} may use (values are URL-encoded). */
    public static final Set<String> LINK_PLACEHOLDERS = Set.of("conversationId", "team", "channel");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)\\}");

    private final String text;
    private final Set<String> placeholders;

    private Template(String text, Set<String> placeholders) {
        this.text = text;
        this.placeholders = placeholders;
    }

    /** Parses a template; throws IllegalArgumentException naming the first placeholder not in {@code allowed}. */
    public static Template parse(String text, Set<String> allowed) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("{" + name + "}");
            }
            found.add(name);
        }
        return new Template(text, Set.copyOf(found));
    }

    public Set<String> placeholders() {
        return placeholders;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    public String text() {
        return text;
    }

    /** Substitutes each placeholder by {@code values.apply(name)} (null = empty). */
    public String render(Function<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder(text.length() + 32);
        while (m.find()) {
            String v = values.apply(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(b);
        return b.toString();
    }

    public String render(Map<String, String> values) {
        return render(values::get);
    }

    @Override
    public String toString() {
        return text;
    }
}
