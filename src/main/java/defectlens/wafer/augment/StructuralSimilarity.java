package defectlens.wafer.augment;

/**
 * The mean structural similarity (SSIM) of two grey images, ported from scikit-image 0.19's
 * {@code skimage.metrics.structural_similarity} with its defaults: {@code win_size = 7}, {@code gaussian_weights
 * = False} (a 7 x 7 uniform window), {@code K1 = 0.01}, {@code K2 = 0.03}, {@code use_sample_covariance = True}
 * (variances scaled by 49 / 48), and the caller's {@code data_range}. As there, the SSIM map is computed with the
 * window inside the image and its mean is taken over the pixels at least 3 from every border, so the filter's edge
 * mode never matters. OpenCV's Java build has no SSIM (it lives in the contrib {@code quality} module, which
 * {@code org.openpnp:opencv} does not ship) and Commons Math has none, hence this port; its golden values come
 * from scikit-image ({@code src/test/resources/wafer/ssim/make_ssim_golden.py}).
 */
public final class StructuralSimilarity {
    /** The side of the square window. */
    public static final int WINDOW = 7;
    private static final double K1 = 0.01;
    private static final double K2 = 0.03;

    private StructuralSimilarity() {
    }

    /**
     * The mean SSIM of two row-major images of {@code rows x cols} values.
     *
     * @param dataRange the range of the values (scikit-image's {@code data_range}), e.g. 2 for die states 0/1/2
     */
    public static double mean(double[] a, double[] b, int rows, int cols, double dataRange) {
        if (a.length != rows * cols || b.length != rows * cols) {
            throw new IllegalArgumentException("images of " + a.length + " and " + b.length + " values are not "
                    + rows + " x " + cols);
        }
        if (rows < WINDOW || cols < WINDOW) {
            throw new IllegalArgumentException("SSIM needs images of at least " + WINDOW + " x " + WINDOW + ", not "
                    + rows + " x " + cols);
        }
        if (!(dataRange > 0)) {
            throw new IllegalArgumentException("data range must be positive: " + dataRange);
        }
        int np = WINDOW * WINDOW;
        double covNorm = np / (np - 1.0);
        double c1 = (K1 * dataRange) * (K1 * dataRange);
        double c2 = (K2 * dataRange) * (K2 * dataRange);
        int half = WINDOW / 2;
        double sum = 0;
        int count = 0;
        for (int r = half; r < rows - half; r++) {
            for (int c = half; c < cols - half; c++) {
                double sa = 0;
                double sb = 0;
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                for (int i = r - half; i <= r + half; i++) {
                    int base = i * cols;
                    for (int j = c - half; j <= c + half; j++) {
                        double x = a[base + j];
                        double y = b[base + j];
                        sa += x;
                        sb += y;
                        saa += x * x;
                        sbb += y * y;
                        sab += x * y;
                    }
                }
                double ux = sa / np;
                double uy = sb / np;
                double vx = covNorm * (saa / np - ux * ux);
                double vy = covNorm * (sbb / np - uy * uy);
                double vxy = covNorm * (sab / np - ux * uy);
                double num = (2 * ux * uy + c1) * (2 * vxy + c2);
                double den = (ux * ux + uy * uy + c1) * (vx + vy + c2);
                sum += num / den;
                count++;
            }
        }
        return sum / count;
    }
}
