package defectlens.wafer.features;

/**
 * The 40 Radon features of a map: per detector position of its {@link CircleRadon} sinogram, the mean and the
 * (population) standard deviation over the angles, each profile resampled to {@value #POINTS} points by
 * {@link SplineResampler} and divided by 100. Order: the 20 means, then the 20 standard deviations.
 */
public final class RadonProfiles {
    /** Points per profile. */
    public static final int POINTS = 20;

    private RadonProfiles() {
    }

    /** The two profiles before resampling: {@code {means, standard deviations}}, one value per detector bin. */
    public static double[][] profiles(byte[] dies, int h, int w) {
        double[] sinogram = CircleRadon.sinogram(dies, h, w);
        int n = CircleRadon.detectorSize(h, w);
        int angles = CircleRadon.angles(h, w);
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int c = 0; c < n; c++) {
            int base = c * angles;
            double s = 0;
            for (int a = 0; a < angles; a++) {
                s += sinogram[base + a];
            }
            double m = s / angles;
            double q = 0;
            for (int a = 0; a < angles; a++) {
                double d = sinogram[base + a] - m;
                q += d * d;
            }
            mean[c] = m;
            std[c] = Math.sqrt(q / angles);
        }
        return new double[][] {mean, std};
    }

    /** Writes the 40 features of a row-major {@code h x w} die grid into {@code out[offset ...]}. */
    static void compute(byte[] dies, int h, int w, double[] out, int offset) {
        double[][] p = profiles(dies, h, w);
        for (int k = 0; k < 2; k++) {
            double[] r = SplineResampler.resample(p[k], POINTS);
            for (int i = 0; i < POINTS; i++) {
                out[offset + k * POINTS + i] = r[i] / 100;
            }
        }
    }
}
