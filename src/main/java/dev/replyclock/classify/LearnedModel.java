package dev.replyclock.classify;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A learned second opinion: a logistic regression over the folded words and word pairs of a message (the
 * classifier's own tokens, so accents, lookalikes, zero-width characters and emoji words fold the same way).
 * Two are packaged. The complaint model catches the complaints no rule names (narrated failures, sarcasm, threats
 * to leave), which on messages never seen before were the misses that cost most: a complaint waiting 15 minutes
 * instead of 1. The urgency model, trained on urgent against standard messages, catches urgency told by its
 * circumstances ("the boat leaves in an hour", "j'embarque jeudi ... avant"). Where either is all but sure a
 * message is not what a rule's word made it, it dissents (docs/classifier.md).
 *
 * <p>Weights are keyed by a 32-bit hash of the feature and kept in an open-addressing table of primitive
 * arrays (a HashMap of boxed keys would cost more per message than the rest of the model). Written by hand
 * because the model is a sum of weights: a machine-learning library would bring megabytes for one dot product.
 *
 * <p>Trained by {@link LearnedModelTrainer}; the packaged model is {@code classify/complaint-model.bin},
 * rebuilt with {@code replyclock train-complaints} (docs/classifier.md).
 */
public final class LearnedModel {

    static final String RESOURCE = "/classify/complaint-model.bin";
    /** The same kind of model trained on urgent against standard messages ({@code train-complaints --urgent-out}). */
    static final String URGENT_RESOURCE = "/classify/urgent-model.bin";
    private static final int MAGIC = 0x52434d31; // "RCM1"
    private static final int UNIGRAM = 0x2545F491;
    static final int BIGRAM = 0x9E3779B9;
    static final int QUESTION = 0x51554553;

    /** No model: every message scores 0 (probability 0.5 is never reached as a complaint above threshold 1). */
    public static final LearnedModel NONE = new LearnedModel(-30.0, Map.of());

    private final double bias;
    /** Open addressing, key and weight side by side (the weight's float bits): one cache line per probe. */
    private final int[] table;
    private final int mask;
    /**
     * One bit per feature the table may hold (2^18 bits, 32 KB): most word pairs of a message are in no model,
     * and the bit says so from memory that stays in the core's cache, where a probe of the table (512 KB) would
     * read a line from far away for each of them.
     */
    private final long[] present = new long[1 << 12];
    /** The weight of "the sentence asks", added once per question. */
    private final float questionWeight;

    LearnedModel(double bias, Map<Integer, Double> weightsByFeature) {
        this.bias = bias;
        int size = Integer.highestOneBit(Math.max(16, weightsByFeature.size() * 2 + 1)) * 2;
        this.table = new int[2 * size];
        this.mask = size - 1;
        weightsByFeature.forEach((k, w) -> put(k, w.floatValue()));
        this.questionWeight = weight(QUESTION);
    }

    private void put(int key, float w) {
        int slot = spread(key) & mask;
        while (table[2 * slot] != 0 && table[2 * slot] != key) {
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = Float.floatToRawIntBits(w);
        int bit = presenceBit(key);
        present[bit >>> 6] |= 1L << bit;
    }

    /** The bit of {@link #present} for a key: its high bits (the table's slot is taken from its low bits). */
    static int presenceBit(int key) {
        return (key * 0x9E3779B1) >>> 14;
    }

    /** Each feature's key and weight, for {@link TwoModels}. */
    void forEachWeight(java.util.function.BiConsumer<Integer, Float> action) {
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0) {
                action.accept(table[i], Float.intBitsToFloat(table[i + 1]));
            }
        }
    }

    double bias() {
        return bias;
    }

    float weight(int key) {
        int bit = presenceBit(key);
        if ((present[bit >>> 6] & (1L << bit)) == 0) {
            return 0f;
        }
        int slot = spread(key) & mask;
        while (true) {
            int k = table[2 * slot];
            if (k == key) {
                return Float.intBitsToFloat(table[2 * slot + 1]);
            }
            if (k == 0) {
                return 0f;
            }
            slot = (slot + 1) & mask;
        }
    }

    static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** The packaged complaint model. */
    public static LearnedModel packaged() {
        return packaged(RESOURCE);
    }

    /** The packaged urgency model. */
    public static LearnedModel packagedUrgent() {
        return packaged(URGENT_RESOURCE);
    }

    private static LearnedModel packaged(String resource) {
        try (InputStream in = LearnedModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LearnedModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC) {
            throw new IOException("not a complaint model (bad magic number)");
        }
        double bias = data.readDouble();
        int n = data.readInt();
        Map<Integer, Double> w = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            w.put(data.readInt(), (double) data.readFloat());
        }
        return new LearnedModel(bias, w);
    }

    /** The model as bytes: features in ascending order, so that the same training gives the same file. */
    public byte[] toBytes() {
        int n = 0;
        for (int i = 0; i < table.length; i += 2) {
            n += table[i] != 0 ? 1 : 0;
        }
        long[] packed = new long[n];
        int j = 0;
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0) {
                packed[j++] = ((long) table[i] << 32) | (table[i + 1] & 0xFFFFFFFFL);
            }
        }
        Arrays.sort(packed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + n * 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeDouble(bias);
            out.writeInt(n);
            for (long p : packed) {
                out.writeInt((int) (p >>> 32));
                out.writeFloat(Float.intBitsToFloat((int) p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The features of a cut message into {@code keys}, and into {@code first} the token each starts on: per
     * token its word, then the pair it ends (when the token before is in the same sentence). The arrays hold
     * at least {@code 3 * t.count}; returns how many were written.
     */
    static int features(Tokens t, int[] keys, int[] first) {
        int n = 0;
        int previous = 0;
        for (int i = 0; i < t.count; i++) {
            int word = wordHash(t.chars, t.charStart[i], t.length[i]);
            if (!titled(t, i)) {
                first[n] = i;
                keys[n++] = key(word * UNIGRAM);
            }
            if (i > 0 && t.sentence[i - 1] == t.sentence[i] && !titled(t, i - 1) && !titled(t, i)) {
                first[n] = i - 1;
                keys[n++] = key(Integer.rotateLeft(previous, 11) * BIGRAM ^ word);
            }
            previous = word;
            if (t.questionSentence[t.sentence[i]] && (i + 1 == t.count || t.sentence[i + 1] != t.sentence[i])) {
                first[n] = i;
                keys[n++] = QUESTION; // once per sentence that asks: questions are rarely complaints
            }
        }
        return n;
    }

    /**
     * Whether token i stands in a title (quotes opening on a capital: « Casse & Vol », "Urgent Care"): a name, not
     * the customer's words, so the model neither learns nor weighs it, as the rules do not read it.
     */
    static boolean titled(Tokens t, int i) {
        return t.quote[i] == 1;
    }

    static int key(int h) {
        return h == 0 ? 1 : h; // 0 marks an empty slot
    }

    /** The model's hash of a word: FNV-1a over its folded characters. */
    static int wordHash(char[] chars, int from, int len) {
        int h = 0x811C9DC5;
        for (int i = from; i < from + len; i++) {
            h = (h ^ chars[i]) * 0x01000193;
        }
        return h;
    }

    /** The weight of a word by itself (of {@link #wordHash}): the classifier keeps it per word in its memo. */
    float wordWeight(int wordHash) {
        return weight(key(wordHash * UNIGRAM));
    }

    /**
     * The log-odds that the message is a complaint, from each token's {@link #wordHash} and {@link #wordWeight}:
     * the weights of the features {@link #features} lists, added in the same order. {@code strongest} receives
     * the span of the heaviest positive feature (first token, token after the last), or {@code [-1, -1]}: what
     * the signal shows.
     */
    double logit(Tokens t, int[] wordHashes, float[] wordWeights, int[] strongest) {
        double z = bias;
        float best = 0f;
        strongest[0] = -1;
        strongest[1] = -1;
        for (int i = 0; i < t.count; i++) {
            float w = titled(t, i) ? 0f : wordWeights[i];
            z += w;
            // shown: a word of 4 letters or more, or a pair with one ("and", "que j" may weigh, but explain nothing)
            if (w > best && t.length[i] >= 4) {
                best = w;
                strongest[0] = i;
                strongest[1] = i + 1;
            }
            if (i > 0 && t.sentence[i - 1] == t.sentence[i] && !titled(t, i - 1) && !titled(t, i)) {
                float pair = weight(key(Integer.rotateLeft(wordHashes[i - 1], 11) * BIGRAM ^ wordHashes[i]));
                z += pair;
                if (pair > best && (t.length[i - 1] >= 4 || t.length[i] >= 4)) {
                    best = pair;
                    strongest[0] = i - 1;
                    strongest[1] = i + 1;
                }
            }
            if (t.questionSentence[t.sentence[i]] && (i + 1 == t.count || t.sentence[i + 1] != t.sentence[i])) {
                z += questionWeight;
            }
        }
        return z;
    }

    /** The probability that a message is a complaint, by this model alone (for measuring; allocates). */
    public double probability(String text) {
        Tokens t = new Tokens();
        t.cut(text);
        return probability(logit(t, new int[2]));
    }

    /** {@link #logit(Tokens, int[], float[], int[])} with each word's hash and weight worked out here. */
    double logit(Tokens t, int[] strongest) {
        int[] hashes = new int[t.count];
        float[] weights = new float[t.count];
        for (int i = 0; i < t.count; i++) {
            hashes[i] = wordHash(t.chars, t.charStart[i], t.length[i]);
            weights[i] = wordWeight(hashes[i]);
        }
        return logit(t, hashes, weights, strongest);
    }

    static double probability(double logit) {
        return 1.0 / (1.0 + Math.exp(-logit));
    }
}
