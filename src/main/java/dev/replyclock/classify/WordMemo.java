package dev.replyclock.classify;

/**
 * What the classifier learned about a folded word the last times it met it: the terms whose first word it is,
 * the term it misspells, and what the learned model makes of it (its hash and its weight alone), all functions
 * of the word's letters. Text repeats its words (de, the, commande, order), so most tokens are answered by one
 * probe instead of a walk down the trie, a typo search and a lookup in the model's table. One per thread (in
 * the classifier's scratch), so no locking.
 *
 * <p>Two-way: a word's hash names a set of two slots side by side; the word met last sits first, and a new word
 * pushes out the one met longer ago (direct-mapped, 3% of the tokens of a few hundred messages found their slot
 * taken by another of their words), so the memory is fixed (about 600 KB per thread) whatever the traffic. A slot is one record of eight ints, the word's letters packed
 * four to an int, so that a probe reads one or two neighbouring cache lines: with the key, the answers and the
 * terms in five arrays, a probe read five lines, and on a few thousand words the memo and the model's table
 * together no longer fitted a core's cache. Written by hand: a general cache (Caffeine) would box the key and
 * hash a String per token, which is what this saves.
 */
final class WordMemo {

    /** The typo search has not run for this word yet. */
    static final int UNKNOWN = -2;
    /** Longer words are not kept (they are rare, and the keys are kept inline at this width). */
    static final int MAX_WORD = 16;
    private static final int SLOTS = 16384; // a power of two
    private static final int RECORD = 8;
    // a record: the word's length, what is known and the typo term; the models' word hash and the weights of the
    // complaint and urgency models; 16 letters
    private static final int HEAD = 0;
    private static final int URGENT_WEIGHT = 1;
    private static final int MODEL_HASH = 2;
    private static final int MODEL_WEIGHT = 3;
    private static final int LETTERS = 4;
    private static final int LENGTH_MASK = 0xFF;
    /** Set once the terms and the model's values are kept; with {@link #SOME_TERMS} when the word has terms. */
    private static final int KNOWN = 0x100;
    private static final int SOME_TERMS = 0x200;
    /** The typo term + 2 sits in the head's high bits (0: {@link #UNKNOWN}), so that a record stays eight ints. */
    private static final int TYPO_SHIFT = 10;
    private static final int LOW_BITS = (1 << TYPO_SHIFT) - 1;
    /** Terms are numbered below this (the classifier checks its rules against it). */
    static final int MAX_TERMS = 1 << (31 - TYPO_SHIFT);

    private final int[] records = new int[SLOTS * RECORD];
    /** Per slot: the terms of {@code Classifier.firstWordTerms} when the word has some (most have none). */
    private final int[][] terms = new int[SLOTS][];

    /**
     * The slot of the word {@code chars[base, base + len)} of hash {@code h}, -1 for a word that is not kept
     * (longer than {@link #MAX_WORD}, or a letter beyond Latin-1). When the slot held another word it now
     * holds this one, with nothing known yet: {@link #known} is false until {@link #keep}.
     */
    int find(char[] chars, int base, int len, int h) {
        if (len > MAX_WORD || len == 0) {
            return -1;
        }
        int k0 = 0;
        int k1 = 0;
        int k2 = 0;
        int k3 = 0;
        for (int i = 0; i < len; i++) {
            int c = chars[base + i];
            if (c > 0xFF) {
                return -1;
            }
            int shift = (i & 3) << 3;
            switch (i >> 2) {
                case 0 -> k0 |= c << shift;
                case 1 -> k1 |= c << shift;
                case 2 -> k2 |= c << shift;
                default -> k3 |= c << shift;
            }
        }
        int first = ((h ^ (h >>> 16)) & (SLOTS / 2 - 1)) * 2;
        if (holds(first, len, k0, k1, k2, k3)) {
            return first;
        }
        int second = first + 1;
        if (holds(second, len, k0, k1, k2, k3)) {
            swap(first, second); // the word met last sits first, so a new word pushes out the one met longer ago
            return first;
        }
        // a new word: the one that sat first moves second, the one that sat second is forgotten
        System.arraycopy(records, first * RECORD, records, second * RECORD, RECORD);
        terms[second] = terms[first];
        int r = first * RECORD;
        records[r + HEAD] = len; // typo UNKNOWN
        records[r + LETTERS] = k0;
        records[r + LETTERS + 1] = k1;
        records[r + LETTERS + 2] = k2;
        records[r + LETTERS + 3] = k3;
        terms[first] = null;
        return first;
    }

    private boolean holds(int slot, int len, int k0, int k1, int k2, int k3) {
        int r = slot * RECORD;
        return (records[r + HEAD] & LENGTH_MASK) == len && records[r + LETTERS] == k0
                && records[r + LETTERS + 1] == k1 && records[r + LETTERS + 2] == k2 && records[r + LETTERS + 3] == k3;
    }

    private void swap(int a, int b) {
        int ra = a * RECORD;
        int rb = b * RECORD;
        for (int k = 0; k < RECORD; k++) {
            int x = records[ra + k];
            records[ra + k] = records[rb + k];
            records[rb + k] = x;
        }
        int[] x = terms[a];
        terms[a] = terms[b];
        terms[b] = x;
    }

    /** Whether {@link #keep} ran for the word in this slot. */
    boolean known(int slot) {
        return (records[slot * RECORD + HEAD] & KNOWN) != 0;
    }

    /** Keeps what does not depend on the word's neighbours: its terms, the model's hash of it and its weight. */
    void keep(int slot, int[] wordTerms, int modelHash, float modelWeight, float urgentWeight) {
        int r = slot * RECORD;
        records[r + HEAD] |= KNOWN | (wordTerms.length > 0 ? SOME_TERMS : 0);
        records[r + MODEL_HASH] = modelHash;
        records[r + MODEL_WEIGHT] = Float.floatToRawIntBits(modelWeight);
        records[r + URGENT_WEIGHT] = Float.floatToRawIntBits(urgentWeight);
        terms[slot] = wordTerms.length > 0 ? wordTerms : null;
    }

    /** The word's terms ({@link #known} first); the shared empty array when it has none. */
    int[] terms(int slot, int[] none) {
        return (records[slot * RECORD + HEAD] & SOME_TERMS) != 0 ? terms[slot] : none;
    }

    int modelHash(int slot) {
        return records[slot * RECORD + MODEL_HASH];
    }

    float modelWeight(int slot) {
        return Float.intBitsToFloat(records[slot * RECORD + MODEL_WEIGHT]);
    }

    float urgentWeight(int slot) {
        return Float.intBitsToFloat(records[slot * RECORD + URGENT_WEIGHT]);
    }

    /** The term the word misspells, -1 for none, {@link #UNKNOWN} before the search ran. */
    int typo(int slot) {
        return (records[slot * RECORD + HEAD] >>> TYPO_SHIFT) - 2;
    }

    void typo(int slot, int term) {
        int r = slot * RECORD + HEAD;
        records[r] = (records[r] & LOW_BITS) | ((term + 2) << TYPO_SHIFT);
    }
}
