package dev.replyclock.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * The complaint and the urgency models read in one pass over a message: their weights in one table (key, then
 * both weights side by side) behind one presence bitmap, so that each word pair costs one bit test and at most
 * one probe for both, where two models read apart cost two of each (measured: the urgency model and dissent,
 * each model with its own pass, made the classifier about 14% slower). The sums are added in the order
 * {@link LearnedModel#logit} adds them, so each logit is exactly its model's own.
 */
final class TwoModels {

    private static final int STRIDE = 4; // key, complaint weight, urgent weight, unused: a probe stays on one line

    private final double complaintBias;
    private final double urgentBias;
    private final int[] table;
    private final int mask;
    private final long[] present = new long[1 << 12];
    private final float complaintQuestion;
    private final float urgentQuestion;

    TwoModels(LearnedModel complaint, LearnedModel urgent) {
        Map<Integer, float[]> both = new HashMap<>();
        complaint.forEachWeight((k, w) -> both.computeIfAbsent(k, x -> new float[2])[0] = w);
        urgent.forEachWeight((k, w) -> both.computeIfAbsent(k, x -> new float[2])[1] = w);
        int size = Integer.highestOneBit(Math.max(16, both.size() * 2 + 1)) * 2;
        this.table = new int[STRIDE * size];
        this.mask = size - 1;
        both.forEach((key, w) -> {
            int slot = LearnedModel.spread(key) & mask;
            while (table[STRIDE * slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[STRIDE * slot] = key;
            table[STRIDE * slot + 1] = Float.floatToRawIntBits(w[0]);
            table[STRIDE * slot + 2] = Float.floatToRawIntBits(w[1]);
            int bit = LearnedModel.presenceBit(key);
            present[bit >>> 6] |= 1L << bit;
        });
        this.complaintBias = complaint.bias();
        this.urgentBias = urgent.bias();
        this.complaintQuestion = complaint.weight(LearnedModel.QUESTION);
        this.urgentQuestion = urgent.weight(LearnedModel.QUESTION);
    }

    /** The slot of {@code key} in the table, or -1 when neither model has it. */
    private int slotOf(int key) {
        int bit = LearnedModel.presenceBit(key);
        if ((present[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        int slot = LearnedModel.spread(key) & mask;
        while (true) {
            int k = table[STRIDE * slot];
            if (k == key) {
                return slot;
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Both log-odds into {@code logits} (complaint, urgent), from each token's word hash and each model's weight
     * of the word alone; {@code strongest} receives each model's heaviest positive feature span as
     * {@link LearnedModel#logit} does (complaint in [0, 1], urgent in [2, 3]; -1 for none).
     */
    void logits(Tokens t, int[] wordHashes, float[] complaintWords, float[] urgentWords, double[] logits,
                int[] strongest) {
        double zc = complaintBias;
        double zu = urgentBias;
        float bestC = 0f;
        float bestU = 0f;
        strongest[0] = strongest[1] = strongest[2] = strongest[3] = -1;
        for (int i = 0; i < t.count; i++) {
            boolean titled = LearnedModel.titled(t, i);
            float wc = titled ? 0f : complaintWords[i];
            float wu = titled ? 0f : urgentWords[i];
            zc += wc;
            zu += wu;
            if (t.length[i] >= 4) {
                if (wc > bestC) {
                    bestC = wc;
                    strongest[0] = i;
                    strongest[1] = i + 1;
                }
                if (wu > bestU) {
                    bestU = wu;
                    strongest[2] = i;
                    strongest[3] = i + 1;
                }
            }
            if (i > 0 && t.sentence[i - 1] == t.sentence[i] && !LearnedModel.titled(t, i - 1) && !titled) {
                int slot = slotOf(LearnedModel.key(
                        Integer.rotateLeft(wordHashes[i - 1], 11) * LearnedModel.BIGRAM ^ wordHashes[i]));
                float pc = slot < 0 ? 0f : Float.intBitsToFloat(table[STRIDE * slot + 1]);
                float pu = slot < 0 ? 0f : Float.intBitsToFloat(table[STRIDE * slot + 2]);
                zc += pc;
                zu += pu;
                if (t.length[i - 1] >= 4 || t.length[i] >= 4) {
                    if (pc > bestC) {
                        bestC = pc;
                        strongest[0] = i - 1;
                        strongest[1] = i + 1;
                    }
                    if (pu > bestU) {
                        bestU = pu;
                        strongest[2] = i - 1;
                        strongest[3] = i + 1;
                    }
                }
            }
            if (t.questionSentence[t.sentence[i]] && (i + 1 == t.count || t.sentence[i + 1] != t.sentence[i])) {
                zc += complaintQuestion;
                zu += urgentQuestion;
            }
        }
        logits[0] = zc;
        logits[1] = zu;
    }
}
