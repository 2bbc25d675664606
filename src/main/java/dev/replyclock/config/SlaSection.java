package dev.replyclock.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.replyclock.model.DurationParser;
import dev.replyclock.model.Tier;
import dev.replyclock.sla.BusinessCalendar;
import dev.replyclock.sla.PolicyRule;
import dev.replyclock.sla.SlaPolicies;
import dev.replyclock.sla.SlaPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sla.*}: the default policy (the top-level keys), the business calendars and {@code sla.policies}.
 * Both kinds of policy share the clock and next-reply order checks; their messages differ because a policy
 * names its entry and says where its missing values come from.
 */
final class SlaSection {

    /** The policies, with the calendars that routes match against ({@code calendar} is {@code sla.calendar}'s). */
    record Sla(SlaPolicies policies, Map<String, BusinessCalendar> calendars, BusinessCalendar calendar) {
    }

    private static final Set<String> POLICY_FIELDS = Set.of("name", "match", "targets", "warn-at", "escalation",
            "calendar", "clock");
    private static final Set<String> TIERS = Set.of("standard", "urgent", "complaint");

    private final ConfigValues v;
    private Map<String, BusinessCalendar> calendars = Map.of();

    private SlaSection(ConfigValues v) {
        this.v = v;
    }

    static Sla read(ConfigValues v) {
        return new SlaSection(v).read();
    }

    private Sla read() {
        int problemsBeforeSla = v.problems().size();
        Duration standard = v.duration("sla.targets.standard");
        Duration urgent = v.duration("sla.targets.urgent");
        Duration complaint = v.duration("sla.targets.complaint");
        if (urgent.compareTo(standard) > 0) {
            v.problem("sla.targets.urgent", v.text("sla.targets.urgent"),
                    "must not be longer than sla.targets.standard (" + v.text("sla.targets.standard") + ")");
        }
        if (complaint.compareTo(urgent) > 0) {
            v.problem("sla.targets.complaint", v.text("sla.targets.complaint"),
                    "must not be longer than sla.targets.urgent (" + v.text("sla.targets.urgent") + ")");
        }
        double warnAt = v.fraction("sla.warn-at");
        Duration every = v.duration("sla.escalation.every");
        int maxLevel = v.intInRange("sla.escalation.max-level", 0, 100);
        calendars = calendars();
        BusinessCalendar calendar = calendarNamed("sla.calendar", v.text("sla.calendar"));
        Set<Tier> onCalendar = new HashSet<>();
        for (Tier t : Tier.values()) {
            clock("sla.clock." + t.wireName(), v.text("sla.clock." + t.wireName()), t, onCalendar);
        }
        Map<Tier, SlaPolicy.Ladder> ladders = new HashMap<>();
        for (Tier t : Tier.values()) {
            String everyKey = "sla.escalation." + t.wireName() + ".every";
            String maxKey = "sla.escalation." + t.wireName() + ".max-level";
            if (!v.text(everyKey).isBlank() || !v.text(maxKey).isBlank()) {
                ladders.put(t, new SlaPolicy.Ladder(v.text(everyKey).isBlank() ? every : v.duration(everyKey),
                        v.text(maxKey).isBlank() ? maxLevel : v.intInRange(maxKey, 0, 100)));
            }
        }
        Map<Tier, Duration> next = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            String key = "sla.targets.next." + t.wireName();
            if (!v.text(key).isBlank()) {
                next.put(t, v.duration(key));
            }
        }
        // Every bad value above fell back to a valid one, so this builds; it is used only if all is well.
        SlaPolicy parsed = new SlaPolicy(standard, urgent, complaint, warnAt, every, maxLevel, calendar, onCalendar,
                ladders, next);
        Tier misordered = v.problems().size() == problemsBeforeSla ? misorderedNextTarget(parsed) : null;
        if (misordered != null) {
            // Name a key the operator set: the stricter tier's if it is set, else the looser one's.
            Tier named = next.containsKey(misordered) ? misordered : looser(misordered);
            String key = "sla.targets.next." + named.wireName();
            v.problem(key, v.text(key), "next-reply targets must keep complaint <= urgent <="
                    + " standard (a tier without sla.targets.next.<tier> keeps its first-reply target): "
                    + nextOrder(parsed, misordered));
        }
        // Policies inherit from the default policy, so a broken one would make every policy's checks noisy.
        SlaPolicy sla = v.problems().isEmpty() ? parsed : SlaPolicy.DEFAULT;
        return new Sla(new SlaPolicies(sla, policyRules(sla)), calendars, calendar);
    }

    /** A tier's clock: {@code calendar} counts only business hours, {@code 24/7} always. */
    private void clock(String key, String value, Tier t, Set<Tier> onCalendar) {
        if (value.equals("calendar")) {
            onCalendar.add(t);
        } else if (value.equals("24/7")) {
            onCalendar.remove(t);
        } else {
            v.problem(key, value, "use calendar (only in business hours) or 24/7");
        }
    }

    private Map<String, BusinessCalendar> calendars() {
        JsonNode node = v.node("sla.calendars");
        Map<String, BusinessCalendar> out = new HashMap<>();
        if (!node.isObject()) {
            v.problem("sla.calendars", node.toString(),
                    "use a map of named calendars, like {paris: {zone: Europe/Paris, hours: {mon-fri: \"09:00-18:00\"}}}");
            return out;
        }
        node.fieldNames().forEachRemaining(name -> out.put(name, CalendarParser.parse(name, node.get(name), v.problems())));
        return out;
    }

    /** A calendar by name; "" is none (24/7). */
    private BusinessCalendar calendarNamed(String key, String name) {
        if (name == null || name.isBlank()) {
            return BusinessCalendar.ALWAYS;
        }
        BusinessCalendar c = calendars.get(name);
        if (c == null) {
            v.problem(key, name, "no such calendar under sla.calendars (known: " + calendars.keySet() + ")");
            return BusinessCalendar.ALWAYS;
        }
        return c;
    }

    /**
     * {@code sla.policies}: [{name, match: {channel, team, segment}, targets: {standard, urgent, complaint},
     * warn-at, escalation: {every, max-level}, calendar, clock: {standard: calendar|24/7, ...}}]; what a
     * policy leaves out comes from the default policy.
     */
    private List<PolicyRule> policyRules(SlaPolicy defaults) {
        String key = "sla.policies";
        JsonNode list = v.node(key);
        List<PolicyRule> out = new ArrayList<>();
        if (!list.isArray()) {
            v.problem(key, list.toString(), "use a list like [{name: vip, match: {segment: vip}, targets: {complaint: 30s}}]");
            return out;
        }
        Set<String> names = new HashSet<>(Set.of(SlaPolicies.DEFAULT_NAME));
        for (int i = 0; i < list.size(); i++) {
            PolicyRule rule = policyRule(list.get(i), key + "[" + i + "]", defaults, names);
            if (rule != null) {
                out.add(rule);
            }
        }
        return out;
    }

    /** One entry of {@code sla.policies}, or null (with its problems reported). */
    private PolicyRule policyRule(JsonNode p, String at, SlaPolicy defaults, Set<String> names) {
        int before = v.problems().size();
        String name = p.path("name").asText("");
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            v.problem(at + ".name", name, "every policy needs a name of letters, digits, '.', '_' or '-'");
        } else if (!names.add(name)) {
            v.problem(at + ".name", name, "policy names must be unique and not 'default'");
        }
        v.unknownFields(p, at, POLICY_FIELDS);
        BusinessCalendar calendar = p.has("calendar")
                ? calendarNamed(at + ".calendar", p.path("calendar").asText()) : defaults.calendar();
        Set<Tier> onCalendar = new HashSet<>(defaults.calendarTiers());
        JsonNode clock = p.path("clock");
        v.unknownFields(clock, at + ".clock", TIERS);
        for (Tier t : Tier.values()) {
            if (clock.has(t.wireName())) {
                clock(at + ".clock." + t.wireName(), clock.path(t.wireName()).asText(), t, onCalendar);
            }
        }
        JsonNode match = p.path("match");
        v.unknownFields(match, at + ".match", Set.of("channel", "team", "segment"));
        JsonNode targets = p.path("targets");
        Duration std = policyDuration(targets.path("standard"), at + ".targets.standard", defaults.standard());
        Duration urg = policyDuration(targets.path("urgent"), at + ".targets.urgent", defaults.urgent());
        Duration cpl = policyDuration(targets.path("complaint"), at + ".targets.complaint", defaults.complaint());
        v.unknownFields(targets, at + ".targets", Set.of("standard", "urgent", "complaint", "next"));
        if (urg.compareTo(std) > 0 || cpl.compareTo(urg) > 0) {
            v.problem(at + ".targets", targets.toString(),
                    "targets must keep complaint <= urgent <= standard (missing ones come from sla.targets)");
        }
        JsonNode nextNode = targets.path("next");
        v.unknownFields(nextNode, at + ".targets.next", TIERS);
        Map<Tier, Duration> next = new EnumMap<>(Tier.class);
        next.putAll(defaults.nextTargets());
        for (Tier t : Tier.values()) {
            if (nextNode.has(t.wireName())) {
                next.put(t, policyDuration(nextNode.path(t.wireName()), at + ".targets.next." + t.wireName(),
                        defaults.target(t, false)));
            }
        }
        double warn = defaults.warnAt();
        if (p.has("warn-at")) {
            double w = p.path("warn-at").asDouble(-1);
            if (w > 0 && w < 1) {
                warn = w;
            } else {
                v.problem(at + ".warn-at", p.path("warn-at").asText(), "use a fraction of the target between 0 and 1, like 0.8");
            }
        }
        JsonNode esc = p.path("escalation");
        v.unknownFields(esc, at + ".escalation", Set.of("every", "max-level"));
        Duration every = policyDuration(esc.path("every"), at + ".escalation.every", defaults.escalateEvery());
        int maxLevel = defaults.maxEscalations();
        if (esc.has("max-level")) {
            maxLevel = esc.path("max-level").asInt(-1);
            if (!esc.path("max-level").canConvertToInt() || maxLevel < 0 || maxLevel > 100) {
                v.problem(at + ".escalation.max-level", esc.path("max-level").asText(), "use a whole number from 0 to 100");
            }
        }
        if (v.problems().size() > before) {
            return null;
        }
        // A policy without an escalation block keeps the whole default ladder, per-tier ladders included.
        Map<Tier, SlaPolicy.Ladder> ladders = p.has("escalation") ? Map.of() : defaults.ladders();
        SlaPolicy policy = new SlaPolicy(std, urg, cpl, warn, every, maxLevel, calendar, onCalendar, ladders, next);
        Tier misordered = misorderedNextTarget(policy);
        if (misordered != null) {
            v.problem(at + ".targets.next", nextNode.toString(), "next-reply targets must"
                    + " keep complaint <= urgent <= standard (missing ones come from sla.targets.next, else the"
                    + " policy's first-reply targets): " + nextOrder(policy, misordered));
            return null;
        }
        return new PolicyRule(name, optional(match, "channel"), optional(match, "team"), optional(match, "segment"),
                policy);
    }

    /** The stricter tier whose next-reply target is longer than the next looser tier's, or null. */
    private static Tier misorderedNextTarget(SlaPolicy p) {
        for (Tier t : List.of(Tier.URGENT, Tier.COMPLAINT)) {
            if (p.target(t, false).compareTo(p.target(looser(t), false)) > 0) {
                return t;
            }
        }
        return null;
    }

    private static Tier looser(Tier t) {
        return t == Tier.COMPLAINT ? Tier.URGENT : Tier.STANDARD;
    }

    private static String nextOrder(SlaPolicy p, Tier misordered) {
        return misordered.wireName() + " " + DurationParser.format(p.target(misordered, false)) + " > "
                + looser(misordered).wireName() + " " + DurationParser.format(p.target(looser(misordered), false));
    }

    private Duration policyDuration(JsonNode n, String key, Duration fallback) {
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        Optional<Duration> d = DurationParser.parse(n.asText());
        if (d.isEmpty() || (d.get().isZero() && !key.endsWith(".every"))) {
            v.problem(key, n.asText(), "use " + DurationParser.FORMAT);
            return fallback;
        }
        return d.get();
    }

    private static String optional(JsonNode n, String field) {
        JsonNode f = n.get(field);
        return f == null || f.isNull() ? null : f.asText();
    }
}
