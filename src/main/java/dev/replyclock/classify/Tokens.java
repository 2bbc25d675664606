package dev.replyclock.classify;

import java.util.Arrays;

/**
 * A message cut into folded tokens, in reusable arrays (one instance per thread, grown as needed, so that
 * classifying allocates nothing per character). Token {@code i} has its folded characters in
 * {@code chars[charStart[i] .. charStart[i] + length[i])}, its span {@code [origStart[i], origEnd[i])} in
 * the original text, and the clause it belongs to ({@code clause[i]}: punctuation, emoji and line breaks
 * start a new one).
 *
 * <p>While cutting: digits inside a word become the letters they stand for (br0ken, c4ssé, urg3nt),
 * letters repeated three times or more become one (urgeeent), an apostrophe splits a word (l'urgence,
 * j'ai) except before a final "t" (doesn't, can't -> doesnt, cant), and the symbols $ @ € between or
 * before letters stand for s, a, e ($c@m, a$ap, d€çu).
 *
 * <p>Also kept per token, for the scope rules of the classifier: the sentence it is in (. ! ? and line
 * breaks end one; so does a semicolon) and whether that sentence is a question, whether a hyphen joins it to the next word
 * (presse-agrumes), whether it was written in Title Case (a name: the Crash Pad), and whether it stands
 * in quotes that open on a capital (a title: « Urgences ») or on a small letter (scare quotes:
 * 'waterproof').
 */
final class Tokens {

    char[] chars = new char[1024];
    /** The text being cut, copied once into a reused array. */
    private char[] src = new char[1024];
    int[] charStart = new int[128];
    int[] length = new int[128];
    int[] origStart = new int[128];
    int[] origEnd = new int[128];
    int[] clause = new int[128];
    /** Per token: {@link #hash} of its folded characters (the classifier compares words by it first). */
    int[] hash = new int[128];
    int[] sentence = new int[128];
    boolean[] hyphenAfter = new boolean[128];
    /** Per token: followed by a colon and two digits ("6:15", "14:30"): the hour of a clock time. */
    boolean[] colonAfter = new boolean[128];
    boolean[] titleCase = new boolean[128];
    /** 0 = not quoted, 1 = in quotes opening on a capital (a title), 2 = in quotes opening on a small letter. */
    byte[] quote = new byte[128];
    boolean[] questionSentence = new boolean[16];
    int count;
    int sentences;
    /** How many tokens have {@link #hyphenAfter} (most messages none: the loops that look for one are skipped). */
    int hyphens;

    private int used;
    /** The end, in the original text, of the token being read. */
    private int tokenEnd;
    /** Whether the token being read has a digit (the small letters of the fast path never are one). */
    private boolean tokenHasDigit;
    /** While cutting: the current clause and sentence, and whether a mark since the last word starts new ones. */
    private int clauseId;
    private int sentenceId;
    private boolean pendingClause;
    private boolean pendingSentence;

    void cut(String text) {
        count = 0;
        hyphens = 0;
        used = 0;
        sentences = 1;
        questionSentence[0] = false;
        clauseId = 0;
        sentenceId = 0;
        boolean inToken = false;
        pendingClause = false;
        pendingSentence = false;
        int quoteEnd = -1;
        byte quoteKind = 0;
        int n = signatureStart(text);
        if (src.length < n) {
            src = new char[Math.max(n, src.length * 2)];
        }
        text.getChars(0, n, src, 0); // one bulk copy: the loop below reads an array, not charAt's checks per character
        for (int i = 0; i < n; i++) {
            char c = src[i];
            if (c >= 'a' && c <= 'z') {
                // most characters: small letters, which fold to themselves and change no state inside a word
                if (!inToken) {
                    // a word starting on a small letter: no quote, no symbol, no title case to look at
                    beginWord(i, i < quoteEnd ? quoteKind : 0);
                    inToken = true;
                }
                if (used + n - i > chars.length) {
                    chars = Arrays.copyOf(chars, Math.max(used * 2, used + n - i)); // room for the rest of the text
                }
                // copied while scanned: a run is a few letters, shorter than a call to System.arraycopy pays for
                int j = i;
                do {
                    chars[used++] = src[j++];
                } while (j < n && src[j] >= 'a' && src[j] <= 'z');
                tokenEnd = j;
                i = j - 1;
                continue;
            }
            if (c == ' ') {
                // the other common character: a blank ends the word, nothing else (its hyphenAfter stays false)
                if (inToken) {
                    finish();
                    inToken = false;
                }
                continue;
            }
            if (c == '>' && quotedLine(text, i)) {
                // an earlier message quoted in a reply ("> On 3 May you wrote: ... arrived broken"): what the
                // customer says now is the message; the quote was classified when it came
                if (inToken) {
                    finish();
                    inToken = false;
                }
                int eol = text.indexOf('\n', i);
                i = (eol < 0 ? n : eol) - 1;
                pendingSentence = true;
                pendingClause = true;
                continue;
            }
            char f;
            char f2 = 0;
            int unitEnd = i + 1;
            if ((c < 'a' || c >= 0xAB) && i > quoteEnd && isQuote(c)) { // quotes are all below 'a' or from « up
                quoteEnd = quoteSpanEnd(text, i);
                quoteKind = quoteEnd < 0 ? 0 : titleQuote(text, i, quoteEnd, !inToken) ? (byte) 1 : (byte) 2;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(src[i + 1])) {
                int cp = Character.toCodePoint(c, src[i + 1]);
                if (Character.getType(cp) == Character.FORMAT) {
                    i++; // invisible format characters outside the BMP (tags, musical format marks): deleted
                    continue;
                }
                String s = TextFolder.foldSupplementary(cp);
                unitEnd = i + 2;
                String word = s == null ? TextFolder.emojiWord(cp) : null;
                if (word != null) {
                    // an emoji that means something: a word of its own, in a clause of its own
                    if (inToken) {
                        finish();
                        inToken = false;
                    }
                    if (count > 0) {
                        clauseId++;
                    }
                    start(i, clauseId, sentenceId, (byte) 0);
                    for (int k = 0; k < word.length(); k++) {
                        append(word.charAt(k), unitEnd);
                    }
                    finish();
                    pendingClause = true;
                    i++;
                    continue;
                }
                if (s == null) {
                    f = TextFolder.CLAUSE;
                } else {
                    f = s.charAt(0);
                    f2 = s.length() > 1 ? s.charAt(1) : 0;
                }
                i++;
            } else {
                f = TextFolder.first(c);
                f2 = TextFolder.second(c);
                if (f <= TextFolder.SENTENCE && f != TextFolder.DELETE) {
                    char letter = symbolLetter(c);
                    if (letter != 0 && i + 1 < n && Character.isLetter(src[i + 1])
                            && (!inToken || Character.isLetter(src[i - 1]))) {
                        f = letter; // $c@m, a$ap, d€çu: a symbol for a letter
                    } else if (c == '$' && inToken && Character.isLetter(src[i - 1])
                            && (i + 1 == n || !Character.isLetterOrDigit(src[i + 1]))) {
                        f = letter; // "dè$ que possible": an s that ends a word (not "5$", a price)
                    }
                }
            }
            if (f == TextFolder.DELETE) {
                continue;
            }
            if ((f == TextFolder.SENTENCE || f == TextFolder.CLAUSE) && (c == '.' || c == ',') && i > 0 && i + 1 < n && Character.isDigit(src[i - 1])
                    && Character.isDigit(src[i + 1])) {
                f = TextFolder.SPACE; // 89.99, 84,98: a number, not the end of a clause
            }
            boolean clockColon = c == ':' && inToken && i + 2 < n && Character.isDigit(src[i - 1]) && Character.isDigit(src[i + 1])
                    && Character.isDigit(src[i + 2]) && (i + 3 == n || !Character.isLetterOrDigit(src[i + 3])
                    || src[i + 3] == 'a' || src[i + 3] == 'p');
            if (clockColon) {
                f = TextFolder.SPACE; // 6:15, 14:30: a clock time, not the end of a clause
            }
            if ((c == '!' || c == '.' || c == '\u2026') && closesAside(i, n)) {
                f = TextFolder.CLAUSE; // "(my own fault!)", "(oui je sais...)": an aside inside the sentence, not its end
            }
            if (c == '-' && i > 0 && src[i - 1] == ' ' && i + 1 < n && src[i + 1] == ' ') {
                f = TextFolder.CLAUSE; // a hyphen between blanks is a dash: "no worries - but please send it today"
            }
            if (f == TextFolder.SPACE || f == TextFolder.CLAUSE || f == TextFolder.SENTENCE) {
                if (inToken) {
                    hyphenAfter[count] = c == '-' && i + 1 < n && Character.isLetter(src[i + 1]);
                    colonAfter[count] = clockColon;
                    hyphens += hyphenAfter[count] ? 1 : 0;
                    finish();
                    inToken = false;
                }
                pendingClause |= f != TextFolder.SPACE;
                if (f == TextFolder.SENTENCE) {
                    pendingSentence = true;
                    if (c == '?' || c == '\uFF1F') {
                        questionSentence[sentenceId] = true;
                    }
                }
                continue;
            }
            if (f == TextFolder.APOSTROPHE) {
                if (inToken) {
                    // doesn't, can't, won't: keep the negation in one token
                    if (i + 1 < n && TextFolder.first(src[i + 1]) == 't'
                            && (i + 2 >= n || !Character.isLetterOrDigit(src[i + 2]))) {
                        continue;
                    }
                    finish();
                    inToken = false;
                }
                continue;
            }
            if (!inToken) {
                beginWord(i, i < quoteEnd ? quoteKind : 0);
                titleCase[count] = Character.isUpperCase(c) && (i + 1 >= n || !Character.isUpperCase(src[i + 1]));
                inToken = true;
            }
            append(f, unitEnd);
            if (f2 != 0) {
                append(f2, unitEnd);
            }
        }
        if (inToken) {
            finish();
        }
    }

    /** Sign-off lines, lower case without accents or end punctuation: what follows them is a signature. */
    private static final String[] SIGN_OFFS = {"cordialement", "bien cordialement", "tres cordialement",
        "salutations", "sinceres salutations", "meilleures salutations", "bien a vous", "a bientot", "merci",
        "merci d avance", "merci beaucoup", "merci bien", "bonne journee", "belle journee", "bonne soiree",
        "amities", "bisous", "regards", "best regards", "kind regards", "warm regards", "many thanks", "best",
        "all the best", "cheers", "thanks", "thank you", "thanks again", "thanks in advance", "sincerely",
        "yours sincerely", "yours faithfully", "respectfully", "take care"};
    /** A signature is short: at most this many lines, each at most {@link #SIGNATURE_LINE} characters. */
    private static final int SIGNATURE_LINES = 4;
    private static final int SIGNATURE_LINE = 60;
    /** The longest line read as a sign-off. */
    private static final int SIGN_OFF_LINE = 30;
    /** A sign-off line folded for comparison, reused: the cut allocates nothing per message. */
    private final char[] signOffKey = new char[SIGN_OFF_LINE];

    /**
     * Where the signature of an e-mail starts (the sign-off line: "Bien cordialement,"), or the text's length when
     * there is none. Its lines are not the message ("Responsable du service Réclamations" is a job title); a
     * P.S., a question or a long line after the sign-off is still the customer's.
     */
    int signatureStart(String text) {
        if (text.indexOf('\n') < 0) {
            return text.length(); // one line, most messages: found by a vectorized scan, not a walk back
        }
        int end = text.length();
        int lines = 0;
        int belowFrom = -1; // the line right below the one read: under a sign-off, a name ("Sophie Dubreuil")
        int belowTo = -1;
        while (end > 0 && lines <= SIGNATURE_LINES) {
            int lineStart = text.lastIndexOf('\n', end - 1) + 1;
            if (lineStart == 0) {
                return text.length(); // the first line is never the sign-off
            }
            int from = lineStart;
            int to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                if (lines > 0 && isSignOff(text, from, to)) {
                    return looksLikeAName(text, belowFrom, belowTo) && twoBodyLines(text, lineStart) ? lineStart : text.length();
                }
                if (to - from > SIGNATURE_LINE || text.indexOf('?', from) >= 0 && text.indexOf('?', from) < to
                        || text.regionMatches(true, from, "p.s", 0, 3)
                        || text.regionMatches(true, from, "ps", 0, 2) && (to - from == 2 || !Character.isLetter(text.charAt(from + 2)))) {
                    return text.length();
                }
                lines++;
                belowFrom = from;
                belowTo = to;
            }
            end = lineStart - 1;
        }
        return text.length();
    }

    /**
     * Whether the text before {@code end} has two non-blank lines at least: a sign-off closes an e-mail of a
     * greeting and a body at least. Stops at the second (the rest of a long e-mail is not read for it).
     */
    private static boolean twoBodyLines(String text, int end) {
        int lines = 0;
        boolean blank = true;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (!blank && ++lines == 2) {
                    return true;
                }
                blank = true;
            } else if (blank && !Character.isWhitespace(c)) {
                blank = false;
            }
        }
        return lines + (blank ? 0 : 1) >= 2;
    }

    /** A name or a title: a few words, the first on a capital ("Dan", "Clara Vasseur"), not a sentence. */
    private static boolean looksLikeAName(String text, int from, int to) {
        char last = text.charAt(to - 1);
        if (!Character.isUpperCase(text.charAt(from)) || last == '.' || last == '!') {
            return false;
        }
        int words = 1;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ' ') {
                words++;
            }
        }
        return words <= 4;
    }

    /**
     * Whether the line text[from, to) is a sign-off, read in lower case without accents, with its punctuation
     * dropped: "Bien à vous," is "bien a vous".
     */
    private boolean isSignOff(String text, int from, int to) {
        if (to - from > SIGN_OFF_LINE) {
            return false;
        }
        int n = 0;
        for (int i = from; i < to && n < signOffKey.length - 1; i++) {
            // folded as the words are (accents, capitals, lookalikes, zero-width): "Мany thanks" with a Cyrillic М
            // is the sign-off it looks like
            char c = text.charAt(i);
            char f = TextFolder.first(c);
            if (f == TextFolder.DELETE) {
                continue;
            }
            if (f > TextFolder.SENTENCE && Character.isLetter(f)) {
                signOffKey[n++] = f;
                char f2 = TextFolder.second(c);
                if (f2 != 0 && Character.isLetter(f2)) {
                    signOffKey[n++] = f2;
                }
            } else if ((c == ' ' || f == TextFolder.APOSTROPHE || c == '-') && n > 0 && signOffKey[n - 1] != ' ') {
                signOffKey[n++] = ' ';
            }
        }
        if (n > 0 && signOffKey[n - 1] == ' ') {
            n--;
        }
        for (String signOff : SIGN_OFFS) {
            if (signOff.length() == n && regionEquals(signOffKey, 0, signOff)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the '>' at {@code i} opens a line (blanks before it allowed): a quoted line of an e-mail reply. */
    private static boolean quotedLine(String text, int i) {
        for (int k = i - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        // the first line is a quote only when the customer writes below it: ">>> URGENT" alone is the message
        for (int k = text.indexOf('\n', i); k >= 0 && k + 1 < text.length(); k = text.indexOf('\n', k + 1)) {
            int j = k + 1;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (j < text.length() && text.charAt(j) != '>' && Character.isLetter(text.charAt(j))) {
                return true;
            }
        }
        return false;
    }

    /** A word begins at {@code orig}: in a new clause or sentence if a mark came since the last word. */
    private void beginWord(int orig, byte quoted) {
        if (pendingClause && count > 0) {
            clauseId++;
        }
        if (pendingSentence && count > 0) {
            sentenceId = newSentence();
        }
        pendingClause = false;
        pendingSentence = false;
        start(orig, clauseId, sentenceId, quoted);
    }

    private int newSentence() {
        if (sentences == questionSentence.length) {
            questionSentence = Arrays.copyOf(questionSentence, sentences * 2);
        }
        questionSentence[sentences] = false;
        return sentences++;
    }

    private void start(int orig, int clauseId, int sentenceId, byte quoted) {
        if (count == charStart.length) {
            int size = count * 2;
            charStart = Arrays.copyOf(charStart, size);
            length = Arrays.copyOf(length, size);
            origStart = Arrays.copyOf(origStart, size);
            origEnd = Arrays.copyOf(origEnd, size);
            clause = Arrays.copyOf(clause, size);
            hash = Arrays.copyOf(hash, size);
            sentence = Arrays.copyOf(sentence, size);
            hyphenAfter = Arrays.copyOf(hyphenAfter, size);
            colonAfter = Arrays.copyOf(colonAfter, size);
            titleCase = Arrays.copyOf(titleCase, size);
            quote = Arrays.copyOf(quote, size);
        }
        charStart[count] = used;
        length[count] = 0;
        origStart[count] = orig;
        origEnd[count] = orig;
        tokenEnd = orig;
        tokenHasDigit = false;
        clause[count] = clauseId;
        sentence[count] = sentenceId;
        hyphenAfter[count] = false;
        colonAfter[count] = false;
        titleCase[count] = false;
        quote[count] = quoted;
    }

    /** Symbols written for letters: $ s, @ a, € e, ¢ and © c, £ l, | l. */
    private static char symbolLetter(char c) {
        return switch (c) {
            case '$' -> 's';
            case '@' -> 'a';
            case '\u20AC' -> 'e';
            case '\u00A2', '\u00A9' -> 'c';
            case '\u00A3', '|' -> 'l';
            default -> 0;
        };
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u00AB' || c == '\u201C' || c == '\u201E' || c == '\'' || c == '\u2018';
    }

    /** Quotes that close within a short span (a title, a scare-quoted word), else -1: not a quote. */
    private static int quoteSpanEnd(String text, int open) {
        char c = text.charAt(open);
        if ((c == '\'' || c == '\u2018') && open > 0 && Character.isLetterOrDigit(text.charAt(open - 1))) {
            return -1; // an apostrophe inside a word (l'urgence, don't)
        }
        // 60 characters that show: zero-width characters inside the quoted words do not make a title longer
        int visible = 0;
        for (int k = open + 1; k < text.length(); k++) {
            char d = text.charAt(k);
            if (TextFolder.first(d) != TextFolder.DELETE && ++visible >= 60) {
                break;
            }
            boolean closes = switch (c) {
                case '\u00AB' -> d == '\u00BB';
                case '\u201C', '\u201E' -> d == '\u201D' || d == '\u201C';
                case '\'', '\u2018' -> (d == '\'' || d == '\u2019')
                        && (k + 1 >= text.length() || !Character.isLetter(text.charAt(k + 1)));
                default -> d == '"';
            };
            if (closes) {
                return k;
            }
            if (d == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A quoted span whose first letter is a capital, or whose later words start on one after a small article:
     * a title or a name (« Urgences », "Rush Hour", « les Cassés de Douarnenez »). Scare quotes hold small
     * letters only ('waterproof', "fixed"). {@code afterWord}: the quote follows a finished word, which may name it.
     */
    private boolean titleQuote(String text, int open, int close, boolean afterWord) {
        if (afterWord && afterNamingWord()) {
            return true; // "mon travail intitulé « la plainte client dans le commerce »": a title in small letters
        }
        boolean first = true;
        for (int k = open + 1; k < close; k++) {
            char d = text.charAt(k);
            if (!Character.isLetter(d)) {
                continue;
            }
            boolean wordStart = !Character.isLetter(text.charAt(k - 1));
            if (first) {
                if (Character.isUpperCase(d)) {
                    return true;
                }
                first = false;
            } else if (wordStart && Character.isUpperCase(d)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words that name what follows, folded: a quote after one is a title whatever its case. Besides the verbs of
     * naming, dishes and shades: « crumble cassé aux pommes » after "le dessert" is a dish. Not the words after which
     * a customer quotes in scorn ("pour une formule « premium », bravo", "the bearing your workshop 'fixed'").
     */
    private static final String[] NAMING_WORDS = {"intitule", "intitulee", "intitules", "intitulees", "titled",
        "entitled", "called", "named", "nomme", "nommee", "appele", "appelee", "baptise", "baptisee",
        "dessert", "plat", "menu", "cocktail", "dish", "flavour", "flavor", "parfum", "coloris", "shade", "teinte",
        "filtre", "filter", "finish", "finition"};

    /**
     * Whether the word cut last, in the same sentence, is a naming word: the token is folded already (accents,
     * capitals, lookalike letters, zero-width characters), so {@link #equalsAt} compares it as it stands.
     */
    private boolean afterNamingWord() {
        if (count == 0 || pendingSentence) {
            return false;
        }
        for (String w : NAMING_WORDS) {
            if (equalsAt(count - 1, w)) {
                return true;
            }
        }
        return false;
    }

    private void append(char f, int origEndExclusive) {
        if (used == chars.length) {
            chars = Arrays.copyOf(chars, used * 2);
        }
        chars[used++] = f;
        tokenEnd = origEndExclusive;
        tokenHasDigit |= f >= '0' && f <= '9';
    }

    private void finish() {
        int s = charStart[count];
        origEnd[count] = tokenEnd;
        int len = used - s;
        // one pass for both: the hash of the letters as they are (31^len * len + the sum that hash() adds up), and
        // whether a character stands three times in a row; most words are then done, without a second pass
        int sum = 0;
        int power = 1;
        boolean tripled = false;
        for (int k = s; k < s + len; k++) {
            char c = chars[k];
            sum = 31 * sum + c;
            power *= 31;
            tripled |= k >= s + 2 && c == chars[k - 1] && c == chars[k - 2];
        }
        boolean changed = false;
        if (tripled) {
            len = collapseRuns(s, len);
            changed = true;
        }
        length[count] = len;
        used = s + len;
        if (tokenHasDigit && len > 0 && (chars[s] >= 'a' || digitsBetweenLetters(s, len))) {
            // a token that starts with a digit is a number, a date or a time (3rd, 10kg, 18h30): left alone, unless
            // digits stand between its letters from the first on ("3m3rg3ncy", "4rn4qu3")
            leet(s, len);
            changed = true;
        }
        hash[count] = changed ? hash(chars, s, len) : power * len + sum;
        count++;
    }

    /** Letters repeated three times or more stand for one: urgeeeent -> urgent, URGENTTT -> urgent. */
    private int collapseRuns(int s, int len) {
        int end = s + len;
        int third = s + 2;
        while (third < end && (chars[third] != chars[third - 1] || chars[third] != chars[third - 2])) {
            third++;
        }
        if (third >= end) {
            return len; // no character three times in a row: most words
        }
        int w = s;
        int r = s;
        while (r < end) {
            char ch = chars[r];
            int run = 1;
            while (r + run < end && chars[r + run] == ch) {
                run++;
            }
            int keep = run >= 3 && ch >= 'a' && ch <= 'z' ? 1 : run;
            for (int k = 0; k < keep; k++) {
                chars[w++] = ch;
            }
            r += run;
        }
        return w - s;
    }

    /** Whether the end marks from {@code i} on ("!", "...", "…") are followed at once by a closing bracket. */
    private boolean closesAside(int i, int n) {
        int j = i;
        while (j < n && (src[j] == '!' || src[j] == '.' || src[j] == '\u2026')) {
            j++;
        }
        return j < n && src[j] == ')';
    }

    /** A digit, a letter, and further on a digit after a letter: 3m3rg3ncy, not 3rd, 10mins or 5days. */
    private boolean digitsBetweenLetters(int s, int len) {
        if (len < 5 || chars[s + 1] < 'a' || chars[s + 1] > 'z') {
            return false;
        }
        for (int i = s + 2; i < s + len; i++) {
            if (chars[i] >= '0' && chars[i] <= '9' && chars[i - 1] >= 'a' && chars[i - 1] <= 'z') {
                return true;
            }
        }
        return false;
    }

    /** Digits inside a word stand for letters: br0ken, c4sse, urg3nt. */
    private void leet(int s, int len) {
        boolean letters = false;
        boolean digits = false;
        for (int i = s; i < s + len; i++) {
            char ch = chars[i];
            letters |= ch >= 'a' && ch <= 'z';
            digits |= ch >= '0' && ch <= '9';
        }
        if (!letters || !digits) {
            return;
        }
        int letterCount = 0;
        for (int i = s; i < s + len; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                letterCount++;
            }
        }
        if (letterCount * 2 < len) {
            return; // mostly digits: an order number like 4411b or a time like 18h30
        }
        for (int i = s; i < s + len; i++) {
            switch (chars[i]) {
                case '0' -> chars[i] = 'o';
                case '1' -> chars[i] = 'i';
                case '3' -> chars[i] = 'e';
                case '4' -> chars[i] = 'a';
                case '5' -> chars[i] = 's';
                case '7' -> chars[i] = 't';
                case '8' -> chars[i] = 'b';
                default -> {
                }
            }
        }
    }

    /** The hash of a word by which tokens and the words of the rules are compared before their letters. */
    static int hash(char[] chars, int base, int len) {
        int h = len;
        for (int k = base; k < base + len; k++) {
            h = 31 * h + chars[k];
        }
        return h;
    }

    /**
     * Whether {@code a[aFrom, aFrom + len)} and {@code b[bFrom, bFrom + len)} hold the same characters. A plain
     * loop: words are short, and Arrays.equals pays for a vectorized compare it does not use here.
     */
    static boolean sameChars(char[] a, int aFrom, char[] b, int bFrom, int len) {
        for (int k = 0; k < len; k++) {
            if (a[aFrom + k] != b[bFrom + k]) {
                return false;
            }
        }
        return true;
    }

    /** {@link #hash(char[], int, int)} of a word of the rules. */
    static int hash(String word) {
        return hash(word.toCharArray(), 0, word.length());
    }

    boolean equalsAt(int token, String s) {
        return length[token] == s.length() && regionEquals(chars, charStart[token], s);
    }

    /** Whether {@code chars} from {@code from} start with the letters of {@code s} (the caller knows they fit). */
    static boolean regionEquals(char[] chars, int from, String s) {
        int n = s.length();
        if (n > 0 && chars[from] != s.charAt(0)) {
            return false; // most candidates differ at once
        }
        for (int i = 1; i < n; i++) {
            if (chars[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
