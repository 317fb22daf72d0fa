package defectlens.review;

import java.util.SplittableRandom;

/**
 * Seeded stand-in probabilities for every item of a table, for benchmarks of opening and sorting a review whose
 * real predictions would take hours to compute (811,457 wafer maps at about 15 maps/s on 2 cores): softmax of
 * random logits where the labelled class (when the model knows it) gets a boost, so the confusion matrix and the
 * confidence spread look like a real model's. Never used for a real review.
 */
public final class SimulatedPredictions {
    private SimulatedPredictions() {
    }

    /** Fills every row of {@code table} that has no prediction. */
    public static void fill(PredictionTable table, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int c = table.classes().size();
        float[] row = new float[c];
        double[] logits = new double[c];
        for (int i = 0; i < table.size(); i++) {
            if (table.isDone(i)) {
                continue;
            }
            int label = table.label(i) < c ? table.label(i) : -1; // the model's classes open the label classes
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                logits[j] = random.nextGaussian() * 1.5 + (j == label ? 3.5 : 0);
                max = Math.max(max, logits[j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                logits[j] = Math.exp(logits[j] - max);
                sum += logits[j];
            }
            for (int j = 0; j < c; j++) {
                row[j] = (float) (logits[j] / sum);
            }
            table.setRow(i, row);
        }
    }
}
