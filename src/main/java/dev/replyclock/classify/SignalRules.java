package dev.replyclock.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.replyclock.model.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The signal vocabulary and rules of {@code config/signals.yaml}, parsed and checked. A bad file is
 * rejected with every problem and the line it is on; the format is documented in the file itself.
 */
public final class SignalRules {

    /** One word of a term: exact, a stem with its suffixes, a prefix ({@code word*}), any word ({@code ?}), or a time. */
    record Element(Kind kind, String text, String[] suffixes) {
        enum Kind {
            EXACT, STEM, PREFIX, ANY, TIME, CLOCK, AMOUNT, NUMBER, COUNT;

            /** A kind matched by the token's shape (@time, @clock, @amount, @number, @count), not by letters. */
            boolean shape() {
                return this == TIME || this == CLOCK || this == AMOUNT || this == NUMBER || this == COUNT;
            }
        }
    }

    enum Role { FAMILY, NEAR_A, NEAR_B, FRAME_SLOT, IGNORE, NEGATOR, HYPOTHETICAL, HYPOTHETICAL_OPENER,
        HYPOTHETICAL_SENTENCE, INDIRECT_QUESTION, NOT_HYPOTHETICAL, QUESTION_OPENER, OWN_MISTAKE, CONSEQUENCE, CLAUSE_BREAK, TIME, NO_TYPO, PRE_PURCHASE, CURRENCY,
        GRATITUDE, RESOLVED, ELSEWHERE, GENERAL, POST_NEGATOR, NOT_BLAMED, CALL_OUT, URGENT_CALL_OUT,
        SHOP_WORK }

    /** A term: its words, what it is for, the family it belongs to (or -1) and, in a frame, its slot. */
    record Pattern(Element[] elements, Role role, int family, int slot) {
        Pattern(Element[] elements, Role role, int family) {
            this(elements, role, family, 0);
        }
    }

    /** How far the words of a near or frame family may lie apart: one clause, one sentence, the message. */
    enum Scope { CLAUSE, SENTENCE, MESSAGE }

    /**
     * A signal family. {@code near} and {@code frame} families fire on words standing together
     * ({@code slots} lists, in one {@code scope}, within {@code window} words, in order if {@code ordered});
     * a frame may also need {@code amounts} different sums of money. {@code question}: counts only in a
     * sentence that asks; {@code bareQuestion}: only in a sentence that asks with the signal's words and at most
     * one more ("Commande 30418 ?", "Hi, order 48213?"); {@code scareQuoted}: only inside quotes opening on a
     * small letter;
     * {@code unlessThanked}: not counted inside a clause that thanks ("thanks for sorting the refund so fast");
     * {@code unlessResolved}: not counted inside a clause that says the problem is over ("thanks for replacing the
     * broken one", "the double charge was reversed this morning");
     * {@code unlessPrePurchase}/{@code unlessCalm}: dropped when the message is about a purchase not yet
     * made, or says outright that there is no hurry; {@code unlessGeneral}: not counted in a sentence that asks
     * how things usually go ("how long does delivery usually take?"), not about the customer's own order;
     * {@code unlessCallOut}: dropped when the customer calls a trade out to what happened at home ("fuite sous
     * l'évier, vous pouvez passer ?") and ties it to nothing the shop sold, fitted or repaired;
     * {@code differ}: a frame's first two slots must be followed by different words (what was ordered against
     * what came: "ordered navy, got black", not "ordered 3 hinges, got 3 hinges").
     */
    record Family(String name, Tier tier, String lang, boolean near, int window, boolean ordered, boolean frame,
                  int slots, Scope scope, int amounts, boolean question, boolean scareQuoted,
                  boolean unlessPrePurchase, boolean unlessCalm, boolean unlessOwnMistake, boolean unlessThanked,
                  boolean unlessResolved, boolean unlessGeneral, boolean unlessCallOut, boolean bareQuestion,
                  boolean differ) {
        Family(String name, Tier tier, String lang, boolean near, int window, boolean ordered) {
            this(name, tier, lang, near, window, ordered, false, 0, Scope.CLAUSE, 0, false, false, false, false, false,
                    false, false, false, false, false, false);
        }
    }

    private static final Set<String> TOP_KEYS = Set.of("suffixes", "clause-breaks", "negators", "negation-window",
            "hypotheticals", "hypothetical-openers", "hypothetical-sentences", "consequences", "ignore", "families",
            "time-words", "no-typo", "pre-purchase", "currency-words", "indirect-questions", "question-openers", "not-hypothetical", "own-mistake", "not-blamed", "call-outs", "urgent-call-outs", "shop-work", "gratitude", "resolved", "elsewhere", "general-questions", "post-negators",
            "learned-complaint-threshold", "learned-complaint-model", "learned-urgent-threshold",
            "learned-urgent-model", "learned-dissent-below");
    private static final Set<String> FAMILY_KEYS = Set.of("name", "tier", "lang", "terms", "near", "frame", "when",
            "unless");
    private static final Set<String> NEAR_KEYS = Set.of("a", "b", "window", "order");
    private static final Set<String> FRAME_KEYS = Set.of("slots", "scope", "window", "order", "amounts", "differ");

    final List<Pattern> patterns = new ArrayList<>();
    final List<Family> families = new ArrayList<>();
    int negationWindow = 4;
    /** From this probability the learned model makes a message a complaint; 1 turns the model off. */
    double learnedComplaintThreshold = 1.0;
    /** A model trained with {@code replyclock train-complaints} ({@code learned-complaint-model}); null: the packaged one. */
    LearnedModel learnedModel;
    /** From this probability the learned urgency model makes a standard message urgent; 1 turns the model off. */
    double learnedUrgentThreshold = 1.0;
    /** {@code learned-urgent-model}, trained with {@code train-complaints --urgent-out}; null: the packaged one. */
    LearnedModel learnedUrgentModel;
    /**
     * Below this probability a model overrules the rules' complaint (or urgency): the words matched, but in a
     * message the model is all but sure is not one ("shampoo for damaged hair"). 0 turns dissent off.
     */
    double learnedDissentBelow = 0.0;

    private final transient String raw;
    private final transient List<String> problems = new ArrayList<>();
    private final transient Map<String, String[]> suffixSets = new HashMap<>();

    private SignalRules(String raw) {
        this.raw = raw;
    }

    /** The rules packaged in the jar (a copy of config/signals.yaml). */
    public static SignalRules builtIn() {
        try (InputStream in = SignalRules.class.getResourceAsStream("/config/signals.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the built-in rules /config/signals.yaml are missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "(built-in signals.yaml)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RulesException e) {
            throw new IllegalStateException("the built-in rules are invalid: " + e.getMessage(), e);
        }
    }

    public static SignalRules load(Path file) throws RulesException {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesException(file.toString(), List.of("cannot read the rules file: " + e.getMessage()));
        }
        return parse(yaml, file.toString(), file.toAbsolutePath().getParent());
    }

    /** Rules from text; a relative {@code learned-complaint-model} is read from the working directory. */
    public static SignalRules parse(String yaml, String source) throws RulesException {
        return parse(yaml, source, Path.of(""));
    }

    /** Whether a family's {@code when} makes it count only in a sentence that asks (a bare question asks too). */
    private static boolean asks(String when) {
        return when.equals("question") || when.equals("bare-question");
    }

    private static SignalRules parse(String yaml, String source, Path baseDir) throws RulesException {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new RulesException(source, List.of("line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ": not valid YAML: " + e.getOriginalMessage()));
        }
        SignalRules rules = new SignalRules(yaml);
        if (root == null || !root.isObject()) {
            throw new RulesException(source, List.of("the rules file must be a YAML mapping (see config/signals.yaml)"));
        }
        rules.read(root);
        rules.readModel(root, baseDir);
        if (!rules.problems.isEmpty()) {
            throw new RulesException(source, rules.problems);
        }
        return rules;
    }

    /** {@code learned-complaint-model} and {@code learned-urgent-model}: files relative to the rules file. */
    private void readModel(JsonNode root, Path baseDir) {
        learnedModel = readModel(root, baseDir, "learned-complaint-model", "--out");
        learnedUrgentModel = readModel(root, baseDir, "learned-urgent-model", "--urgent-out");
    }

    /** A model file named by {@code key}, or null without the key; refused with the fix when unusable. */
    private LearnedModel readModel(JsonNode root, Path baseDir, String key, String trainOption) {
        if (!root.has(key)) {
            return null;
        }
        String value = root.path(key).asText("");
        Path file = baseDir.resolve(value);
        try (InputStream in = Files.newInputStream(file)) {
            return LearnedModel.read(in);
        } catch (IOException | RuntimeException e) {
            problem(key, key + ": '" + value + "' is not a usable model (" + e.getMessage()
                    + "); train one with 'replyclock train-complaints " + trainOption + " " + value
                    + " LABELED.jsonl...', or remove the key to use the packaged model");
            return null;
        }
    }

    private void read(JsonNode root) {
        root.fieldNames().forEachRemaining(k -> {
            if (!TOP_KEYS.contains(k)) {
                problem(k, "unknown key '" + k + "' (known: " + TOP_KEYS + ")");
            }
        });
        suffixSets.put("none", new String[] {""});
        JsonNode suffixes = root.path("suffixes");
        suffixes.fieldNames().forEachRemaining(name -> {
            List<String> list = new ArrayList<>();
            suffixes.get(name).forEach(s -> list.add(s.asText()));
            suffixSets.put(name, list.toArray(String[]::new));
        });
        learnedComplaintThreshold = probability(root, "learned-complaint-threshold", 0.5, 1.0, 1.0,
                "a number from 0.5 to 1 (1 turns the learned model off)");
        learnedUrgentThreshold = probability(root, "learned-urgent-threshold", 0.5, 1.0, 1.0,
                "a number from 0.5 to 1 (1 turns the learned urgency model off)");
        learnedDissentBelow = probability(root, "learned-dissent-below", 0.0, 0.1, 0.0,
                "a number from 0 to 0.1 (0 turns dissent off)");
        if (root.has("negation-window")) {
            negationWindow = root.path("negation-window").asInt(-1);
            if (negationWindow < 1 || negationWindow > 10) {
                problem("negation-window", "negation-window must be a whole number from 1 to 10");
                negationWindow = 4;
            }
        }
        terms(root.path("negators"), "negators", Role.NEGATOR, -1);
        terms(root.path("post-negators"), "post-negators", Role.POST_NEGATOR, -1);
        terms(root.path("hypotheticals"), "hypotheticals", Role.HYPOTHETICAL, -1);
        terms(root.path("hypothetical-openers"), "hypothetical-openers", Role.HYPOTHETICAL_OPENER, -1);
        terms(root.path("hypothetical-sentences"), "hypothetical-sentences", Role.HYPOTHETICAL_SENTENCE, -1);
        terms(root.path("pre-purchase"), "pre-purchase", Role.PRE_PURCHASE, -1);
        terms(root.path("indirect-questions"), "indirect-questions", Role.INDIRECT_QUESTION, -1);
        terms(root.path("question-openers"), "question-openers", Role.QUESTION_OPENER, -1);
        terms(root.path("not-hypothetical"), "not-hypothetical", Role.NOT_HYPOTHETICAL, -1);
        terms(root.path("own-mistake"), "own-mistake", Role.OWN_MISTAKE, -1);
        terms(root.path("not-blamed"), "not-blamed", Role.NOT_BLAMED, -1);
        terms(root.path("call-outs"), "call-outs", Role.CALL_OUT, -1);
        terms(root.path("urgent-call-outs"), "urgent-call-outs", Role.URGENT_CALL_OUT, -1);
        terms(root.path("shop-work"), "shop-work", Role.SHOP_WORK, -1);
        terms(root.path("gratitude"), "gratitude", Role.GRATITUDE, -1);
        terms(root.path("resolved"), "resolved", Role.RESOLVED, -1);
        terms(root.path("elsewhere"), "elsewhere", Role.ELSEWHERE, -1);
        terms(root.path("general-questions"), "general-questions", Role.GENERAL, -1);
        terms(root.path("currency-words"), "currency-words", Role.CURRENCY, -1);
        terms(root.path("consequences"), "consequences", Role.CONSEQUENCE, -1);
        terms(root.path("clause-breaks"), "clause-breaks", Role.CLAUSE_BREAK, -1);
        terms(root.path("ignore"), "ignore", Role.IGNORE, -1);
        terms(root.path("time-words"), "time-words", Role.TIME, -1);
        terms(root.path("no-typo"), "no-typo", Role.NO_TYPO, -1);
        JsonNode fams = root.path("families");
        if (!fams.isArray() || fams.isEmpty()) {
            problem("families", "'families' must be a non-empty list of signal families");
            return;
        }
        for (JsonNode f : fams) {
            family(f);
        }
    }

    private void family(JsonNode f) {
        String name = f.path("name").asText("");
        if (name.isBlank()) {
            problem("families", "a family has no name");
            return;
        }
        Iterator<String> keys = f.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!FAMILY_KEYS.contains(k)) {
                problem("name: " + name, "family '" + name + "': unknown key '" + k + "' (known: " + FAMILY_KEYS + ")");
            }
        }
        Tier tier;
        try {
            tier = Tier.fromWire(f.path("tier").asText(""));
            if (tier == Tier.STANDARD) {
                throw new IllegalArgumentException("standard is what a message is without signals; use complaint or urgent");
            }
        } catch (IllegalArgumentException e) {
            problem("tier: " + f.path("tier").asText(""), "family '" + name + "': tier: " + e.getMessage());
            return;
        }
        JsonNode near = f.path("near");
        JsonNode frame = f.path("frame");
        boolean isNear = !near.isMissingNode();
        boolean isFrame = !frame.isMissingNode();
        if ((isNear ? 1 : 0) + (isFrame ? 1 : 0) + (f.has("terms") ? 1 : 0) != 1) {
            problem("name: " + name, "family '" + name + "' needs exactly one of 'terms', 'near' or 'frame'");
            return;
        }
        String when = f.path("when").asText("always");
        if (!Set.of("always", "question", "bare-question", "scare-quoted").contains(when)) {
            problem("when: " + when, "family '" + name + "': when must be 'question', 'bare-question' or 'scare-quoted'");
        }
        Set<String> unless = new HashSet<>();
        for (JsonNode u : f.path("unless")) {
            if (!Set.of("pre-purchase", "calm", "own-mistake", "thanked", "resolved", "general", "call-out")
                    .contains(u.asText())) {
                problem("unless", "family '" + name + "': unless takes 'pre-purchase', 'calm', 'own-mistake', 'thanked', "
                        + "'resolved', 'general' and 'call-out', not '"
                        + u.asText() + "'");
            }
            unless.add(u.asText());
        }
        if (isFrame) {
            frame(f, frame, name, tier, when, unless);
            return;
        }
        int window = 0;
        boolean ordered = false;
        if (isNear) {
            near.fieldNames().forEachRemaining(k -> {
                if (!NEAR_KEYS.contains(k)) {
                    problem("name: " + name, "family '" + name + "': unknown key 'near." + k + "' (known: " + NEAR_KEYS + ")");
                }
            });
            window = near.path("window").asInt(-1);
            if (window < 1 || window > 20) {
                problem("name: " + name, "family '" + name + "': near.window must be a whole number from 1 to 20");
            }
            String order = near.path("order").asText("any");
            if (!order.equals("any") && !order.equals("a-then-b")) {
                problem("order: " + order, "family '" + name + "': near.order must be 'any' or 'a-then-b'");
            }
            ordered = order.equals("a-then-b");
        }
        families.add(new Family(name, tier, f.path("lang").asText("any"), isNear, window, ordered, false,
                isNear ? 2 : 0, Scope.CLAUSE, 0, asks(when), when.equals("scare-quoted"),
                unless.contains("pre-purchase"), unless.contains("calm"), unless.contains("own-mistake"),
                unless.contains("thanked"), unless.contains("resolved"), unless.contains("general"),
                unless.contains("call-out"), when.equals("bare-question"), false));
        int index = families.size() - 1;
        if (isNear) {
            terms(near.path("a"), "family '" + name + "' near.a", Role.NEAR_A, index);
            terms(near.path("b"), "family '" + name + "' near.b", Role.NEAR_B, index);
        } else {
            terms(f.path("terms"), "family '" + name + "' terms", Role.FAMILY, index);
        }
    }

    private void frame(JsonNode f, JsonNode frame, String name, Tier tier, String when, Set<String> unless) {
        frame.fieldNames().forEachRemaining(k -> {
            if (!FRAME_KEYS.contains(k)) {
                problem("name: " + name, "family '" + name + "': unknown key 'frame." + k + "' (known: " + FRAME_KEYS + ")");
            }
        });
        JsonNode slots = frame.path("slots");
        if (!slots.isArray() || slots.size() < 2 || slots.size() > 4) {
            problem("name: " + name, "family '" + name + "': frame.slots must be a list of 2 to 4 term lists");
            return;
        }
        Scope scope;
        try {
            scope = Scope.valueOf(frame.path("scope").asText("sentence").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem("scope: " + frame.path("scope").asText(), "family '" + name
                    + "': frame.scope must be clause, sentence or message");
            return;
        }
        int window = frame.path("window").asInt(0);
        if (window < 0 || window > 60) {
            problem("name: " + name, "family '" + name + "': frame.window must be a whole number from 1 to 60 (or absent)");
        }
        String order = frame.path("order").asText("any");
        if (!order.equals("any") && !order.equals("in-order")) {
            problem("order: " + order, "family '" + name + "': frame.order must be 'any' or 'in-order'");
        }
        int amounts = frame.path("amounts").asInt(0);
        JsonNode differ = frame.path("differ");
        if (!differ.isMissingNode() && !differ.isBoolean()) {
            problem("differ: " + differ.asText(), "family '" + name + "': frame.differ must be true or false");
        }
        families.add(new Family(name, tier, f.path("lang").asText("any"), false, window, order.equals("in-order"),
                true, slots.size(), scope, amounts, asks(when), when.equals("scare-quoted"),
                unless.contains("pre-purchase"), unless.contains("calm"), unless.contains("own-mistake"),
                unless.contains("thanked"), unless.contains("resolved"), unless.contains("general"),
                unless.contains("call-out"), when.equals("bare-question"), differ.asBoolean(false)));
        int index = families.size() - 1;
        for (int k = 0; k < slots.size(); k++) {
            terms(slots.get(k), "family '" + name + "' frame.slots[" + k + "]", Role.FRAME_SLOT, index, k);
        }
    }

    private void terms(JsonNode list, String where, Role role, int family) {
        terms(list, where, role, family, 0);
    }

    private void terms(JsonNode list, String where, Role role, int family, int slot) {
        if (list.isMissingNode()) {
            return;
        }
        if (!list.isArray()) {
            problem(where, where + " must be a list of terms");
            return;
        }
        for (JsonNode t : list) {
            if (!t.isTextual()) {
                problem(where, where + ": '" + t.asText() + "' is not text; quote it (YAML reads no, n, on, off, yes as booleans)");
                continue;
            }
            String term = t.asText("").trim().toLowerCase(Locale.ROOT);
            Element[] elements = elements(term, where);
            if (elements != null) {
                patterns.add(new Pattern(elements, role, family, slot));
            }
        }
    }

    private Element[] elements(String term, String where) {
        if (term.isEmpty()) {
            problem(where, where + ": an empty term");
            return null;
        }
        String[] words = term.split("\\s+");
        Element[] out = new Element[words.length];
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            Element e;
            if (w.equals("?")) {
                e = new Element(Element.Kind.ANY, "", null);
            } else if (w.equals("@time")) {
                e = new Element(Element.Kind.TIME, "", null);
            } else if (w.equals("@clock")) {
                e = new Element(Element.Kind.CLOCK, "", null);
            } else if (w.equals("@amount")) {
                e = new Element(Element.Kind.AMOUNT, "", null);
            } else if (w.equals("@number")) {
                e = new Element(Element.Kind.NUMBER, "", null);
            } else if (w.equals("@count")) {
                e = new Element(Element.Kind.COUNT, "", null);
            } else if (w.endsWith("*")) {
                e = new Element(Element.Kind.PREFIX, w.substring(0, w.length() - 1), null);
            } else if (w.contains(":")) {
                String stem = w.substring(0, w.indexOf(':'));
                String set = w.substring(w.indexOf(':') + 1);
                String[] suffixes = suffixSets.get(set);
                if (suffixes == null) {
                    problem(term, where + ": '" + term + "' names an unknown suffix set '" + set + "' (known: "
                            + suffixSets.keySet() + ")");
                    return null;
                }
                e = new Element(Element.Kind.STEM, stem, suffixes);
            } else {
                e = new Element(Element.Kind.EXACT, w, null);
            }
            if (e.kind() != Element.Kind.ANY && !e.kind().shape() && !e.text().matches("[a-z0-9]+")) {
                problem(term, where + ": '" + term + "': write terms in lower case letters and digits without accents"
                        + " (the text is folded the same way)");
                return null;
            }
            if (e.kind() == Element.Kind.PREFIX && e.text().length() < 3 || e.kind() == Element.Kind.STEM && e.text().length() < 3) {
                problem(term, where + ": '" + term + "': a stem or prefix needs at least 3 letters");
                return null;
            }
            out[i] = e;
        }
        Element.Kind first = out[0].kind();
        if ((first == Element.Kind.ANY || first.shape()) && out.length > 1) {
            problem(term, where + ": '" + term + "' cannot start with '?' or '@'");
            return null;
        }
        return out;
    }

    /** A probability key in [min, max], {@code otherwise} without the key or (with a problem) out of range. */
    private double probability(JsonNode root, String key, double min, double max, double otherwise, String range) {
        if (!root.has(key)) {
            return otherwise;
        }
        double value = root.path(key).asDouble(-1);
        if (!(value >= min && value <= max)) {
            problem(key, key + " must be " + range);
            return otherwise;
        }
        return value;
    }

    private void problem(String needle, String message) {
        problems.add("line " + lineOf(needle) + ": " + message);
    }

    /** The first line of the file holding {@code needle}: close enough to point a support lead at it. */
    private String lineOf(String needle) {
        int at = raw.indexOf(needle);
        if (at < 0) {
            return "?";
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (raw.charAt(i) == '\n') {
                line++;
            }
        }
        return String.valueOf(line);
    }

}
