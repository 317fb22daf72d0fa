package defectlens.explain.metrics;

/**
 * Pixel-wise agreement of a thresholded heatmap with a ground-truth mask (the seed study's
 * Algorithm 2): the confusion counts and Accuracy, Precision, Recall, Dice and IoU. A ratio whose
 * denominator is zero is 0, except Dice and IoU of an empty prediction on an empty mask, which are 1.
 */
public record PixelAgreement(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double dice() {
        long den = 2 * truePositives + falsePositives + falseNegatives;
        return den == 0 ? 1.0 : 2.0 * truePositives / den;
    }

    public double iou() {
        long den = truePositives + falsePositives + falseNegatives;
        return den == 0 ? 1.0 : (double) truePositives / den;
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }
}
