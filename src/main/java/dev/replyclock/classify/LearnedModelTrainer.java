package dev.replyclock.classify;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the {@link LearnedModel}: logistic regression by stochastic gradient descent with L2 decay on the
 * features each example touches, in a seeded order, so that the same examples always give the same bytes
 * (the packaged model is checked against a retraining in the tests). Plain Java: a few thousand messages
 * train in well under a second.
 */
public final class LearnedModelTrainer {

    /** A message and whether the labeling guide makes it a complaint. */
    public record Example(String text, boolean positive) {
    }

    /** Chosen on held-out sets (docs/classifier.md): words and pairs only, weak decay, 40 passes. */
    static final int EPOCHS = 40;
    /**
     * The weights kept are their average over the last passes (averaged SGD), not those of the last step: the last
     * step's depend on the order of the last examples, so each retraining moved messages near a threshold back and
     * forth; the average is steadier.
     */
    static final int AVERAGED_EPOCHS = 10;
    static final double LEARNING_RATE = 0.2;
    static final double L2 = 1e-3;
    private static final double PRUNE_BELOW = 1e-4;

    private LearnedModelTrainer() {
    }

    public static LearnedModel train(List<Example> examples) {
        Tokens t = new Tokens();
        int[][] features = new int[examples.size()][];
        for (int e = 0; e < examples.size(); e++) {
            t.cut(examples.get(e).text());
            int[] keys = new int[3 * t.count];
            int[] first = new int[3 * t.count];
            int n = LearnedModel.features(t, keys, first);
            features[e] = Arrays.copyOf(keys, n);
        }
        Map<Integer, double[]> w = new HashMap<>();
        double bias = 0;
        double biasSum = 0;
        int[] order = new int[examples.size()];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, new Random(epoch));
            for (int e : order) {
                double z = bias;
                for (int f : features[e]) {
                    double[] cell = w.get(f);
                    z += cell == null ? 0 : cell[0];
                }
                double gradient = LearnedModel.probability(z) - (examples.get(e).positive() ? 1 : 0);
                for (int f : features[e]) {
                    double[] cell = w.computeIfAbsent(f, k -> new double[2]);
                    cell[0] -= LEARNING_RATE * (gradient + L2 * cell[0]);
                }
                bias -= LEARNING_RATE * gradient;
            }
            if (epoch >= EPOCHS - AVERAGED_EPOCHS) {
                for (double[] cell : w.values()) {
                    cell[1] += cell[0];
                }
                biasSum += bias;
            }
        }
        Map<Integer, Double> kept = new HashMap<>();
        w.forEach((k, cell) -> {
            double averaged = cell[1] / AVERAGED_EPOCHS;
            if (Math.abs(averaged) >= PRUNE_BELOW) {
                kept.put(k, averaged);
            }
        });
        return new LearnedModel(biasSum / AVERAGED_EPOCHS, kept);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
