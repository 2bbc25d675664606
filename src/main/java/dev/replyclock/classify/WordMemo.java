package dev.replyclock.classify;

/**
 * What the classifier learned about a folded word the last times it met it: the terms whose first word it is
 * and the term it misspells, both functions of the word's letters alone. Text repeats its words (de, the,
 * commande, order), so most tokens are answered by one probe instead of a walk down the trie and a typo
 * search. One per thread (in the classifier's scratch), so no locking.
 *
 * <p>Direct-mapped: a word takes the slot of its hash and pushes out whatever was there, so the memory is
 * fixed (about 700 KB per thread) whatever the traffic. Written by hand: a general cache (Caffeine) would box the
 * key and hash a String per token, which is what this saves.
 */
final class WordMemo {

    /** The typo search has not run for this word yet. */
    static final int UNKNOWN = -2;
    /** Longer words are not kept (they are rare, and the keys are kept inline at this width). */
    static final int MAX_WORD = 16;
    private static final int SLOTS = 16384; // a power of two

    private final int[] hashes = new int[SLOTS];
    /** Per slot: the word's length, 0 for an empty slot. */
    private final byte[] lengths = new byte[SLOTS];
    /** Per slot, MAX_WORD characters: the word itself, inline (one cache line, no object to follow). */
    private final char[] words = new char[SLOTS * MAX_WORD];
    /** Per slot: the terms of {@code Classifier.firstWordTerms}, or null when the slot holds another word. */
    final int[][] terms = new int[SLOTS][];
    /** Per slot: the term the word misspells, -1 for none, {@link #UNKNOWN} before the search ran. */
    final int[] typo = new int[SLOTS];

    /**
     * The slot for the word {@code chars[base, base + len)} of hash {@code h}: {@code terms[slot]} is non-null
     * when the slot holds it, null when the word is to be worked out and {@link #put} there; -1 for a word too
     * long to keep.
     */
    int find(char[] chars, int base, int len, int h) {
        if (len > MAX_WORD || len == 0) {
            return -1;
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        if (lengths[slot] != len || hashes[slot] != h || !Tokens.sameChars(words, slot * MAX_WORD, chars, base, len)) {
            terms[slot] = null;
        }
        return slot;
    }

    /** Keeps the word's terms in {@code slot} (from {@link #find}; -1 keeps nothing), its typo not yet known. */
    void put(int slot, char[] chars, int base, int len, int h, int[] wordTerms) {
        if (slot < 0) {
            return;
        }
        hashes[slot] = h;
        lengths[slot] = (byte) len;
        System.arraycopy(chars, base, words, slot * MAX_WORD, len);
        terms[slot] = wordTerms;
        typo[slot] = UNKNOWN;
    }
}
