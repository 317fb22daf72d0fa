package defectlens.explain;

import defectlens.image.BinaryMask;

/**
 * Measures a heatmap against an expert's defect mask: the thresholded normalised map as a predicted
 * mask ({@link PixelAgreement}, the seed study's Algorithm 2) and the pointing game (is the map's
 * maximum on the defect?). A heatmap of another size than the mask is resampled to the mask first.
 */
public final class MaskAgreement {
    /** The seed study's threshold on the normalised map. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private MaskAgreement() {
    }

    /** Pixels with normalised value {@code >= threshold} are predicted defect. */
    public static PixelAgreement of(Heatmap heatmap, BinaryMask mask, double threshold) {
        Heatmap h = fit(heatmap, mask);
        return of(h.normalized(), mask, threshold);
    }

    /** Agreement of a map in [0, 1] of the mask's size (row by row) with the mask. */
    public static PixelAgreement of(float[] map, BinaryMask mask, double threshold) {
        if (map.length != mask.width() * mask.height()) {
            throw new IllegalArgumentException("map of " + map.length + " values does not fit a "
                    + mask.width() + "x" + mask.height() + " mask");
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        int w = mask.width();
        for (int i = 0; i < map.length; i++) {
            boolean predicted = map[i] >= threshold;
            boolean truth = mask.get(i % w, i / w);
            if (predicted && truth) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (truth) {
                fn++;
            } else {
                tn++;
            }
        }
        return new PixelAgreement(tp, fp, fn, tn);
    }

    /**
     * The pointing game: true when the pixel of the largest normalised value (the first one in row
     * order on ties) lies in the mask. A degenerate heatmap never hits.
     */
    public static boolean pointingGameHit(Heatmap heatmap, BinaryMask mask) {
        if (heatmap.isDegenerate()) {
            return false;
        }
        float[] map = fit(heatmap, mask).normalized();
        int best = 0;
        for (int i = 1; i < map.length; i++) {
            if (map[i] > map[best]) {
                best = i;
            }
        }
        return mask.get(best % mask.width(), best / mask.width());
    }

    private static Heatmap fit(Heatmap h, BinaryMask mask) {
        return h.width() == mask.width() && h.height() == mask.height() ? h : h.atSize(mask.width(), mask.height());
    }
}
