package defectlens.review;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The order in which a reviewer sees the items of a review, as an array of item numbers: computed from one
 * snapshot of the predictions with primitive sorts (811,457 wafer rows sort in well under a second), never from
 * per-item objects. Orders other than data-set order hold only classified items, least certain first (ties in
 * data-set order); an audit is a seeded random sample of confident items, the same sample for the same seed.
 */
public final class ReviewQueue {
    private ReviewQueue() {
    }

    /**
     * The items of the queue {@code spec} describes.
     *
     * @param decided true for items already decided (left out when the queue is "undecided only")
     * @param truth the class an item really is: the reviewers' class where decided, else its label (null: unknown)
     */
    public static int[] order(PredictionTable table, QueueSpec spec, IntPredicate decided, IntFunction<String> truth) {
        return order(table, spec, decided, truth, null);
    }

    /**
     * As {@link #order(PredictionTable, QueueSpec, IntPredicate, IntFunction)}, with each item's novelty score
     * (higher = less like the model's training data, NaN = not scored) for the order "most novel first"; without
     * scores that order is an error telling how to get them.
     */
    public static int[] order(PredictionTable table, QueueSpec spec, IntPredicate decided, IntFunction<String> truth,
            float[] novelty) {
        int n = table.size();
        if (spec.order() == QueueOrder.NOVELTY && (novelty == null || novelty.length != n)) {
            throw new defectlens.core.DefectLensException("the queue 'most novel first' needs the items' novelty "
                    + "scores: they are made with the predictions (review classify, Classify missing) when the model "
                    + "bundle has a novelty fit (review novelty --fit)");
        }
        float[] confidence = table.confidences();
        int[] predicted = table.predictions();
        IntPredicate keep = switch (spec.order()) {
            case DATASET -> i -> true;
            case LEAST_CERTAIN -> i -> predicted[i] >= 0;
            case DIFFERS -> i -> predicted[i] >= 0 && table.label(i) >= 0
                    && !table.labelClasses().get(table.label(i)).equals(table.classes().get(predicted[i]));
            case CONFUSION_CELL -> i -> predicted[i] >= 0 && table.classes().get(predicted[i]).equals(spec.cellPredicted())
                    && spec.cellTruth() != null && spec.cellTruth().equals(truth.apply(i));
            case BY_CLASS -> i -> predicted[i] >= 0 && table.classes().get(predicted[i]).equals(spec.className());
            case AUDIT -> i -> predicted[i] >= 0 && confidence[i] >= minConfidence(spec);
            case NOVELTY -> i -> !Float.isNaN(novelty[i]);
        };
        IntPredicate shown = spec.undecidedOnly() ? keep.and(decided.negate()) : keep;
        if (spec.order() == QueueOrder.DATASET) {
            return java.util.stream.IntStream.range(0, n).filter(shown).toArray();
        }
        if (spec.order() == QueueOrder.AUDIT) {
            return audit(n, shown, spec);
        }
        if (spec.order() == QueueOrder.NOVELTY) {
            return mostNovelFirst(n, shown, novelty);
        }
        return leastCertainFirst(n, shown, confidence);
    }

    private static int[] mostNovelFirst(int n, IntPredicate shown, float[] novelty) {
        long[] keys = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (shown.test(i)) {
                int bits = Float.floatToIntBits(novelty[i]);
                int ordered = bits >= 0 ? bits : bits ^ 0x7fffffff; // any float, sorted as the float
                // descending score: the complement of the order-preserving bits; the item number breaks ties
                keys[m++] = ((long) ~ordered << 32) | i;
            }
        }
        Arrays.sort(keys, 0, m);
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            out[k] = (int) keys[k];
        }
        return out;
    }

    /** The queue by its truth from the labels alone (no decisions). */
    public static int[] order(PredictionTable table, QueueSpec spec) {
        return order(table, spec, i -> false, table::labelName);
    }

    private static double minConfidence(QueueSpec spec) {
        return spec.auditMinConfidence() == null ? 0.9 : spec.auditMinConfidence();
    }

    private static int[] leastCertainFirst(int n, IntPredicate shown, float[] confidence) {
        int[] rows = java.util.stream.IntStream.range(0, n).filter(shown).toArray();
        return RowOrder.leastCertainFirst(rows, i -> confidence[i]);
    }

    private static int[] audit(int n, IntPredicate shown, QueueSpec spec) {
        int[] candidates = java.util.stream.IntStream.range(0, n).filter(shown).toArray();
        int size = spec.auditSize() == null ? 50 : Math.max(0, spec.auditSize());
        SplittableRandom random = new SplittableRandom(spec.auditSeed() == null ? 0 : spec.auditSeed());
        int k = Math.min(size, candidates.length);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(candidates.length - i);
            int t = candidates[i];
            candidates[i] = candidates[j];
            candidates[j] = t;
        }
        int[] sample = Arrays.copyOf(candidates, k);
        Arrays.sort(sample);
        return sample;
    }
}
