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
 * j'ai) except before a final "t" (doesn't, can't -> doesnt, cant).
 */
final class Tokens {

    char[] chars = new char[1024];
    int[] charStart = new int[128];
    int[] length = new int[128];
    int[] origStart = new int[128];
    int[] origEnd = new int[128];
    int[] clause = new int[128];
    int count;

    private int used;

    void cut(String text) {
        count = 0;
        used = 0;
        int clauseId = 0;
        boolean inToken = false;
        boolean pendingClause = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char f;
            char f2 = 0;
            int unitEnd = i + 1;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                String s = TextFolder.foldSupplementary(Character.toCodePoint(c, text.charAt(i + 1)));
                unitEnd = i + 2;
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
            }
            if (f == TextFolder.DELETE) {
                continue;
            }
            if (f == TextFolder.SPACE || f == TextFolder.CLAUSE) {
                if (inToken) {
                    finish();
                    inToken = false;
                }
                pendingClause |= f == TextFolder.CLAUSE;
                continue;
            }
            if (f == TextFolder.APOSTROPHE) {
                if (inToken) {
                    // doesn't, can't, won't: keep the negation in one token
                    if (i + 1 < n && TextFolder.first(text.charAt(i + 1)) == 't'
                            && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
                        continue;
                    }
                    finish();
                    inToken = false;
                }
                continue;
            }
            if (!inToken) {
                if (pendingClause && count > 0) {
                    clauseId++;
                }
                pendingClause = false;
                start(i, clauseId);
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

    private void start(int orig, int clauseId) {
        if (count == charStart.length) {
            int size = count * 2;
            charStart = Arrays.copyOf(charStart, size);
            length = Arrays.copyOf(length, size);
            origStart = Arrays.copyOf(origStart, size);
            origEnd = Arrays.copyOf(origEnd, size);
            clause = Arrays.copyOf(clause, size);
        }
        charStart[count] = used;
        length[count] = 0;
        origStart[count] = orig;
        origEnd[count] = orig;
        clause[count] = clauseId;
    }

    private void append(char f, int origEndExclusive) {
        if (used == chars.length) {
            chars = Arrays.copyOf(chars, used * 2);
        }
        chars[used++] = f;
        length[count]++;
        origEnd[count] = origEndExclusive;
    }

    private void finish() {
        int s = charStart[count];
        int len = collapseRuns(s, length[count]);
        length[count] = len;
        used = s + len;
        if (len > 0 && chars[s] >= 'a') {
            leet(s, len); // a token that starts with a digit is a number, a date or a time: left alone
        }
        count++;
    }

    /** Letters repeated three times or more stand for one: urgeeeent -> urgent, URGENTTT -> urgent. */
    private int collapseRuns(int s, int len) {
        int w = s;
        int r = s;
        int end = s + len;
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

    boolean equalsAt(int token, String s) {
        if (length[token] != s.length()) {
            return false;
        }
        int base = charStart[token];
        for (int i = 0; i < s.length(); i++) {
            if (chars[base + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
