package dev.replyclock.classify;

import dev.replyclock.classify.SignalRules.Element;
import dev.replyclock.classify.SignalRules.Family;
import dev.replyclock.classify.SignalRules.Pattern;
import dev.replyclock.classify.SignalRules.Role;
import dev.replyclock.model.Signal;
import dev.replyclock.model.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies a customer message into complaint, urgent or standard, and says why.
 *
 * <p>One pass: the text is folded and cut into tokens ({@link Tokens}), every token is walked down one
 * trie that holds the first word of every term (signal families, negators, hypothetical markers, idioms
 * to ignore, time words), multi-word terms are checked on the following tokens, and words of 6+ letters
 * that matched nothing get one chance at a typo (edit distance 1, same first letter) unless they are real
 * words ({@link RealWords}). Then each signal is dropped if it is out of scope (an ignore phrase, a
 * hyphenated compound, a title, a name), negated shortly before in its clause, or hypothetical; near and
 * frame families are tried on the words found, and message-wide conditions (pre-purchase, calm, own
 * mistake) drop the families that ask for it; the most severe tier left wins. See docs/classifier.md.
 *
 * <p>Written by hand rather than with an Aho-Corasick library: matching is by word with suffix sets,
 * typo tolerance and spans in the original text, which a character automaton does not give.
 * Thread-safe: per-thread scratch buffers, no allocation per character.
 */
public final class Classifier {

    private static final int ALPHABET = 36;

    private final SignalRules rules;
    private final Pattern[] patterns;
    private final Family[] families;
    /** Trie over first elements: children[node * 36 + symbol], -1 = none. */
    private int[] children;
    private int[][] ends;
    /**
     * Per trie node, the terms of two words or more whose second word starts with a known letter, by that
     * letter: "c est ...", "pas de ...", "en ..." share a first word with dozens of terms, and checking only
     * those whose second word can match keeps the cost of a common first word flat.
     */
    private int[][][] endsByNext;
    /**
     * The words of every term in one flat array, so that checking the words after the first reads no objects
     * and, for most terms, one cache line: per term, where its first word's record is ({@code wordAt}); per
     * word, a record of its hash, its length (-1 for a word that is not an exact word: a stem, a prefix, a
     * shape), where its letters start in {@code wordLetters}, and in a term's first word how many words the
     * term has.
     */
    private final int[] wordAt;
    private final int[] wordRecords;
    private static final int WORD_RECORD = 4;
    private static final int WORD_HASH = 0;
    private static final int WORD_LENGTH = 1;
    private static final int WORD_START = 2;
    private static final int TERM_WORDS = 3;
    private final char[] wordLetters;
    /** Per pattern: the hash of its second word when that is an exact word, else 0 (see firstWordTerms). */
    private final int[] secondHash;
    /** Per pattern: the hash of its third word when that is an exact word, else 0 (see firstWordTerms). */
    private final int[] thirdHash;
    /**
     * The same lists without the exact terms: above a token's last letter only a stem or a prefix can end,
     * and most terms are exact words, so the walk down a long word skips them (same order as the full lists).
     */
    private int[][] openEnds;
    private int[][][] openEndsByNext;
    private int nodes;
    /** Typo candidates: single-word family terms of 6+ letters, by their first two letters. */
    private final Map<Integer, int[]> typoBuckets = new HashMap<>();
    /** The same buckets for two ASCII letters or digits, as an array: no boxing on the hot path. */
    private final int[][] typoTable = new int[ALPHABET * ALPHABET][];
    /** The family of the learned model's signals (not in signals.yaml: the model has no words of its own). */
    static final Family LEARNED = new Family("learned-complaint", Tier.COMPLAINT, "any", false, 0, false);
    static final Family LEARNED_URGENT = new Family("learned-urgent", Tier.URGENT, "any", false, 0, false);
    /** Dissents: the rules' words, which a model all but sure of the contrary set aside (signals of tier standard). */
    static final Family NOT_COMPLAINT = new Family("learned-not-complaint", Tier.STANDARD, "any", false, 0, false);
    static final Family NOT_URGENT = new Family("learned-not-urgent", Tier.STANDARD, "any", false, 0, false);
    private final LearnedModel complaintModel;
    private final double complaintThreshold;
    private final LearnedModel urgentModel;
    private final double urgentThreshold;
    private final double dissentBelow;
    /** Both models in one table, read in one pass a message. */
    private final TwoModels models;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    /** Per near family: 0 = no time on the b side, 1 = any time (@time), 2 = clock times only (@clock). */
    private final int[] timeSide;
    /** Per frame family and slot: which shapes fill it besides words (TIME_SHAPE for @time, CLOCK_SHAPE, ...). */
    private final int[][] slotShapes;
    /**
     * What the per-message loops read of each pattern and family, in flat arrays: a Pattern or a Family is an
     * object somewhere in the heap, and reading one per match and one per family per message cost a cache miss
     * each (the classifier's time is mostly waiting for memory, not computing).
     */
    private final Role[] patternRole;
    private final int[] patternFamily;
    private final int[] patternSlot;
    /**
     * What decide() does with a trie match of each pattern, in one int read per match (0 for most: a family's
     * term, a negator, any role): {@link #ANCHORS} its near or frame family, {@link #CHAINED} into the chain
     * {@code family * 4 + slot} of {@code Scratch.slotHead} (a frame slot word, not a time: times fill slots by
     * shape; a near family's a-term in 0, its b-term in 1), that family and slot above {@link #LINK_SLOT_SHIFT}.
     */
    private final int[] patternLink;
    private static final int ANCHORS = 1;
    private static final int CHAINED = 2;
    private static final int LINK_SLOT_SHIFT = 2;
    private final Tier[] familyTier;
    /**
     * Bits by family, by the shapes a message has ({@code Scratch.shapesPresent}): the frame families tried without
     * a word of their first list, as one of those shapes fills their first slot. Not a near family whose b side
     * takes a time, nor a frame whose first slot takes none of the message's shapes: without an a-term, or with
     * nothing in its first slot, the family finds nothing (and trying them all cost six calls a message).
     */
    private final long[][] triedByShapes;

    private Classifier(SignalRules rules) {
        this(rules, rules.learnedModel != null ? rules.learnedModel : LearnedModel.packaged(),
                rules.learnedUrgentModel != null ? rules.learnedUrgentModel : LearnedModel.packagedUrgent());
    }

    private Classifier(SignalRules rules, LearnedModel complaintModel, LearnedModel urgentModel) {
        this.rules = rules;
        // a model turned off (threshold 1) neither adds nor dissents
        this.complaintModel = rules.learnedComplaintThreshold >= 1.0 ? LearnedModel.NONE : complaintModel;
        this.complaintThreshold = rules.learnedComplaintThreshold;
        this.urgentModel = rules.learnedUrgentThreshold >= 1.0 ? LearnedModel.NONE : urgentModel;
        this.urgentThreshold = rules.learnedUrgentThreshold;
        this.dissentBelow = rules.learnedDissentBelow;
        this.models = new TwoModels(this.complaintModel, this.urgentModel);
        this.patterns = rules.patterns.toArray(Pattern[]::new);
        this.families = rules.families.toArray(Family[]::new);
        this.timeSide = new int[families.length];
        this.slotShapes = new int[families.length][];
        for (int f = 0; f < families.length; f++) {
            slotShapes[f] = new int[Math.max(1, families[f].slots())];
        }
        for (Pattern p : patterns) {
            if (p.role() == Role.FRAME_SLOT) {
                switch (p.elements()[0].kind()) {
                    case TIME -> slotShapes[p.family()][p.slot()] |= TIME_SHAPE;
                    case CLOCK -> slotShapes[p.family()][p.slot()] |= CLOCK_SHAPE;
                    case AMOUNT -> slotShapes[p.family()][p.slot()] |= AMOUNT_SHAPE;
                    case NUMBER -> slotShapes[p.family()][p.slot()] |= NUMBER_SHAPE;
                    case COUNT -> slotShapes[p.family()][p.slot()] |= COUNT_SHAPE;
                    default -> {
                    }
                }
            }
            if (p.role() == Role.NEAR_B) {
                Element.Kind k = p.elements()[0].kind();
                if (k == Element.Kind.TIME) {
                    timeSide[p.family()] = 1;
                } else if (k == Element.Kind.CLOCK && timeSide[p.family()] == 0) {
                    timeSide[p.family()] = 2;
                }
            }
        }
        patternRole = new Role[patterns.length];
        patternFamily = new int[patterns.length];
        patternSlot = new int[patterns.length];
        patternLink = new int[patterns.length];
        for (int p = 0; p < patterns.length; p++) {
            Role role = patterns[p].role();
            patternRole[p] = role;
            patternFamily[p] = patterns[p].family();
            patternSlot[p] = patterns[p].slot();
            boolean anchors = role == Role.NEAR_A || role == Role.NEAR_B || role == Role.FRAME_SLOT && patternSlot[p] == 0;
            boolean chained = role == Role.FRAME_SLOT && patterns[p].elements()[0].kind() != Element.Kind.TIME
                    || role == Role.NEAR_A || role == Role.NEAR_B;
            int chain = role == Role.NEAR_A ? 0 : role == Role.NEAR_B ? 1 : patternSlot[p];
            patternLink[p] = !anchors && !chained ? 0 : (patternFamily[p] * 4 + chain) << LINK_SLOT_SHIFT
                    | (anchors ? ANCHORS : 0) | (chained ? CHAINED : 0);
        }
        familyTier = new Tier[families.length];
        triedByShapes = new long[ALL_SHAPES + 1][(families.length + 63) / 64];
        for (int f = 0; f < families.length; f++) {
            familyTier[f] = families[f].tier();
            for (int shapes = 0; shapes <= ALL_SHAPES; shapes++) {
                if (families[f].frame() && (slotShapes[f][0] & shapes) != 0) {
                    triedByShapes[shapes][f >>> 6] |= 1L << f;
                }
            }
        }
        wordAt = new int[patterns.length];
        int totalWords = Arrays.stream(patterns).mapToInt(p -> p.elements().length).sum();
        wordRecords = new int[totalWords * WORD_RECORD];
        StringBuilder letters = new StringBuilder();
        for (int p = 0, w = 0; p < patterns.length; p++) {
            Element[] el = patterns[p].elements();
            wordAt[p] = w * WORD_RECORD;
            wordRecords[w * WORD_RECORD + TERM_WORDS] = el.length;
            for (Element e : el) {
                boolean exact = e.kind() == Element.Kind.EXACT;
                int r = w * WORD_RECORD;
                wordRecords[r + WORD_HASH] = exact ? Tokens.hash(e.text()) : 0;
                wordRecords[r + WORD_LENGTH] = exact ? e.text().length() : -1;
                wordRecords[r + WORD_START] = letters.length();
                letters.append(exact ? e.text() : "");
                w++;
            }
        }
        wordLetters = letters.toString().toCharArray();
        secondHash = new int[patterns.length];
        thirdHash = new int[patterns.length];
        for (int p = 0; p < patterns.length; p++) {
            secondHash[p] = patterns[p].elements().length > 1 ? wordRecords[wordAt[p] + WORD_RECORD + WORD_HASH] : 0;
            thirdHash[p] = patterns[p].elements().length > 2 ? wordRecords[wordAt[p] + 2 * WORD_RECORD + WORD_HASH] : 0;
        }
        build();
        RealWords.hashes(); // loaded once per JVM, here rather than on the first message with a near-miss
    }

    public static Classifier fromRules(SignalRules rules) {
        return new Classifier(rules);
    }

    /** The rules with other learned models, complaint and urgency (retrained ones, measured before packaging). */
    public static Classifier fromRules(SignalRules rules, LearnedModel complaintModel, LearnedModel urgentModel) {
        return new Classifier(rules, complaintModel, urgentModel);
    }

    private static volatile Classifier builtIn;

    /** The classifier of the built-in rules, built once. */
    public static Classifier builtIn() {
        Classifier c = builtIn;
        if (c == null) {
            synchronized (Classifier.class) {
                if (builtIn == null) {
                    builtIn = new Classifier(SignalRules.builtIn());
                }
                c = builtIn;
            }
        }
        return c;
    }

    private void build() {
        if (patterns.length >= WordMemo.MAX_TERMS) {
            throw new IllegalStateException(patterns.length + " terms: the word memo numbers at most "
                    + WordMemo.MAX_TERMS);
        }
        children = new int[ALPHABET * 1024];
        Arrays.fill(children, -1);
        List<List<Integer>> endLists = new ArrayList<>();
        endLists.add(new ArrayList<>());
        nodes = 1;
        Map<Integer, List<Integer>> buckets = new HashMap<>();
        for (int p = 0; p < patterns.length; p++) {
            Element first = patterns[p].elements()[0];
            int node = 0;
            for (int i = 0; i < first.text().length(); i++) {
                int sym = symbol(first.text().charAt(i));
                int slot = node * ALPHABET + sym;
                if (children[slot] < 0) {
                    if ((nodes + 1) * ALPHABET > children.length) {
                        int old = children.length;
                        children = Arrays.copyOf(children, old * 2);
                        Arrays.fill(children, old, children.length, -1);
                    }
                    children[slot] = nodes++;
                    endLists.add(new ArrayList<>());
                }
                node = children[slot];
            }
            endLists.get(node).add(p);
            if (patterns[p].role() == Role.FAMILY && patterns[p].elements().length == 1
                    && first.text().length() >= 6 && first.kind() != Element.Kind.PREFIX) {
                buckets.computeIfAbsent(bucket(first.text().charAt(0), first.text().charAt(1)), k -> new ArrayList<>()).add(p);
            }
        }
        ends = new int[nodes][];
        endsByNext = new int[nodes][][];
        openEnds = new int[nodes][];
        openEndsByNext = new int[nodes][][];
        for (int n = 0; n < nodes; n++) {
            List<Integer> now = new ArrayList<>();
            List<List<Integer>> byNext = new ArrayList<>();
            for (int p : endLists.get(n)) {
                int letter = secondLetter(patterns[p]);
                if (letter < 0) {
                    now.add(p);
                    continue;
                }
                while (byNext.size() < 26) {
                    byNext.add(new ArrayList<>());
                }
                byNext.get(letter).add(p);
            }
            ends[n] = now.stream().mapToInt(Integer::intValue).toArray();
            openEnds[n] = open(ends[n]);
            if (!byNext.isEmpty()) {
                endsByNext[n] = new int[26][];
                openEndsByNext[n] = new int[26][];
                for (int c = 0; c < 26; c++) {
                    endsByNext[n][c] = byNext.get(c).stream().mapToInt(Integer::intValue).toArray();
                    openEndsByNext[n][c] = open(endsByNext[n][c]);
                }
            }
        }
        buckets.forEach((k, v) -> typoBuckets.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        typoBuckets.forEach((k, v) -> {
            int a = symbol((char) (k / 65536));
            int b = symbol((char) (k % 65536));
            if (a >= 0 && b >= 0) {
                typoTable[a * ALPHABET + b] = v;
            }
        });
    }

    /** The terms of {@code ends} whose first word can end before a token's last letter: stems and prefixes. */
    private int[] open(int[] ends) {
        return Arrays.stream(ends).filter(p -> patterns[p].elements()[0].kind() != Element.Kind.EXACT).toArray();
    }

    /** The first letter of a term's second word as 0..25, or -1 (one word, or a second word of any shape). */
    private static int secondLetter(Pattern p) {
        if (p.elements().length < 2) {
            return -1;
        }
        Element second = p.elements()[1];
        boolean lettered = second.kind() == Element.Kind.EXACT || second.kind() == Element.Kind.STEM
                || second.kind() == Element.Kind.PREFIX;
        if (!lettered || second.text().isEmpty()) {
            return -1;
        }
        char c = second.text().charAt(0);
        return c >= 'a' && c <= 'z' ? c - 'a' : -1;
    }

    private static int bucket(char a, char b) {
        return a * 65536 + b;
    }

    private static int symbol(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return 26 + c - '0';
        }
        return -1;
    }

    /** Bits of {@code Scratch.mark}: a phrase of that role starts at the token (or the token is in a family term). */
    private static final int NEGATOR = 1;
    private static final int HYPOTHETICAL_MARK = 1 << 1;
    private static final int CONSEQUENCE = 1 << 2;
    private static final int GRATITUDE = 1 << 3;
    /** A phrase saying the problem is over starts here ("thanks for replacing", "was reversed"). */
    private static final int RESOLVED_MARK = 1 << 4;
    private static final int BREAK_BEFORE = 1 << 5;
    private static final int NO_TYPO = 1 << 6;
    private static final int IN_FAMILY = 1 << 7;
    private static final int HYPOTHETICAL_SENTENCE_MARK = 1 << 8;
    private static final int CURRENCY_MARK = 1 << 9;
    private static final int AMOUNT = 1 << 10;
    /** Another shop's problem is named here ("chez un autre site", "another retailer's courier"). */
    private static final int ELSEWHERE = 1 << 11;
    /** A phrase asking how things usually go starts here ("usually take", "en général"). */
    private static final int GENERAL = 1 << 12;
    /** A negation that follows its word starts here ("ça presse pas", "ça urge pas trop"). */
    private static final int POST_NEGATOR = 1 << 13;
    /** An urgency word the rules read in another sense is here (a name, an idiom, a product: "urgent care clinic"). */
    private static final int URGENT_ELSEWHERE = 1 << 14;

    /** Per-thread working memory: tokens, matches, per-token marks. */
    private static final class Scratch {
        final Tokens tokens = new Tokens();
        final WordMemo memo = new WordMemo();
        /** firstWordTerms' list of a word's terms as the trie walk finds them, grown as needed. */
        int[] termBuffer = new int[48];
        /** The memo slot of the token matchAt read last (-1: not kept). */
        int tokenSlot;
        int[] matchPattern = new int[64];
        int[] matchStart = new int[64];
        int[] matchEnd = new int[64];
        int matches;
        int trieMatches;
        /** The furthest end of an ignore phrase starting at or before each token. */
        int[] ignoreReach = new int[128];
        /**
         * Per token, bits of what starts or stands there (NEGATOR, HYPOTHETICAL_MARK, ... below): one array
         * cleared per message and one load per token where the scope loops read several marks.
         */
        int[] mark = new int[128];
        /**
         * The union of the message's marks after markRoles: a scope walk looking for a mark the message does not
         * have ("en général", a resolved phrase, another shop) finds nothing, so it is not walked.
         */
        int marksPresent;
        int[] negatorEnd = new int[128];
        /** Where the post-negator starting at a token ends; valid only where its mark is set. */
        int[] postNegatorEnd = new int[128];
        int[] timeEnd = new int[128];
        /** Per token: the shapes it has (TIME_SHAPE, CLOCK_SHAPE, AMOUNT_SHAPE, NUMBER_SHAPE), and their union. */
        int[] shape = new int[128];
        int shapesPresent;
        /** How many different sums of money the message names (0, 1, or 2 for two or more). */
        int distinctAmounts;
        boolean prePurchase;
        /** A complaint word the rules read and set aside (negated, hypothetical, thanked, not bought yet). */
        boolean complaintSetAside;
        boolean ownMistake;
        /** The customer says the shop is not to blame ("nothing wrong on your side"): the model adds no complaint. */
        boolean notBlamed;
        /** A trade called out to the customer's home ({@code call-outs}), and a fault tied to the shop's work. */
        boolean callOut;
        boolean shopWork;
        /** Someone asked to come, no trade named ({@code urgent-call-outs}): a call-out when the message is urgent. */
        boolean urgentCallOut;
        /** The first token of the last such request (read only when {@link #urgentCallOut} is set, so not reset). */
        int urgentCallOutAt;
        final char[] merged = new char[64];
        /** Per family: whether the first list of a near or frame family has a word in this message. */
        long[] anchored = new long[0];
        /** Frame slot words per (family, slot): the first match of each chain, and each match's next. */
        int[] slotHead = new int[0];
        int[] slotNext = new int[64];
        /** Per token: the learned model's hash of its word and the word's weight (from the memo). */
        int[] modelWord = new int[128];
        float[] modelWeight = new float[128];
        /** The urgency model's weight of each token's word (from the memo). */
        float[] urgentWeight = new float[128];
        /** The heaviest positive feature's span: the complaint model's in [0, 1], the urgency model's in [2, 3]. */
        final int[] strongest = new int[4];
        /** The two models' log-odds for the message: complaint, urgent. */
        final double[] logits = new double[2];
        /** Signals that count, before the message-wide checks (pre-purchase, calm): family, start, end. */
        int[] candFamily = new int[16];
        int[] candStart = new int[16];
        int[] candEnd = new int[16];
        int cands;
        /** The span a near or frame family found (see found()): its tokens and its verdict, -1 for none yet. */
        int foundStart;
        int foundEnd;
        int foundVerdict;
        int tries;
        /** Per frame slot (at most 4): the candidates' start and end tokens, in token order. */
        int[][] slotStart = new int[4][32];
        int[][] slotEnd = new int[4][32];
        final int[] slotCount = new int[4];

        void addSlot(int k, int start, int end) {
            int n = slotCount[k];
            if (n == slotStart[k].length) {
                slotStart[k] = Arrays.copyOf(slotStart[k], n * 2);
                slotEnd[k] = Arrays.copyOf(slotEnd[k], n * 2);
            }
            slotStart[k][n] = start;
            slotEnd[k][n] = end;
            slotCount[k] = n + 1;
        }

        void candidate(int family, int start, int end) {
            if (cands == candFamily.length) {
                candFamily = Arrays.copyOf(candFamily, cands * 2);
                candStart = Arrays.copyOf(candStart, cands * 2);
                candEnd = Arrays.copyOf(candEnd, cands * 2);
            }
            candFamily[cands] = family;
            candStart[cands] = start;
            candEnd[cands] = end;
            cands++;
        }

        void reset(int tokenCount) {
            matches = 0;
            cands = 0;
            prePurchase = false;
            complaintSetAside = false;
            ownMistake = false;
            notBlamed = false;
            callOut = false;
            urgentCallOut = false;
            shopWork = false;
            if (mark.length < tokenCount + 1) {
                int n = Math.max(tokenCount + 1, mark.length * 2);
                mark = new int[n];
                shape = new int[n];
                negatorEnd = new int[n];
                postNegatorEnd = new int[n];
                timeEnd = new int[n];
                ignoreReach = new int[n];
                modelWord = new int[n];
                modelWeight = new float[n];
                urgentWeight = new float[n];
            } else {
                Arrays.fill(mark, 0, tokenCount + 1, 0);
                Arrays.fill(negatorEnd, 0, tokenCount + 1, 0);
                Arrays.fill(timeEnd, 0, tokenCount + 1, 0);
                Arrays.fill(ignoreReach, 0, tokenCount + 1, 0);
            }
        }

        boolean has(int token, int bit) {
            return (mark[token] & bit) != 0;
        }

        private int[] mergedPattern = new int[0];
        private int[] mergedStart = new int[0];
        private int[] mergedEnd = new int[0];

        /**
         * Merges the matches from {@code from} on (the spelled words, in token order) into those before it (the
         * trie's, in token order): one pass, as a long message may hold thousands of each; at the same start the
         * trie's come first.
         */
        void mergeMatchesFrom(int from) {
            if (mergedPattern.length < matches) {
                mergedPattern = new int[matchPattern.length];
                mergedStart = new int[matchPattern.length];
                mergedEnd = new int[matchPattern.length];
            }
            int a = 0;
            int b = from;
            for (int o = 0; o < matches; o++) {
                int k = b >= matches || a < from && matchStart[a] <= matchStart[b] ? a++ : b++;
                mergedPattern[o] = matchPattern[k];
                mergedStart[o] = matchStart[k];
                mergedEnd[o] = matchEnd[k];
            }
            System.arraycopy(mergedPattern, 0, matchPattern, 0, matches);
            System.arraycopy(mergedStart, 0, matchStart, 0, matches);
            System.arraycopy(mergedEnd, 0, matchEnd, 0, matches);
        }

        void add(int pattern, int start, int end) {
            if (matches == matchPattern.length) {
                matchPattern = Arrays.copyOf(matchPattern, matches * 2);
                matchStart = Arrays.copyOf(matchStart, matches * 2);
                matchEnd = Arrays.copyOf(matchEnd, matches * 2);
            }
            matchPattern[matches] = pattern;
            matchStart[matches] = start;
            matchEnd[matches] = end;
            matches++;
        }
    }

    public Classification classify(String text) {
        if (text == null || text.isEmpty()) {
            return Classification.STANDARD;
        }
        Scratch s = scratch.get();
        if (s.slotHead.length < families.length * 4) {
            s.anchored = new long[triedByShapes[0].length];
            s.slotHead = new int[families.length * 4];
        }
        Tokens t = s.tokens;
        t.cut(text);
        s.reset(t.count);
        for (int i = 0; i < t.count; i++) {
            boolean familyHere = matchAt(s, t, i);
            if (!familyHere && !s.has(i, NO_TYPO) && t.length[i] >= 6) {
                typo(s, t, i);
            }
        }
        int found = s.matches;
        spacedLetters(s, t, text);
        if (s.matches > found) {
            s.mergeMatchesFrom(found); // spelled words join the trie's matches in token order (rare: spaced letters)
        }
        s.trieMatches = s.matches; // in token order, which near() and the frame slot chains rely on
        if (s.slotNext.length < s.matches) {
            s.slotNext = new int[Math.max(s.matches, s.slotNext.length * 2)];
        }
        markRoles(s, t, text);
        Classification ruled = decide(s, t, text);
        return secondOpinions(s, t, text, ruled);
    }

    /**
     * The learned models' word on what the rules decided. A complaint the complaint model is all but sure is none
     * (below {@code learned-dissent-below}) loses its complaint signals; else the complaint model may add a
     * complaint no rule names, but it does not overrule the rules' reading of a complaint word they set aside
     * ("if it arrives broken", "from another brand", "rien de cassé") nor a message about a purchase not made
     * yet. Then the urgency model: an urgent message it is all but sure is not loses its urgent signals, a
     * standard one it is sure of becomes urgent.
     */
    private Classification secondOpinions(Scratch s, Tokens t, String text, Classification ruled) {
        Classification c = ruled;
        boolean mayDissent = dissentBelow > 0 && t.count <= MAX_DISSENT_TOKENS;
        if (c.tier() == Tier.COMPLAINT && (!mayDissent || complaintModel == LearnedModel.NONE)) {
            return c; // nothing a model could change: no model work
        }
        models.logits(t, s.modelWord, s.modelWeight, s.urgentWeight, s.logits, s.strongest);
        double complaint = LearnedModel.probability(s.logits[0]);
        boolean complaintOpen = !s.complaintSetAside && !s.prePurchase && !s.notBlamed && !(s.callOut && !s.shopWork);
        if (c.tier() == Tier.COMPLAINT) {
            if (complaint >= dissentBelow) {
                return c;
            }
            c = dissent(c, Tier.COMPLAINT, NOT_COMPLAINT);
            complaintOpen = false;
        } else if (complaintOpen && complaintModel != LearnedModel.NONE) {
            // an urgent message is answered within 5 minutes already: the model moves it up only when it is sure
            double needed = c.tier() == Tier.URGENT ? (1 + complaintThreshold) / 2 : complaintThreshold;
            if (complaint >= needed && s.strongest[0] >= 0) {
                return with(c, Tier.COMPLAINT, LEARNED, t, text, s.strongest[0], s.strongest[1]);
            }
        }
        if (urgentModel == LearnedModel.NONE || c.tier() == Tier.COMPLAINT) {
            return c;
        }
        double urgent = LearnedModel.probability(s.logits[1]);
        if (c.tier() == Tier.URGENT) {
            return mayDissent && urgent < dissentBelow ? dissent(c, Tier.URGENT, NOT_URGENT) : c;
        }
        // urgency is a deadline or a question about timing (the guide): a message with neither a time nor a
        // question is not made urgent by its words alone ("il me faut la facture pour porter plainte"), nor a
        // mistake the customer owns ("c'est ma faute, j'ai commandé du 4 mm, je peux échanger ?")
        return urgent >= urgentThreshold && s.strongest[2] >= 0 && ((s.shapesPresent & TIME_SHAPE) != 0 || asks(t))
                && !s.ownMistake && !urgencyWordReadElsewhere(s, s.strongest[2], s.strongest[3])
                ? with(c, Tier.URGENT, LEARNED_URGENT, t, text, s.strongest[2], s.strongest[3]) : c;
    }

    /**
     * Whether the urgency model's heaviest words hold an urgency word the rules read in another sense ("an urgent
     * care clinic", "le foin est pressé en balles", « Urgences »): the model reads every word, and its sum resting on
     * such a word makes nothing urgent. Urgency only: a complaint model's sum on a hidden word ("got two bags of
     * broken rice" for basmati) still finds complaints the rules miss, and a missed complaint costs more.
     */
    private static boolean urgencyWordReadElsewhere(Scratch s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (s.has(k, URGENT_ELSEWHERE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Dissent reads the whole message, and a model's sum grows with its length: past this many tokens (a long
     * e-mail) the rest of the text, not the words the rules matched, would decide, so the rules stand.
     */
    static final int MAX_DISSENT_TOKENS = 120;

    private static boolean asks(Tokens t) {
        for (int k = 0; k < t.sentences; k++) {
            if (t.questionSentence[k]) {
                return true;
            }
        }
        return false;
    }

    /** The classification raised to {@code tier} by a model, its signal on the words that weighed most. */
    private static Classification with(Classification c, Tier tier, Family learned, Tokens t, String text,
                                       int start, int end) {
        List<Signal> signals = new ArrayList<>(c.signals().size() + 1);
        signals.addAll(c.signals());
        signals = add(signals, learned, t, text, start, end);
        return new Classification(tier, signals);
    }

    /**
     * The classification without its signals of {@code tier}, set aside by a model's dissent: the tier is what
     * the other signals say, and a signal of the dissent's family (tier standard) shows the words set aside.
     */
    private static Classification dissent(Classification c, Tier tier, Family dissent) {
        List<Signal> kept = new ArrayList<>(c.signals().size());
        Tier left = Tier.STANDARD;
        Signal first = null;
        for (Signal sig : c.signals()) {
            if (sig.tier() == tier) {
                first = first == null ? sig : first;
            } else {
                kept.add(sig);
                left = max(left, sig.tier());
            }
        }
        if (first != null) {
            kept.add(new Signal(dissent.name(), Tier.STANDARD, first.matched(), first.start(), first.end()));
        }
        return new Classification(left, kept);
    }

    /** The tokens of a text as {@link #classify} leaves them on this thread (for tests). */
    Tokens tokensAfterClassifying(String text) {
        classify(text);
        return scratch.get().tokens;
    }

    /** The learned model's log-odds for the text classified last on this thread, as classify weighs it (for tests). */
    double modelLogit() {
        Scratch s = scratch.get();
        return complaintModel.logit(s.tokens, s.modelWord, s.modelWeight, new int[2]);
    }

    /** All patterns whose first word matches token i; returns whether a family term matched. */
    private boolean matchAt(Scratch s, Tokens t, int i) {
        int base = t.charStart[i];
        int len = t.length[i];
        int slot = s.memo.find(t.chars, base, len, t.hash[i]);
        int[] terms;
        if (slot >= 0 && s.memo.known(slot)) {
            terms = s.memo.terms(slot, NO_TERMS);
            s.modelWord[i] = s.memo.modelHash(slot);
            s.modelWeight[i] = s.memo.modelWeight(slot);
            s.urgentWeight[i] = s.memo.urgentWeight(slot);
        } else {
            terms = firstWordTerms(s, t, i);
            int h = LearnedModel.wordHash(t.chars, base, len);
            s.modelWord[i] = h;
            s.modelWeight[i] = complaintModel.wordWeight(h);
            s.urgentWeight[i] = urgentModel.wordWeight(h);
            if (slot >= 0) {
                s.memo.keep(slot, terms, h, s.modelWeight[i], s.urgentWeight[i]);
            }
        }
        s.tokenSlot = slot;
        if (terms.length == 0) {
            return false; // most words
        }
        int nextLetter = i + 1 < t.count ? t.chars[t.charStart[i + 1]] - 'a' : -1;
        int nextHash = i + 1 < t.count ? t.hash[i + 1] : 0;
        boolean family = false;
        // when no exact second word of the token's terms can be the next token (most tokens), only the terms
        // without one are read; else all of them: in both cases in the order of the walk
        long seconds = (long) terms[SECONDS_HIGH] << 32 | terms[SECONDS_LOW] & 0xFFFFFFFFL;
        int from = TERMS_HEADER;
        int to = TERMS_HEADER + terms[OPEN_TERMS];
        if ((seconds & 1L << nextHash) != 0) {
            from = to;
            to = terms.length;
        }
        int thirdHash = i + 2 < t.count ? t.hash[i + 2] : 0;
        for (int k = from; k < to; k += TERM_INTS) {
            int term = terms[k];
            int secondHash = terms[k + 1];
            if (secondHash != 0 && secondHash != nextHash) {
                continue; // a term whose exact second word is not the next token: most terms of common words
            }
            if (terms[k + 2] != 0 && terms[k + 2] != thirdHash) {
                continue; // nor its exact third word the token after ("de la": most of its terms fail there)
            }
            int tag = term & LETTER_MASK;
            if (tag != ANY_NEXT && tag != ONE_WORD && tag - 1 != nextLetter) {
                continue; // a term whose second word starts with another letter than the next token
            }
            int p = term >>> LETTER_BITS;
            int end = tag == ONE_WORD ? i + 1 : rest(p, t, i + 1); // a one-word term is matched already
            if (end > 0) {
                s.add(p, i, end);
                Role role = patternRole[p];
                if (role == Role.NO_TYPO) {
                    s.mark[i] |= NO_TYPO; // needed before the typo pass of this token
                }
                family |= role == Role.FAMILY || role == Role.NEAR_A || role == Role.NEAR_B || role == Role.FRAME_SLOT;
            }
        }
        return family;
    }

    private static final int[] NO_TERMS = new int[0];
    /**
     * A token's terms list ({@link #firstWordTerms}) opens on a header: a 64-bit set of its terms' exact second
     * words (bit {@code hash & 63}, in two ints) and how many ints the terms without an exact second word take;
     * those terms follow, then all the terms.
     */
    private static final int SECONDS_LOW = 0;
    private static final int SECONDS_HIGH = 1;
    private static final int OPEN_TERMS = 2;
    private static final int TERMS_HEADER = 3;
    /** Ints a term takes in a token's list: the term and tag, its second word's hash, its third word's. */
    private static final int TERM_INTS = 3;
    private static final int LETTER_BITS = 5;
    private static final int LETTER_MASK = (1 << LETTER_BITS) - 1;
    /** Tags of a term: any next token; a term of one word (nothing more to check); else 1 + the next letter. */
    private static final int ANY_NEXT = 0;
    private static final int ONE_WORD = LETTER_MASK;

    /**
     * The terms whose first word token i is, found down the trie, in the order the walk meets them: each as three
     * ints, {@code pattern << 5 | tag} (tag 0 for any next token, 31 for a term of one word, or 1 + the letter
     * the next token must start with) and the {@link Tokens#hash} its second and third words must have (0: not
     * an exact word, or no such word), so that the terms of common words ("de", "the", "my": ten a token) are
     * mostly passed over on a few ints in a row instead of a visit to the pattern's records (three of four such
     * visits failed on the third word when only the second's hash was kept). After a header (see
     * {@link #TERMS_HEADER}), the terms without an exact second word are listed apart too, so that a token whose
     * next token is no term's second word (14 tokens of 18 on the dev corpus) reads one of its twenty-odd terms
     * instead of all. A function of the token's letters alone, so {@link WordMemo} keeps it per word.
     */
    private int[] firstWordTerms(Scratch s, Tokens t, int i) {
        int base = t.charStart[i];
        int len = t.length[i];
        int[] out = s.termBuffer; // reused: a word the memo does not keep (a long one) is walked at every meeting
        int n = 0;
        int node = 0;
        for (int d = 0; ; d++) {
            int[] here = d == len ? ends[node] : openEnds[node];
            for (int p : here) {
                if (firstMatches(patterns[p].elements()[0], t.chars, base, len, d)) {
                    out = grow(out, n);
                    out[n++] = p << LETTER_BITS | (patterns[p].elements().length == 1 ? ONE_WORD : ANY_NEXT);
                    out[n++] = secondHash[p];
                    out[n++] = thirdHash[p];
                }
            }
            if (endsByNext[node] != null) {
                int[][] byLetter = d == len ? endsByNext[node] : openEndsByNext[node];
                for (int c = 0; c < 26; c++) {
                    for (int p : byLetter[c]) {
                        if (firstMatches(patterns[p].elements()[0], t.chars, base, len, d)) {
                            out = grow(out, n);
                            out[n++] = p << LETTER_BITS | (c + 1);
                            out[n++] = secondHash[p];
                            out[n++] = thirdHash[p];
                        }
                    }
                }
            }
            int sym = d == len ? -1 : symbol(t.chars[base + d]);
            int next = sym < 0 ? -1 : children[node * ALPHABET + sym];
            if (next < 0) {
                s.termBuffer = out;
                return n == 0 ? NO_TERMS : withHeader(out, n); // most words: no term, one shared array
            }
            node = next;
        }
    }

    /** The terms {@code terms[0, n)} as {@link #firstWordTerms} returns them: header, open terms, all terms. */
    private static int[] withHeader(int[] terms, int n) {
        long seconds = 0;
        int open = 0;
        for (int k = 0; k < n; k += TERM_INTS) {
            if (terms[k + 1] == 0) {
                open += TERM_INTS;
            } else {
                seconds |= 1L << terms[k + 1];
            }
        }
        int[] out = new int[TERMS_HEADER + open + n];
        out[SECONDS_LOW] = (int) seconds;
        out[SECONDS_HIGH] = (int) (seconds >>> 32);
        out[OPEN_TERMS] = open;
        for (int k = 0, o = TERMS_HEADER; k < n; k += TERM_INTS) {
            if (terms[k + 1] == 0) {
                System.arraycopy(terms, k, out, o, TERM_INTS);
                o += TERM_INTS;
            }
        }
        System.arraycopy(terms, 0, out, TERMS_HEADER + open, n);
        return out;
    }

    private static int[] grow(int[] a, int n) {
        return n + TERM_INTS <= a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    /** The first element ends at depth d of a token of length len: does the token match it? */
    private static boolean firstMatches(Element e, char[] chars, int base, int len, int d) {
        return switch (e.kind()) {
            case EXACT -> d == len;
            case PREFIX -> true;
            case STEM -> suffixMatches(e.suffixes(), chars, base + d, len - d);
            default -> false;
        };
    }

    private static boolean suffixMatches(String[] suffixes, char[] chars, int from, int len) {
        for (String suffix : suffixes) {
            if (suffix.length() == len && Tokens.regionEquals(chars, from, suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Checks elements 2..n of pattern p on the tokens from {@code next}; returns the end token (exclusive), or -1. */
    private int rest(int p, Tokens t, int next) {
        int first = wordAt[p];
        int words = wordRecords[first + TERM_WORDS];
        int clause = t.clause[next - 1];
        for (int k = 1; k < words; k++) {
            int tok = next + k - 1;
            if (tok >= t.count || t.clause[tok] != clause) {
                return -1;
            }
            int r = first + k * WORD_RECORD;
            int len = wordRecords[r + WORD_LENGTH];
            if (len >= 0) {
                // an exact word, from primitive arrays: by hash first (most terms fail on their second word),
                // then letter by letter
                if (t.hash[tok] != wordRecords[r + WORD_HASH] || t.length[tok] != len
                        || !Tokens.sameChars(t.chars, t.charStart[tok], wordLetters, wordRecords[r + WORD_START], len)) {
                    return -1;
                }
            } else if (!elementMatches(patterns[p].elements()[k], t, tok)) {
                return -1;
            }
        }
        return next + words - 1;
    }

    private static boolean elementMatches(Element e, Tokens t, int tok) {
        int base = t.charStart[tok];
        int len = t.length[tok];
        String text = e.text();
        return switch (e.kind()) {
            case ANY -> true;
            case EXACT -> len == text.length() && Tokens.regionEquals(t.chars, base, text);
            case PREFIX -> len >= text.length() && Tokens.regionEquals(t.chars, base, text);
            case STEM -> len >= text.length() && Tokens.regionEquals(t.chars, base, text)
                    && suffixMatches(e.suffixes(), t.chars, base + text.length(), len - text.length());
            case CLOCK -> isClock(t, tok);
            default -> false;
        };
    }

    /** One typo in a word of 6+ letters: the term it misspells, if any (kept per word in the memo). */
    private void typo(Scratch s, Tokens t, int i) {
        int slot = s.tokenSlot; // matchAt just kept this token's word there
        int p;
        if (slot >= 0 && s.memo.typo(slot) != WordMemo.UNKNOWN) {
            p = s.memo.typo(slot);
        } else {
            p = typoTerm(t, i);
            if (slot >= 0) {
                s.memo.typo(slot, p);
            }
        }
        if (p >= 0) {
            s.add(p, i, i + 1);
        }
    }

    /** A substitution, insertion, deletion or swap after the first two letters: the term, or -1. */
    private int typoTerm(Tokens t, int i) {
        int base = t.charStart[i];
        int len = t.length[i];
        int[] candidates = typoCandidates(t.chars[base], t.chars[base + 1]);
        // the second and third letters swapped ("borken"): the term's first two letters are the first and third here
        int[] swapped = t.chars[base + 1] == t.chars[base + 2] ? null
                : typoCandidates(t.chars[base], t.chars[base + 2]);
        int p = candidates == null ? -1 : typoAmong(t, i, candidates);
        if (p < 0 && swapped != null) {
            p = typoAmong(t, i, swapped);
        }
        // checked last, as near-misses are rare: a real word of the language is what it says ("pourrai" is not "pourri")
        return p >= 0 && !RealWords.contains(t.chars, base, len) ? p : -1;
    }

    private int[] typoCandidates(char a, char b) {
        int x = symbol(a);
        int y = symbol(b);
        return x >= 0 && y >= 0 ? typoTable[x * ALPHABET + y] : typoBuckets.get(bucket(a, b));
    }

    /** The first candidate term token i is one edit away from, or -1. */
    private int typoAmong(Tokens t, int i, int[] candidates) {
        int base = t.charStart[i];
        int len = t.length[i];
        for (int p : candidates) {
            Element e = patterns[p].elements()[0];
            String stem = e.text();
            if (len > stem.length() && Tokens.regionEquals(t.chars, base, stem)) {
                continue; // the word extends the term ("complainte", "urgentiste"): an inflection question, not a typo
            }
            if (e.kind() == Element.Kind.EXACT) {
                if (Math.abs(len - stem.length()) <= 1 && withinOneEdit(t.chars, base, len, stem)) {
                    return p;
                }
            } else {
                for (int cut = stem.length() - 1; cut <= stem.length() + 1 && cut <= len; cut++) {
                    if (withinOneEdit(t.chars, base, cut, stem)
                            && suffixMatches(e.suffixes(), t.chars, base + cut, len - cut)) {
                        return p;
                    }
                }
            }
        }
        return -1;
    }

    /** Damerau-Levenshtein distance <= 1 between chars[base, base+len) and s, without allocating. */
    static boolean withinOneEdit(char[] chars, int base, int len, String s) {
        int m = s.length();
        if (Math.abs(len - m) > 1) {
            return false;
        }
        int i = 0;
        while (i < len && i < m && chars[base + i] == s.charAt(i)) {
            i++;
        }
        if (i == len && i == m) {
            return true;
        }
        if (len == m) {
            // one substitution, or one swap of neighbours
            if (regionEqualsTail(chars, base + i + 1, len - i - 1, s, i + 1)) {
                return true;
            }
            return i + 1 < len && chars[base + i] == s.charAt(i + 1) && chars[base + i + 1] == s.charAt(i)
                    && regionEqualsTail(chars, base + i + 2, len - i - 2, s, i + 2);
        }
        if (len == m + 1) {
            return regionEqualsTail(chars, base + i + 1, len - i - 1, s, i); // one extra letter in the text
        }
        return regionEqualsTail(chars, base + i, len - i, s, i + 1); // one letter missing in the text
    }

    private static boolean regionEqualsTail(char[] chars, int from, int len, String s, int sFrom) {
        if (len != s.length() - sFrom) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (chars[from + k] != s.charAt(sFrom + k)) {
                return false;
            }
        }
        return true;
    }

    /** Runs of 3+ single letters ("u r g e n t", "A S A P") are read once more as one word. */
    private void spacedLetters(Scratch s, Tokens t, String text) {
        int i = 0;
        while (i < t.count) {
            if (t.length[i] != 1) {
                i++; // most tokens: a word, so no run starts here, and the gap after it is not read for a hyphen
                continue;
            }
            int j = i;
            // letters spaced by blanks or dots ("u r g e n t", "U.R.G.E.N.T", "u-r-g-e-n-t") may cross clause marks;
            // in letters spaced by blanks a hyphen ends the word: "c a s s e - n o i x" is a compound
            boolean byHyphens = i + 1 < t.count && hyphenBetween(text, t.origEnd[i], t.origStart[i + 1]);
            while (j < t.count && t.length[j] == 1 && Character.isLetter(t.chars[t.charStart[j]])
                    && j - i < s.merged.length && (j == i || byHyphens || !hyphenBetween(text, t.origEnd[j - 1], t.origStart[j]))) {
                j++;
            }
            boolean spelledCompoundHead = !byHyphens && j > i && j < t.count && t.length[j] == 1
                    && hyphenBetween(text, t.origEnd[j - 1], t.origStart[j]);
            if (spelledCompoundHead) {
                i = j;
            } else if (j - i >= 3) {
                for (int k = i; k < j; k++) {
                    s.merged[k - i] = t.chars[t.charStart[k]];
                }
                matchMerged(s, s.merged, j - i, i, j);
                i = j;
            } else {
                i++;
            }
        }
    }

    /**
     * The terms a run of single letters spells: all of it, or its first letters when the run goes on past the word
     * ("U R G E N T: I used the wrong card" runs on into "I"; each letter is one token).
     */
    private void matchMerged(Scratch s, char[] chars, int len, int from, int to) {
        int node = 0;
        for (int d = 0; ; d++) {
            for (int p : ends[node]) {
                Role role = patternRole[p];
                boolean family = role == Role.FAMILY;
                // a near family's word or a frame's slot, spelled: "il ne m a r c h e plus" is "ne ... marche"
                if (!family && role != Role.NEAR_A && role != Role.NEAR_B && role != Role.FRAME_SLOT) {
                    continue;
                }
                if (patterns[p].elements().length > 1) {
                    if (family) {
                        addSpelled(s, p, chars, d, len, from, to); // "a u  p l u s  v i t e"
                    }
                    continue;
                }
                Element first = patterns[p].elements()[0];
                if (firstMatches(first, chars, 0, len, d)) {
                    s.add(p, from, to);
                } else if (d >= 3 && d < len && firstMatches(first, chars, 0, d, d)) {
                    s.add(p, from, from + d);
                }
            }
            int next = d < len ? chars[d] - 'a' : -1;
            if (endsByNext[node] != null && next >= 0 && next < 26) {
                for (int p : endsByNext[node][next]) { // the terms whose second word starts with the next letter
                    if (patternRole[p] == Role.FAMILY) {
                        addSpelled(s, p, chars, d, len, from, to);
                    }
                }
            }
            if (d == len) {
                return;
            }
            int sym = symbol(chars[d]);
            if (sym < 0 || children[node * ALPHABET + sym] < 0) {
                return;
            }
            node = children[node * ALPHABET + sym];
        }
    }

    /** Whether text[from, to), the gap between two tokens, holds a hyphen. */
    private static boolean hyphenBetween(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '-') {
                return true;
            }
        }
        return false;
    }

    /**
     * Term p, of several exact words, as a match of the spaced letters (one a token) from token {@code from}, when
     * the letters {@code chars[0, len)}, the first {@code d} of which spell its first word, go on with its other
     * words without blanks.
     */
    private void addSpelled(Scratch s, int p, char[] chars, int d, int len, int from, int to) {
        int end = spelledWords(patterns[p].elements(), chars, d, len);
        if (end > 0) {
            s.add(p, from, Math.min(to, from + end));
        }
    }

    /** How many of the letters {@code chars[0, len)} term {@code words} takes, spelled without blanks, or -1. */
    private static int spelledWords(Element[] words, char[] chars, int d, int len) {
        int at = d;
        for (int k = 1; k < words.length; k++) {
            if (words[k].kind() != Element.Kind.EXACT) {
                return -1;
            }
            String w = words[k].text();
            if (at + w.length() > len || !Tokens.regionEquals(chars, at, w)) {
                return -1;
            }
            at += w.length();
        }
        return words[0].kind() == Element.Kind.EXACT && words[0].text().length() == d ? at : -1;
    }

    /** Negators, hypothetical and consequence markers, clause breaks and times, by the token they start at. */
    private void markRoles(Scratch s, Tokens t, String text) {
        boolean unsets = false; // a "tell me if", "in case you're wondering": the loop that takes conditions back
        boolean conditions = false;
        for (int m = 0; m < s.matches; m++) {
            int start = s.matchStart[m];
            Role role = patternRole[s.matchPattern[m]];
            unsets |= role == Role.INDIRECT_QUESTION || role == Role.NOT_HYPOTHETICAL;
            conditions |= role == Role.HYPOTHETICAL;
            switch (role) {
                case HYPOTHETICAL_OPENER -> {
                    // "Should the parcel arrive damaged, can I get a refund?": an inverted conditional opens its clause
                    if (start == 0 || t.clause[start - 1] != t.clause[start]) {
                        s.mark[start] |= HYPOTHETICAL_SENTENCE_MARK;
                    }
                }
                case QUESTION_OPENER -> {
                    // "was order #6650 dispatched today": a question without its question mark
                    if (start == 0 || t.clause[start - 1] != t.clause[start]) {
                        t.questionSentence[t.sentence[start]] = true;
                    }
                }
                case HYPOTHETICAL_SENTENCE -> {
                    // "le couvre-liseuse est abîmé": the first part of a compound asks nothing about a warranty;
                    // "couvre-t-elle" is the verb asked
                    if (!compoundHead(t, s.matchEnd[m] - 1)) {
                        s.mark[start] |= HYPOTHETICAL_SENTENCE_MARK;
                    }
                }
                // the rest of its sentence is about the other shop, and so is what its clause said before it; not inside
                // an ignore phrase ("par ailleurs" is "besides", "ailleurs" alone another shop)
                case ELSEWHERE -> {
                    if (!insideIgnore(s, start, s.matchEnd[m])) {
                        s.mark[start] |= HYPOTHETICAL_SENTENCE_MARK | ELSEWHERE;
                    }
                }
                case GENERAL -> s.mark[start] |= GENERAL;
                // not inside an ignore phrase either: "j'adore votre nouvelle collection" praises, it asks about nothing
                case PRE_PURCHASE -> s.prePurchase |= !insideIgnore(s, start, s.matchEnd[m]);
                case OWN_MISTAKE -> s.ownMistake = true;
                case NOT_BLAMED -> s.notBlamed = true;
                case CALL_OUT -> s.callOut = true;
                case URGENT_CALL_OUT -> {
                    s.urgentCallOut = true;
                    s.urgentCallOutAt = start;
                }
                case SHOP_WORK -> s.shopWork = true;
                case INDIRECT_QUESTION -> t.questionSentence[t.sentence[start]] = true;
                case CURRENCY -> s.mark[start] |= CURRENCY_MARK;
                case NEGATOR -> {
                    s.mark[start] |= NEGATOR;
                    s.negatorEnd[start] = Math.max(s.negatorEnd[start], s.matchEnd[m]);
                }
                case POST_NEGATOR -> {
                    // read only where the mark is set, so not cleared between messages: the first phrase here sets it
                    s.postNegatorEnd[start] = s.has(start, POST_NEGATOR)
                            ? Math.max(s.postNegatorEnd[start], s.matchEnd[m]) : s.matchEnd[m];
                    s.mark[start] |= POST_NEGATOR;
                }
                case HYPOTHETICAL -> s.mark[start] |= HYPOTHETICAL_MARK;
                case CONSEQUENCE -> s.mark[start] |= CONSEQUENCE;
                case GRATITUDE -> s.mark[start] |= GRATITUDE;
                case RESOLVED -> s.mark[start] |= RESOLVED_MARK;
                case CLAUSE_BREAK -> s.mark[start] |= BREAK_BEFORE;
                case TIME -> s.timeEnd[start] = Math.max(s.timeEnd[start], s.matchEnd[m]);
                case FAMILY -> {
                    for (int k = start; k < s.matchEnd[m]; k++) {
                        s.mark[k] |= IN_FAMILY;
                    }
                }
                case IGNORE -> s.ignoreReach[start] = Math.max(s.ignoreReach[start], s.matchEnd[m]);
                default -> {
                }
            }
        }
        for (int i = 0; i < (t.hyphens > 0 ? t.count : 0); i++) { // most messages join no words by a hyphen
            if (invertedConditional(t, i) && !ASKING_CONDITIONALS.contains(t, i)) {
                // "le vélo tomberait-il en panne pendant les vacances, y a-t-il un réparateur ?": any verb, not only
                // the listed ones; asked, the condition carries past its clause, as "if" does below
                s.mark[i] |= t.questionSentence[t.sentence[i]] ? HYPOTHETICAL_MARK | HYPOTHETICAL_SENTENCE_MARK
                        : HYPOTHETICAL_MARK;
            }
        }
        for (int m = 0; m < (unsets ? s.matches : 0); m++) {
            Role role = patternRole[s.matchPattern[m]];
            if (role == Role.INDIRECT_QUESTION || role == Role.NOT_HYPOTHETICAL) {
                // "tell me if", "savoir si", "in case you're wondering": the "if" in them sets no condition
                for (int k = s.matchStart[m]; k < s.matchEnd[m]; k++) {
                    s.mark[k] &= ~(HYPOTHETICAL_MARK | HYPOTHETICAL_SENTENCE_MARK);
                }
                // nor does a condition phrase that starts before and runs into them ("just in case" + "in case my
                // first message got lost"); terms are short, so such a phrase starts at most MAX_TERM_WORDS before,
                // and the trie matches are in token order: a few of them are read, not the whole message's
                for (int h = firstStartingFrom(s, s.matchStart[m] - MAX_TERM_WORDS);
                     h < s.trieMatches && s.matchStart[h] < s.matchStart[m]; h++) {
                    if (s.matchEnd[h] > s.matchStart[m] && conditionRole(patternRole[s.matchPattern[h]])) {
                        s.mark[s.matchStart[h]] &= ~(HYPOTHETICAL_MARK | HYPOTHETICAL_SENTENCE_MARK);
                    }
                }
            }
        }
        for (int m = 0; m < (conditions ? s.matches : 0); m++) {
            int start = s.matchStart[m];
            if (patternRole[s.matchPattern[m]] == Role.HYPOTHETICAL && s.has(start, HYPOTHETICAL_MARK)
                    && t.questionSentence[t.sentence[start]]) {
                // "If my order arrives broken, do you refund?": a condition asked about carries past its clause
                s.mark[start] |= HYPOTHETICAL_SENTENCE_MARK;
            }
        }
        s.shapesPresent = 0;
        int marks = 0;
        for (int i = 0; i < t.count; i++) {
            boolean digitFirst = t.length[i] > 0 && isDigit(t.chars[t.charStart[i]]);
            if (s.timeEnd[i] == 0 && (digitFirst ? isTimeShape(t, i) && !measure(text, t.origEnd[i]) : isWordDate(t, i))) {
                s.timeEnd[i] = i + 1;
            }
            if (digitFirst && leadingDigits(t, i) == t.length[i]) {
                if (i + 1 < t.count && s.has(i + 1, CURRENCY_MARK) || i > 0 && s.has(i - 1, CURRENCY_MARK)
                        || currencySymbolNear(text, t.origStart[i] - 1, -1) || currencySymbolNear(text, t.origEnd[i], 1)) {
                    s.mark[i] |= AMOUNT;
                }
            }
            if (i > 0) {
                s.ignoreReach[i] = Math.max(s.ignoreReach[i], s.ignoreReach[i - 1]);
            }
            int shape = (s.timeEnd[i] > 0 ? TIME_SHAPE : 0) | (digitFirst && isClock(t, i) ? CLOCK_SHAPE : 0)
                    | (s.has(i, AMOUNT) ? AMOUNT_SHAPE : 0)
                    | (digitFirst && isReference(t, i) && !s.has(i, AMOUNT) ? NUMBER_SHAPE : 0)
                    | (digitFirst && t.length[i] <= 3 && leadingDigits(t, i) == t.length[i] && !s.has(i, AMOUNT)
                    && s.timeEnd[i] == 0 && !isClock(t, i) && !(i > 0 && t.colonAfter[i - 1]) ? COUNT_SHAPE : 0);
            s.shape[i] = shape;
            s.shapesPresent |= shape;
            marks |= s.mark[i];
        }
        s.marksPresent = marks;
        s.distinctAmounts = (s.shapesPresent & AMOUNT_SHAPE) == 0 ? 0 : distinctAmounts(s, t);
    }

    /**
     * Whether an ignore phrase met so far holds [start, end): ignore phrases are marked in token order before the
     * roles that start after them, and a phrase starts at most MAX_TERM_WORDS before.
     */
    private static boolean insideIgnore(Scratch s, int start, int end) {
        for (int k = start; k >= Math.max(0, start - MAX_TERM_WORDS); k--) {
            if (s.ignoreReach[k] >= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditionRole(Role role) {
        return role == Role.HYPOTHETICAL || role == Role.HYPOTHETICAL_OPENER || role == Role.HYPOTHETICAL_SENTENCE;
    }

    /** The shapes a frame slot can take besides words, as bits of {@code slotShapes} and {@code Scratch.shape}. */
    private static final int TIME_SHAPE = 1;
    private static final int CLOCK_SHAPE = 2;
    private static final int AMOUNT_SHAPE = 4;
    private static final int NUMBER_SHAPE = 8;
    /** How many: a number of 1 to 3 digits that is no sum, time, date or clock ("120 couverts", "only 5"). */
    private static final int COUNT_SHAPE = 16;
    private static final int ALL_SHAPES = TIME_SHAPE | CLOCK_SHAPE | AMOUNT_SHAPE | NUMBER_SHAPE | COUNT_SHAPE;

    /** A currency sign next to a number (189€, $149, 2 490 DT is a currency word), blanks between allowed. */
    private static boolean currencySymbolNear(String text, int from, int step) {
        for (int k = from, n = 0; k >= 0 && k < text.length() && n < 3; k += step, n++) {
            char c = text.charAt(k);
            if (Character.getType(c) == Character.CURRENCY_SYMBOL) {
                return true;
            }
            if (!Character.isSpaceChar(c)) {
                return false;
            }
        }
        return false;
    }

    /** 18h, 18h30, 5pm, 9am, 14th, 1er, or a day number right after le/the/du/avant/before/by. */
    private static boolean isTimeShape(Tokens t, int i) {
        return isClock(t, i) || isDate(t, i);
    }

    /** Character.isDigit, with the ASCII answer first (the library's looks the character's type up in a table). */
    private static boolean isDigit(char c) {
        return c <= '9' ? c >= '0' : c >= 0x80 && Character.isDigit(c);
    }

    /** How many digits token i starts with. */
    private static int leadingDigits(Tokens t, int i) {
        int d = 0;
        while (d < t.length[i] && isDigit(t.chars[t.charStart[i] + d])) {
            d++;
        }
        return d;
    }

    private static boolean isClock(Tokens t, int i) {
        int base = t.charStart[i];
        int len = t.length[i];
        int d = leadingDigits(t, i);
        if (d == len && d <= 2 && t.colonAfter[i]) {
            // "6:15", "14:30": the hour, before a colon and two digits (the minutes are the next token)
            int hour = d == 1 ? t.chars[base] - '0' : (t.chars[base] - '0') * 10 + t.chars[base + 1] - '0';
            return hour <= 24;
        }
        if (d == 0 || d > 2 || d == len) {
            return false;
        }
        char a = t.chars[base + d];
        if (a == 'h') {
            for (int k = d + 1; k < len; k++) {
                if (!isDigit(t.chars[base + k])) {
                    return false;
                }
            }
            return true;
        }
        return len == d + 2 && (a == 'a' || a == 'p') && t.chars[base + d + 1] == 'm';
    }

    private static boolean isDate(Tokens t, int i) {
        int base = t.charStart[i];
        int len = t.length[i];
        int d = leadingDigits(t, i);
        int day = d == 1 ? t.chars[base] - '0' : (t.chars[base] - '0') * 10 + t.chars[base + 1] - '0';
        if (d == 0 || d > 2 || day > 31) {
            return false;
        }
        if (d < len) {
            return ordinal(t.chars, base + d, len - d);
        }
        if (i + 1 < t.count && isMonth(t, i + 1)) {
            return true; // "on 2 March", "le 3 mai"
        }
        if (i == 0) {
            return false;
        }
        return BEFORE_A_DAY.contains(t, i - 1) || isMonth(t, i - 1);
    }

    /** Whether a number ending at {@code end} is a measure, not a day or an hour: "at 18°C", "at 40%". */
    private static boolean measure(String text, int end) {
        return end < text.length() && (text.charAt(end) == '°' || text.charAt(end) == '%');
    }

    /** Month names, French and English, for dates written with them ("September 1", "le premier mai"). */
    private static final Words MONTHS = new Words("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
            "aout", "septembre", "octobre", "novembre", "decembre", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    /** The words after which a number is a day: "le 3", "the 14", "avant le 12", "by 5". */
    private static final Words BEFORE_A_DAY = new Words("le", "the", "du", "avant", "before", "by", "at");

    /**
     * A few words a token is compared with, by {@link Tokens#hash} first: comparing it with each word's String
     * reads each String and its letters, three dozen objects for the month names that a number's neighbours are
     * looked up in (measured: the date check of a number took about 2.5% of the classifier's time), for a token
     * that is mostly none of them.
     */
    private static final class Words {
        private final String[] words;
        private final int[] hashes;

        Words(String... words) {
            this.words = words;
            this.hashes = Arrays.stream(words).mapToInt(Tokens::hash).toArray();
        }

        /** Whether token i is one of the words. */
        boolean contains(Tokens t, int i) {
            int h = t.hash[i];
            for (int k = 0; k < hashes.length; k++) {
                if (hashes[k] == h && t.equalsAt(i, words[k])) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean isMonth(Tokens t, int i) {
        if (t.length[i] < 3 || t.length[i] > 9) {
            return false;
        }
        return MONTHS.contains(t, i);
    }

    /** A day written as a word before its month: "le premier septembre", "the first of May". */
    private static boolean isWordDate(Tokens t, int i) {
        int len = t.length[i];
        char first = len > 0 ? t.chars[t.charStart[i]] : 0;
        if (!(len == 7 && first == 'p' && t.equalsAt(i, "premier") || len == 5 && first == 'f' && t.equalsAt(i, "first"))) {
            return false; // most words, at a length and a letter's cost
        }
        int next = i + 1 < t.count && t.equalsAt(i + 1, "of") ? i + 2 : i + 1;
        return next < t.count && isMonth(t, next);
    }

    private static boolean ordinal(char[] c, int from, int len) {
        if (len == 2) {
            char a = c[from];
            char b = c[from + 1];
            return a == 't' && b == 'h' || a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd'
                    || a == 'e' && b == 'r';
        }
        return len == 3 && c[from] == 'e' && c[from + 1] == 'm' && c[from + 2] == 'e';
    }

    /** The family of explicit urgency words ("right away", "ça presse", "urgent"). */
    private static final String URGENCY_FAMILY = "urgency";

    /** An explanation, not an inventory: a huge message reports its first signals only. */
    static final int MAX_SIGNALS = 32;

    /** How far back a negator or hypothetical is looked for, and how far a sentence is read for its case. */
    private static final int SCOPE_WORDS = 40;
    private static final int COUNTS = 0;
    private static final int OUT_OF_SCOPE = 1;
    private static final int NEGATED = 2;
    private static final int HYPOTHETICAL = 3;

    private Classification decide(Scratch s, Tokens t, String text) {
        boolean calm = false; // the customer says there is no hurry ("pas pressé", "no rush")
        for (int m = 0; m < s.matches; m++) {
            int p = s.matchPattern[m];
            if (patternRole[p] != Role.FAMILY) {
                continue;
            }
            int f = patternFamily[p];
            if (families[f].scareQuoted() && !allQuoted(t, s.matchStart[m], s.matchEnd[m])) {
                continue; // "fixed", "fresh" outside quotes are no word of the family: "pas frais" sets nothing aside
            }
            int verdict = verdict(s, t, s.matchStart[m], s.matchEnd[m]);
            if (verdict == COUNTS) {
                offer(s, t, f, s.matchStart[m], s.matchEnd[m]);
            } else if (verdict == OUT_OF_SCOPE && familyTier[f] == Tier.URGENT) {
                for (int k = s.matchStart[m]; k < s.matchEnd[m]; k++) {
                    s.mark[k] |= URGENT_ELSEWHERE;
                }
            } else if (verdict != OUT_OF_SCOPE && familyTier[f] == Tier.COMPLAINT) {
                s.complaintSetAside = true; // negated or hypothetical (a name or an idiom is no complaint word at all)
            } else if (verdict == NEGATED && familyTier[f] == Tier.URGENT && !families[f].unlessCalm()) {
                calm = true; // an explicit urgency word, negated; the inferred kinds (unless: calm) do not calm
            }
        }
        // near and frame families are tried only when their first list has a word in the message
        Arrays.fill(s.anchored, 0L);
        Arrays.fill(s.slotHead, 0, families.length * 4, -1);
        for (int m = s.trieMatches - 1; m >= 0; m--) {
            int link = patternLink[s.matchPattern[m]];
            if (link == 0) {
                continue; // most matches: a family's term or a role, nothing to chain
            }
            int head = link >>> LINK_SLOT_SHIFT;
            if ((link & ANCHORS) != 0) {
                int f = head >>> 2;
                s.anchored[f >>> 6] |= 1L << f;
            }
            if ((link & CHAINED) != 0 && !ignored(s, m)) {
                // chained backwards, so each (family, slot) chain runs in token order; a near family's a-terms
                // take its slot 0 and its b-terms its slot 1 (a near family has no slots)
                s.slotNext[m] = s.slotHead[head];
                s.slotHead[head] = m;
            }
        }
        long[] triedByShape = triedByShapes[s.shapesPresent];
        for (int w = 0; w < triedByShape.length; w++) {
            // in family order, as the signals are listed; most messages anchor a handful of the families
            for (long bits = s.anchored[w] | triedByShape[w]; bits != 0; bits &= bits - 1) {
                int f = w * 64 + Long.numberOfTrailingZeros(bits);
                s.foundVerdict = -1;
                s.tries = 0;
                if (families[f].near()) {
                    near(s, t, f);
                } else if (families[f].frame()) {
                    frame(s, t, f);
                }
                int verdict = s.foundVerdict;
                if (verdict < 0) {
                    continue;
                }
                if (verdict == COUNTS) {
                    offer(s, t, f, s.foundStart, s.foundEnd);
                } else if (verdict != OUT_OF_SCOPE && familyTier[f] == Tier.COMPLAINT) {
                    s.complaintSetAside = true; // as for terms above: negated or hypothetical
                }
            }
        }
        if (s.urgentCallOut && !s.callOut && !calm) {
            // "send someone right away", "envoyer quelqu'un drette là": asked in haste, the customer's own emergency;
            // asked calmly ("le canapé est arrivé avec un pied pété, vous m'envoyez quelqu'un ?", "can you send
            // someone to finish or adjust the bill?"), a fault reported. Haste is an urgency word, or the request
            // itself asked for now ("can someone come out tonight?"): a day elsewhere or an order question is none
            // (a rare path: family names compared)
            for (int c = 0; c < s.cands && !s.callOut; c++) {
                s.callOut = families[s.candFamily[c]].name().equals(URGENCY_FAMILY)
                        || s.candStart[c] <= s.urgentCallOutAt && s.urgentCallOutAt < s.candEnd[c];
            }
        }
        List<Signal> signals = null;
        Tier tier = Tier.STANDARD;
        for (int c = 0; c < s.cands; c++) {
            Family fam = families[s.candFamily[c]];
            if (fam.unlessPrePurchase() && s.prePurchase || fam.unlessCalm() && calm
                    || fam.unlessOwnMistake() && s.ownMistake
                    || fam.unlessThanked() && (s.marksPresent & GRATITUDE) != 0 && thanked(s, t, s.candStart[c])
                    || fam.unlessResolved() && (s.marksPresent & RESOLVED_MARK) != 0
                    && resolvedAround(s, t, s.candStart[c], s.candEnd[c])
                    || fam.unlessGeneral() && (s.marksPresent & GENERAL) != 0 && inSentence(GENERAL, s, t, s.candStart[c])
                    || fam.unlessCallOut() && s.callOut && !s.shopWork) {
                s.complaintSetAside |= fam.tier() == Tier.COMPLAINT;
                continue;
            }
            if (signals == null || signals.size() < MAX_SIGNALS) {
                signals = add(signals, fam, t, text, s.candStart[c], s.candEnd[c]);
            }
            tier = max(tier, fam.tier());
        }
        return signals == null ? Classification.STANDARD : new Classification(tier, signals);
    }

    /** A signal that counts where it stands becomes a candidate if its family's condition holds there. */
    private void offer(Scratch s, Tokens t, int f, int start, int end) {
        Family fam = families[f];
        if (fam.question() && !t.questionSentence[t.sentence[start]] && !t.questionSentence[t.sentence[end - 1]]) {
            return;
        }
        if (fam.bareQuestion() && moreWordsThan(t, start, end, 1)) {
            return;
        }
        if (fam.scareQuoted() && !allQuoted(t, start, end)) {
            return;
        }
        s.candidate(f, start, end);
    }

    /** Whether every word of [start, end) is inside quotes that are no title ("the 'fresh' sourdough"). */
    private static boolean allQuoted(Tokens t, int start, int end) {
        for (int k = start; k < end; k++) {
            if (t.quote[k] != 2) {
                return false;
            }
        }
        return true;
    }

    /** Whether the sentence of the span [start, end) has more than {@code extra} words besides the span's. */
    private static boolean moreWordsThan(Tokens t, int start, int end, int extra) {
        int sentence = t.sentence[start];
        int others = 0;
        for (int k = start - 1; k >= 0 && t.sentence[k] == sentence; k--) {
            if (++others > extra) {
                return true;
            }
        }
        for (int k = end; k < t.count && t.sentence[k] == sentence; k++) {
            if (++others > extra) {
                return true;
            }
        }
        return false;
    }

    /** A frame in a clause or a sentence without a window of its own spans at most this many words. */
    static final int FRAME_SCOPE_WORDS = 60;
    /** Slot-0 words a frame tries as its anchor: enough for a message, a bound for a megabyte. */
    private static final int MAX_FRAME_ANCHORS = 64;

    /**
     * The first way to fill every slot of frame family f that counts where it stands (else the first way): a
     * word (or shape) of each slot list in one scope, within the window, in order if the family says so, left
     * in {@link #found}'s fields of the scratch. Each slot's candidates are
     * gathered once in token order, and each anchor looks only within its window (a binary search, then a
     * short scan), so a long text costs linear time, not quadratic.
     */
    private void frame(Scratch s, Tokens t, int f) {
        Family fam = families[f];
        if (fam.amounts() > 0 && s.distinctAmounts < fam.amounts()) {
            return;
        }
        for (int k = 0; k < fam.slots(); k++) {
            if (s.slotHead[f * 4 + k] < 0 && (slotShapes[f][k] & s.shapesPresent) == 0) {
                return; // a slot with neither a word nor a shape of the message: no list is gathered for nothing
            }
        }
        for (int k = 0; k < fam.slots(); k++) {
            if (gatherSlot(s, t, f, k) == 0) {
                return; // most messages leave some slot empty: done
            }
        }
        boolean bounded = fam.window() > 0 || fam.scope() != SignalRules.Scope.MESSAGE;
        int window = fam.window() > 0 ? fam.window() : FRAME_SCOPE_WORDS;
        int anchors = Math.min(s.slotCount[0], MAX_FRAME_ANCHORS);
        for (int a = 0; a < anchors; a++) {
            int as = s.slotStart[0][a];
            int lo = as;
            int hi = s.slotEnd[0][a];
            int prevEnd = hi;
            // a frame's counts or clock times differ: 120 ordered, 95 came; booked for 11h, came at 12h40
            int repeated = repeatedShape(slotShapes[f][0]) ? as : -1;
            boolean filled = true;
            int secondStart = -1;
            int secondEnd = -1;
            for (int k = 1; k < fam.slots() && filled; k++) {
                filled = false;
                boolean repeatedSlot = repeatedShape(slotShapes[f][k]);
                int from = fam.ordered() ? prevEnd : bounded ? as - window : 0;
                for (int j = lowerBound(s.slotStart[k], s.slotCount[k], from); j < s.slotCount[k]; j++) {
                    int bs = s.slotStart[k][j];
                    int be = s.slotEnd[k][j];
                    if (bounded && bs > as + window) {
                        break;
                    }
                    if (!sameScope(t, fam.scope(), as, bs)) {
                        if (bs > as) {
                            break; // scopes only move on
                        }
                        continue;
                    }
                    if (bounded && Math.max(hi, be) - Math.min(lo, bs) > window) {
                        continue;
                    }
                    if (repeatedSlot && repeated >= 0 && sameToken(t, repeated, bs)) {
                        continue;
                    }
                    repeated = repeatedSlot ? bs : repeated;
                    lo = Math.min(lo, bs);
                    hi = Math.max(hi, be);
                    prevEnd = be;
                    secondStart = k == 1 ? bs : secondStart;
                    secondEnd = k == 1 ? be : secondEnd;
                    filled = true;
                    break;
                }
            }
            if (filled && fam.differ() && sameWordsAfter(t, s.slotEnd[0][a], secondStart, secondEnd)) {
                // "ordered 3 hinges, got 3 hinges": what came is what was ordered, which the model may not overrule
                s.complaintSetAside |= familyTier[f] == Tier.COMPLAINT;
                continue;
            }
            // a title between a complaint frame's slots is what was ordered or what came; between an event and
            // its date it is the event's name (« Casse-Noisette » de Noël), which the title check keeps out
            if (filled && found(s, t, lo, hi, familyTier[f] == Tier.COMPLAINT)) {
                return;
            }
        }
    }

    /** Verdicts a near or frame family reads before it gives up on a message whose spans do not count. */
    private static final int MAX_TRIES = 64;

    /**
     * A span a near or frame family found: kept if it is the first, or the first that counts (the earlier ones
     * negated, hypothetical or out of scope: "Supposing I'd wanted a king, I'd have ordered one. I ordered a
     * single and got a king."). Returns whether the search is over: the span counts, or enough were read.
     */
    private boolean found(Scratch s, Tokens t, int lo, int hi, boolean frame) {
        int verdict = verdict(s, t, lo, hi, frame);
        if (s.foundVerdict < 0 || verdict == COUNTS) {
            s.foundStart = lo;
            s.foundEnd = hi;
            s.foundVerdict = verdict;
        }
        return verdict == COUNTS || ++s.tries >= MAX_TRIES;
    }

    /**
     * Collects the candidates of slot k of frame family f, in token order: the word matches (chained per
     * family and slot in decide; words inside an ignored phrase fill no slot), merged with the tokens of the
     * shapes the slot takes (@time, @clock, @amount). Returns how many.
     */
    private int gatherSlot(Scratch s, Tokens t, int f, int k) {
        s.slotCount[k] = 0;
        int shapes = slotShapes[f][k] & s.shapesPresent; // most messages have no number, time or sum at all
        int m = s.slotHead[f * 4 + k];
        int tok = 0;
        while (true) {
            while (shapes != 0 && tok < t.count && !fitsShape(s, shapes, tok)) {
                tok++;
            }
            boolean haveMatch = m >= 0;
            boolean haveShape = shapes != 0 && tok < t.count;
            if (!haveMatch && !haveShape) {
                return s.slotCount[k];
            }
            if (haveMatch && (!haveShape || s.matchStart[m] <= tok)) {
                s.addSlot(k, s.matchStart[m], s.matchEnd[m]);
                m = s.slotNext[m];
            } else {
                s.addSlot(k, tok, Math.max(tok + 1, s.timeEnd[tok]));
                tok++;
            }
        }
    }

    /** Slots of these shapes, twice in a frame, must hold different values (a count against a count, two times). */
    private static boolean repeatedShape(int shapes) {
        return shapes == COUNT_SHAPE || shapes == CLOCK_SHAPE;
    }

    /** A shape fills a slot unless an ignore phrase hides it, as a word is hidden ("leave on a Sunday": any Sunday). */
    private static boolean fitsShape(Scratch s, int shapes, int tok) {
        return (s.shape[tok] & shapes) != 0 && s.ignoreReach[tok] < Math.max(tok + 1, s.timeEnd[tok]);
    }

    /** An order or ticket number: 4 digits or more, not a sum of money (#64120, 7720, commande 30012). */
    private static boolean isReference(Tokens t, int tok) {
        return t.length[tok] >= 4 && leadingDigits(t, tok) == t.length[tok] && !isYear(t, tok);
    }

    /** A year, not an order: 1900 to 2099 after "de", "from", "since"... ("une photo de 1930", "a print from 1987"). */
    private static boolean isYear(Tokens t, int tok) {
        if (t.length[tok] != 4 || tok == 0 || !BEFORE_A_YEAR.contains(t, tok - 1)) {
            return false;
        }
        int base = t.charStart[tok];
        char c0 = t.chars[base];
        char c1 = t.chars[base + 1];
        return c0 == '1' && c1 == '9' || c0 == '2' && c1 == '0';
    }

    private static final Words BEFORE_A_YEAR = new Words("de", "en", "depuis", "annee", "from", "in", "since", "of",
            "year", "circa", "vers");

    /** The first index in sorted[0, n) holding a value >= key. */
    private static int lowerBound(int[] sorted, int n, int key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Words inside an ignored phrase are not read ("got a confirmation email", "paiement en 2 fois"). */
    private static boolean ignored(Scratch s, int match) {
        return s.ignoreReach[s.matchStart[match]] >= s.matchEnd[match];
    }

    private static boolean sameScope(Tokens t, SignalRules.Scope scope, int a, int b) {
        return switch (scope) {
            case CLAUSE -> t.clause[a] == t.clause[b];
            case SENTENCE -> t.sentence[a] == t.sentence[b];
            case MESSAGE -> true;
        };
    }

    /** How many different sums of money the message names (329 € shown, 379 € taken: two). */
    private static int distinctAmounts(Scratch s, Tokens t) {
        int first = -1;
        for (int i = 0; i < t.count; i++) {
            if (!s.has(i, AMOUNT)) {
                continue;
            }
            if (first < 0) {
                first = i;
            } else if (!sameToken(t, first, i)) {
                return 2;
            }
        }
        return first < 0 ? 0 : 1;
    }

    /**
     * Whether the words after a first span (from {@code a}) and after a second one (from {@code b}, the second
     * starting at {@code secondStart}) are the same: the first word, and the next one too when the first span's
     * does not run into the second span ("ordered 3 hinges, got 3 hinges" but not "3 hinges, got 3 handles").
     */
    private static boolean sameWordsAfter(Tokens t, int a, int secondStart, int b) {
        if (a >= secondStart || b >= t.count || !sameToken(t, a, b)) {
            return false;
        }
        return a + 1 >= secondStart || b + 1 >= t.count || sameToken(t, a + 1, b + 1);
    }

    private static boolean sameToken(Tokens t, int a, int b) {
        return t.length[a] == t.length[b] && Tokens.sameChars(t.chars, t.charStart[a], t.chars, t.charStart[b], t.length[a]);
    }

    /**
     * The first pair of an a-term and a b-term of family f within its window in one clause that counts where it
     * stands (else the first pair), left in {@link #found}'s fields of the scratch.
     */
    private void near(Scratch s, Tokens t, int f) {
        Family fam = families[f];
        // the family's b-terms not ignored, in token order: the a-terms move on, so the first b-term in reach does
        int reach = s.slotHead[f * 4 + 1];
        for (int a = s.slotHead[f * 4]; a >= 0; a = s.slotNext[a]) { // the family's a-terms, in token order
            int as = s.matchStart[a];
            int ae = s.matchEnd[a];
            int from = Math.max(0, fam.ordered() ? ae : as - fam.window() - 1);
            int to = Math.min(t.count - 1, ae + fam.window());
            while (reach >= 0 && s.matchStart[reach] < as - fam.window() - MAX_TERM_WORDS) {
                reach = s.slotNext[reach];
            }
            for (int b = reach; b >= 0 && s.matchStart[b] <= ae + fam.window(); b = s.slotNext[b]) {
                int[] span = pair(s, t, fam, as, ae, s.matchStart[b], s.matchEnd[b]);
                if (span != null && found(s, t, span[0], span[1], false)) {
                    return;
                }
            }
            // time and clock terms of the b side are not trie matches: look for them by shape
            if (timeSide[f] != 0) {
                for (int k = from; k <= to; k++) {
                    if (s.timeEnd[k] > 0 && (timeSide[f] == 1 || isClock(t, k)) && s.ignoreReach[k] < s.timeEnd[k]) {
                        int[] span = pair(s, t, fam, as, ae, k, s.timeEnd[k]);
                        if (span != null && found(s, t, span[0], span[1], false)) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /** Terms are short; a b-term that ends within the window before a starts at most this much earlier. */
    private static final int MAX_TERM_WORDS = 8;

    /** The first trie match starting at or after token {@code from} (the trie matches are in token order). */
    private static int firstStartingFrom(Scratch s, int from) {
        int lo = 0;
        int hi = s.trieMatches;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.matchStart[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int[] pair(Scratch s, Tokens t, Family fam, int as, int ae, int bs, int be) {
        if (t.clause[as] != t.clause[bs] || bs < ae && as < be) {
            return null; // other clause, or overlapping
        }
        boolean aFirst = ae <= bs;
        if (fam.ordered() && !aFirst) {
            return null;
        }
        int gap = aFirst ? bs - ae : as - be;
        if (gap > fam.window()) {
            return null;
        }
        for (int k = Math.min(ae, be); k < Math.max(as, bs); k++) {
            if (s.has(k, BREAK_BEFORE) && k > Math.min(as, bs)) {
                return null;
            }
        }
        return new int[] {Math.min(as, bs), Math.max(ae, be)};
    }

    /** Whether the clause of token {@code start} thanks before it: "merci pour votre réponse rapide". */
    private static boolean thanked(Scratch s, Tokens t, int start) {
        return markedBefore(GRATITUDE, s, t, start);
    }

    /**
     * Whether a phrase marked {@code bit} starts at token {@code start} or before it in its clause, not beyond a
     * clause break ("but", "mais") nor more than SCOPE_WORDS back.
     */
    private static boolean markedBefore(int bit, Scratch s, Tokens t, int start) {
        int reach = Math.max(0, start - SCOPE_WORDS);
        for (int k = start; k >= reach && t.clause[k] == t.clause[start] && (k == start || !s.has(k + 1, BREAK_BEFORE)); k--) {
            if (s.has(k, bit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a phrase of {@code bit} starts in the sentence of token {@code start}, on the signal's side of a
     * clause opening on "mais"/"but" ("tout est parfait d'habitude, mais j'aurais besoin de mes cordes avant
     * vendredi" asks for this order, not in general).
     */
    private static boolean inSentence(int bit, Scratch s, Tokens t, int start) {
        int sentence = t.sentence[start];
        for (int k = start; k >= 0 && t.sentence[k] == sentence; k--) {
            if (s.has(k, bit)) {
                return true;
            }
            if (opensOnBreak(s, t, k)) {
                break;
            }
        }
        for (int k = start + 1; k < t.count && t.sentence[k] == sentence && !opensOnBreak(s, t, k); k++) {
            if (s.has(k, bit)) {
                return true;
            }
        }
        return false;
    }

    /** Whether token k opens its clause with a clause break ("..., mais", "..., but"). */
    private static boolean opensOnBreak(Scratch s, Tokens t, int k) {
        return s.has(k, BREAK_BEFORE) && k > 0 && t.clause[k - 1] != t.clause[k];
    }

    /**
     * Whether the clause of a signal says the problem is over, before or after it ("thanks for sorting out the
     * broken one", "the double charge from last week was reversed"), or after it across one "but" ("arrived
     * crushed but you sent a new one"). A clause, not the message: "the first lamp works perfectly now, but the
     * second arrived broken" still has its complaint.
     */
    private static boolean resolvedAround(Scratch s, Tokens t, int start, int end) {
        if (markedBefore(RESOLVED_MARK, s, t, start)) {
            return true;
        }
        // inside the span, up to a "but": a frame's engineer who came and a fridge "making ice again" read as the
        // fault back, with "the fridge that wasn't cooling before is now holding at 4°C" between
        for (int k = start + 1; k < end && !s.has(k, BREAK_BEFORE); k++) {
            if (s.has(k, RESOLVED_MARK)) {
                return true;
            }
        }
        // forward through its sentence, and across one "but": "arrivée avec le coin écrasé mais votre collègue m'en a
        // renvoyé une neuve", "the first kettle leaked, the replacement works perfectly" are settled; a problem after
        // the "but" is read on its own
        int sentence = t.sentence[start];
        boolean crossed = false;
        for (int k = end; k < Math.min(t.count, end + SCOPE_WORDS) && t.sentence[k] == sentence; k++) {
            if (s.has(k, BREAK_BEFORE)) {
                if (crossed) {
                    break;
                }
                crossed = true;
            }
            if (s.has(k, RESOLVED_MARK)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a signal counts: not ignored or out of scope (a name, a title, a compound), negated or hypothetical. */
    private int verdict(Scratch s, Tokens t, int start, int end) {
        return verdict(s, t, start, end, false);
    }

    /**
     * {@code slots}: the span of a complaint frame, whose words between its first slot and its last are no signal
     * words: a title there is what was ordered or what came ("ordered 'The Hobbit' and got 'The Silmarillion'"), so
     * only the span's ends are read for a title.
     */
    private int verdict(Scratch s, Tokens t, int start, int end, boolean slots) {
        if (s.ignoreReach[start] >= end || outOfScope(t, start, end, slots)) {
            return OUT_OF_SCOPE; // inside an idiom, a product name or a title
        }
        int clause = t.clause[start];
        if (negatedAfter(s, t, start, end, clause)) {
            return NEGATED; // "ça presse pas, mais ..."
        }
        int limit = Math.max(0, start - rules.negationWindow);
        int reach = Math.max(0, start - SCOPE_WORDS);
        int marks = s.marksPresent;
        // each walk below looks for marks; a message without them (most: no condition, no other shop) skips it
        int from = (marks & (NEGATOR | HYPOTHETICAL_MARK)) != 0 ? start - 1 : -1;
        for (int k = from; k >= reach && t.clause[k] == clause && !s.has(k + 1, BREAK_BEFORE); k--) {
            // a negator inside a term of a family or an ignore phrase is part of it ("sans fil" is wireless)
            if (k >= limit && s.has(k, NEGATOR) && s.negatorEnd[k] <= start && !s.has(k, IN_FAMILY)
                    && s.ignoreReach[k] <= k) {
                return NEGATED;
            }
            if (s.has(k, CONSEQUENCE)) {
                break; // "if nothing happens, I will file a complaint": the threat counts
            }
            if (s.has(k, HYPOTHETICAL_MARK)) {
                // a threat that is itself the consequence: "si la ligne coupe encore ce soir je résilie"
                if (s.has(start, CONSEQUENCE)) {
                    break;
                }
                return HYPOTHETICAL;
            }
        }
        if ((marks & HYPOTHETICAL_SENTENCE_MARK) == 0) {
            return (marks & ELSEWHERE) == 0 ? COUNTS : elsewhereAfter(s, t, start, end, clause);
        }
        // from the signal's own first word too when that is no family's: "pour peu que la mer soit agitée dimanche"
        // is a condition, not "pour dimanche"
        if (s.has(start, HYPOTHETICAL_SENTENCE_MARK) && !s.has(start, IN_FAMILY)) {
            return HYPOTHETICAL;
        }
        int b = walkBack(s, t, start - 1, t.sentence[start], reach);
        if (b == MARKED) {
            return HYPOTHETICAL; // "does the warranty cover accidental damage?"
        }
        if (b >= 0 && t.sentence[b] != t.sentence[start] && followUpQuestion(t, start, b + 1)
                && walkBack(s, t, b, t.sentence[b], reach) == MARKED) {
            return HYPOTHETICAL; // "Que couvre la Garantie Casse ? Les taches aussi ?": goes on with the one before
        }
        return (marks & ELSEWHERE) == 0 ? COUNTS : elsewhereAfter(s, t, start, end, clause);
    }

    /**
     * HYPOTHETICAL when another shop is named from within the span on in its clause ("mon imprimante achetée
     * ailleurs ne marche plus"), not by a family's own words ("je vais aller voir ailleurs" is the threat itself);
     * else COUNTS.
     */
    private static int elsewhereAfter(Scratch s, Tokens t, int start, int end, int clause) {
        for (int k = start + 1; k < Math.min(t.count, end + SCOPE_WORDS) && t.clause[k] == clause && !s.has(k, BREAK_BEFORE); k++) {
            if (s.has(k, ELSEWHERE) && !s.has(k, IN_FAMILY)) {
                return HYPOTHETICAL; // "j'ai eu un colis abîmé chez un autre site": not ours
            }
        }
        return COUNTS;
    }

    /**
     * Pronouns that follow a French verb with a hyphen: a subject asked ("couvre-t-elle", "prend-il", Québec's "s'en
     * vient-tu ?") or an object ("remboursez-moi", "dépêchez-vous", "expédiez-le").
     */
    private static final Words HYPHENATED_PRONOUNS = new Words("t", "il", "elle", "ils", "elles", "on", "vous", "nous",
            "je", "tu", "ce", "moi", "toi", "le", "la", "les", "lui", "leur", "en", "y");

    /**
     * Whether token i is the first part of a hyphenated compound (couvre-liseuse, casse-noix), not a verb and its
     * pronoun ("remboursez-moi", "couvre-t-elle": the verb counts).
     */
    private static boolean compoundHead(Tokens t, int i) {
        if (!t.hyphenAfter[i] || i + 1 >= t.count) {
            return false;
        }
        return !HYPHENATED_PRONOUNS.contains(t, i + 1);
    }

    /**
     * "Le colis arriverait-il abîmé, ...": a conditional asked with its subject after it is a condition, and the rules
     * keep what it says aside as they do a compound's first part.
     */
    private static boolean invertedConditional(Tokens t, int i) {
        if (!t.hyphenAfter[i] || i + 1 >= t.count || !CONDITIONAL_SUBJECTS.contains(t, i + 1)) {
            return false;
        }
        int len = t.length[i];
        int end = t.charStart[i] + len;
        return len > 4 && Tokens.regionEquals(t.chars, end - 4, "rait")
                || len > 6 && Tokens.regionEquals(t.chars, end - 6, "raient");
    }

    private static final Words CONDITIONAL_SUBJECTS = new Words("t", "il", "elle", "ils", "elles", "on");
    /**
     * Conditionals that ask politely rather than set a condition ("pourrait-il être livré avant samedi ?", "aurait-il
     * été expédié ?"): the urgency they ask about counts.
     */
    private static final Words ASKING_CONDITIONALS = new Words("pourrait", "pourraient", "voudrait", "voudraient",
            "serait", "seraient", "aurait", "auraient", "devrait", "devraient", "faudrait", "saurait", "sauraient");

    /** What {@link #walkBack} returns when a phrase making its sentence hypothetical stands on the way. */
    private static final int MARKED = -2;

    /**
     * Walks back from token {@code k} through {@code sentence} (not before {@code reach}, not past a consequence
     * marker): {@link #MARKED} when a hypothetical-sentence phrase starts on the way, else the token it stopped at.
     */
    private static int walkBack(Scratch s, Tokens t, int k, int sentence, int reach) {
        for (; k >= reach && t.sentence[k] == sentence && !s.has(k, CONSEQUENCE); k--) {
            if (s.has(k, HYPOTHETICAL_SENTENCE_MARK)) {
                return MARKED;
            }
            if (opensOnBreak(s, t, k)) {
                return k; // a clause opening on "mais", "but": "au cas où il arriverait écrasé, mais il me le faut demain"
            }
        }
        return k;
    }

    /**
     * Whether the sentence of token {@code start}, beginning at token {@code first}, is a question of a few words that
     * goes on with the one before: it opens on "and"/"et"/"what about", adds "too"/"aussi" ("Les taches aussi ?",
     * "And scratches?") or lists three things or more ("Écran, clavier, liquide renversé ?"), where "Mine arrived
     * broken?" says something of its own.
     */
    private static boolean followUpQuestion(Tokens t, int start, int first) {
        int sentence = t.sentence[start];
        if (!t.questionSentence[sentence]) {
            return false;
        }
        int last = start;
        while (last + 1 < t.count && t.sentence[last + 1] == sentence) {
            last++;
        }
        int words = last - first + 1;
        if (words > FOLLOW_UP_MORE_WORDS) {
            return false;
        }
        if (words <= FOLLOW_UP_WORDS && (FOLLOW_UP_OPENERS.contains(t, first) || t.clause[last] - t.clause[first] >= 2)) {
            return true; // or a list of three or more: "Que couvre la formule ? Écran, clavier, liquide renversé ?"
        }
        for (int i = first; i <= last; i++) {
            if (FOLLOW_UP_MORE.contains(t, i)) {
                return true;
            }
        }
        return false;
    }

    private static final int FOLLOW_UP_WORDS = 5;
    /** A follow-up that names its link to the question before ("part of it", "aussi") may be longer. */
    private static final int FOLLOW_UP_MORE_WORDS = 7;
    private static final Words FOLLOW_UP_OPENERS = new Words("and", "et", "or", "ou", "what", "how", "meme", "even");
    /** Words that ask whether something is in what was asked about: "Is a leaking radiator part of it?" */
    private static final Words FOLLOW_UP_MORE = new Words("aussi", "also", "too", "either", "compris", "included",
            "part", "inclus", "incluse", "inclut");

    /**
     * Whether a French negation that follows the verb ("ça presse pas", "ça urge pas vraiment") stands right after
     * the signal ending at {@code end} and closes its clause: "c'est urgent pas le temps d'attendre" goes on, so
     * its "pas" negates what follows, not the signal. When the signal holds the "ne" itself the "pas" completes it
     * ("ne marche pas du tout" is the fault); before the signal the "ne" is part of the negation ("ça ne presse pas").
     */
    private static boolean negatedAfter(Scratch s, Tokens t, int start, int end, int clause) {
        if (end >= t.count || t.clause[end] != clause || !s.has(end, POST_NEGATOR)) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (t.equalsAt(k, "ne") || t.equalsAt(k, "n")) {
                return false;
            }
        }
        int after = s.postNegatorEnd[end];
        return after >= t.count || t.clause[after] != clause || s.has(after, BREAK_BEFORE);
    }

    /**
     * Words that are not used as words here: the first part of a hyphenated compound (presse-agrumes,
     * brise-vue), a title in quotes opening on a capital (« Urgences »), or a name written in Title Case
     * inside a sentence (the Crash Pad, Rush Hour) where the sentence itself is not written that way.
     */
    private static boolean outOfScope(Tokens t, int start, int end, boolean slots) {
        if (compoundHead(t, end - 1) || invertedConditional(t, end - 1)) {
            return true;
        }
        if (slots) {
            if (t.quote[start] == 1 || t.quote[end - 1] == 1) {
                return true;
            }
        } else {
            for (int k = start; k < end; k++) {
                if (t.quote[k] == 1) {
                    return true;
                }
            }
        }
        if (!t.titleCase[start] || start == 0 || t.clause[start - 1] != t.clause[start]) {
            return false;
        }
        // a name: a Title Case word after it (Rush Hour), or before it unless that one opens the sentence
        // (Priority Rush; not "Dear Sir Urgent ...")
        boolean nameAfter = end < t.count && t.titleCase[end] && t.clause[end] == t.clause[start];
        boolean nameBefore = start >= 2 && t.titleCase[start - 1] && t.sentence[start - 2] == t.sentence[start];
        if (!nameAfter && !nameBefore) {
            return false;
        }
        int titled = 0;
        int words = 0;
        for (int k = Math.max(0, start - SCOPE_WORDS); k < Math.min(t.count, end + SCOPE_WORDS); k++) {
            // the sentence's first word is capitalized as such: "Any tickets left for Broken Social Scene?"
            if (t.sentence[k] == t.sentence[start] && k > 0 && t.sentence[k - 1] == t.sentence[k]) {
                words++;
                titled += t.titleCase[k] ? 1 : 0;
            }
        }
        return titled * 2 <= words;
    }

    private static List<Signal> add(List<Signal> signals, Family f, Tokens t, String text, int start, int end) {
        List<Signal> out = signals == null ? new ArrayList<>(4) : signals;
        int from = t.origStart[start];
        int to = t.origEnd[end - 1];
        for (Signal existing : out) {
            if (existing.family().equals(f.name()) && existing.start() == from && existing.end() == to) {
                return out;
            }
        }
        out.add(new Signal(f.name(), f.tier(), matchedWords(t, start, end), from, to));
        return out;
    }

    /** The folded words of tokens [start, end), one blank between: sized once, copied once. */
    private static String matchedWords(Tokens t, int start, int end) {
        if (end - start == 1) {
            return new String(t.chars, t.charStart[start], t.length[start]);
        }
        int n = end - start - 1;
        for (int k = start; k < end; k++) {
            n += t.length[k];
        }
        char[] words = new char[n];
        int at = 0;
        for (int k = start; k < end; k++) {
            if (k > start) {
                words[at++] = ' ';
            }
            System.arraycopy(t.chars, t.charStart[k], words, at, t.length[k]);
            at += t.length[k];
        }
        return new String(words);
    }

    private static Tier max(Tier a, Tier b) {
        return a.isMoreSevereThan(b) ? a : b;
    }

    /** The rules this classifier was built from. */
    public SignalRules rules() {
        return rules;
    }
}
