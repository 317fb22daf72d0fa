package defectlens.explain.metrics;

import defectlens.image.ArgbImage;
import defectlens.image.BinaryMask;

/**
 * The seed study's Algorithm 3 for coloured concept overlays: a pixel of a rendered picture (an
 * overlay, or an overlay blended over the image) counts as predicted defect when its colour is
 * within {@code tolerance} (largest per-channel difference, 0 to 255) of one of the concept colours;
 * the prediction is then scored against the mask like a thresholded heatmap.
 */
public final class ColourMatchAgreement {
    private ColourMatchAgreement() {
    }

    /** Agreement of the colour-matched pixels of {@code picture} with {@code mask} (same size). */
    public static PixelAgreement of(ArgbImage picture, int[] colours, int tolerance, BinaryMask mask) {
        if (picture.width() != mask.width() || picture.height() != mask.height()) {
            throw new IllegalArgumentException("picture " + picture.width() + "x" + picture.height()
                    + " does not match the " + mask.width() + "x" + mask.height() + " mask");
        }
        float[] predicted = new float[picture.width() * picture.height()];
        for (int i = 0; i < predicted.length; i++) {
            int p = picture.pixels()[i];
            if ((p >>> 24) == 0) {
                continue;
            }
            for (int c : colours) {
                if (distance(p, c) <= tolerance) {
                    predicted[i] = 1f;
                    break;
                }
            }
        }
        return MaskAgreement.of(predicted, mask, 0.5);
    }

    /** Largest absolute difference of the red, green and blue channels. */
    static int distance(int a, int b) {
        int dr = Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF));
        int dg = Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF));
        int db = Math.abs((a & 0xFF) - (b & 0xFF));
        return Math.max(dr, Math.max(dg, db));
    }
}
