package defectlens.explain.metrics;

import defectlens.explain.Heatmap;
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

    /** The pointing game's usual tolerance (Zhang et al., ECCV 2016 / IJCV 2018): 15 pixels. */
    public static final int POINTING_TOLERANCE = 15;

    /** The pointing game with the usual 15-pixel tolerance. */
    public static boolean pointingGameHit(Heatmap heatmap, BinaryMask mask) {
        return pointingGameHit(heatmap, mask, POINTING_TOLERANCE);
    }

    /**
     * The pointing game (Zhang et al.): true when the map's maximum lies within {@code tolerance} pixels
     * (Euclidean, at the mask's resolution) of a mask pixel; 0 asks for the maximum itself to be in the
     * mask. The maximum of an upsampled coarse map is often a plateau of equal values: its point is then
     * the plateau pixel nearest to the plateau's centroid, not the first one in row order. A degenerate
     * heatmap never hits.
     */
    public static boolean pointingGameHit(Heatmap heatmap, BinaryMask mask, int tolerance) {
        if (tolerance < 0) {
            throw new IllegalArgumentException("pointing-game tolerance must be >= 0 pixels: " + tolerance);
        }
        if (heatmap.isDegenerate()) {
            return false;
        }
        int w = mask.width();
        int point = maximumPoint(fit(heatmap, mask).normalized(), w);
        int px = point % w;
        int py = point / w;
        long t2 = (long) tolerance * tolerance;
        for (int y = Math.max(0, py - tolerance); y <= Math.min(mask.height() - 1, py + tolerance); y++) {
            for (int x = Math.max(0, px - tolerance); x <= Math.min(w - 1, px + tolerance); x++) {
                long dx = x - px;
                long dy = y - py;
                if (dx * dx + dy * dy <= t2 && mask.get(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The index of the maximum; among equal maxima the one nearest to their centroid. */
    static int maximumPoint(float[] map, int width) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : map) {
            max = Math.max(max, v);
        }
        double cx = 0;
        double cy = 0;
        int n = 0;
        for (int i = 0; i < map.length; i++) {
            if (map[i] == max) {
                int row = i / width;
                cx += i % width;
                cy += row;
                n++;
            }
        }
        cx /= n;
        cy /= n;
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < map.length; i++) {
            if (map[i] == max) {
                int row = i / width;
                int col = i % width;
                double dx = col - cx;
                double dy = row - cy;
                double d = dx * dx + dy * dy;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
        }
        return best;
    }

    private static Heatmap fit(Heatmap h, BinaryMask mask) {
        return h.width() == mask.width() && h.height() == mask.height() ? h : h.atSize(mask.width(), mask.height());
    }
}
