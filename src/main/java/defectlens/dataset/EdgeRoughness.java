package defectlens.dataset;

import java.util.SplittableRandom;

/**
 * Line-edge roughness: a smooth random offset (in pixels) of one line edge along its length, made
 * by low-pass filtering white noise so that neighbouring rows move together like a real resist edge.
 */
final class EdgeRoughness {
    private EdgeRoughness() {
    }

    /**
     * A profile of {@code length} offsets with the given standard deviation (pixels) and correlation
     * length (pixels, the radius of the smoothing box applied three times).
     */
    static double[] profile(SplittableRandom rnd, int length, double sigma, int correlation) {
        int r = Math.max(1, correlation);
        double[] v = new double[length + 2 * r];
        for (int i = 0; i < v.length; i++) {
            v[i] = gaussian(rnd);
        }
        for (int pass = 0; pass < 3; pass++) {
            v = boxSmooth(v, r);
        }
        double[] out = new double[length];
        double mean = 0;
        for (int i = 0; i < length; i++) {
            out[i] = v[i + r];
            mean += out[i];
        }
        mean /= Math.max(1, length);
        double var = 0;
        for (int i = 0; i < length; i++) {
            out[i] -= mean;
            var += out[i] * out[i];
        }
        double sd = Math.sqrt(var / Math.max(1, length));
        double k = sd > 1e-9 ? sigma / sd : 0;
        for (int i = 0; i < length; i++) {
            out[i] *= k;
        }
        return out;
    }

    /** A standard normal draw (Box-Muller) from a splittable generator. */
    static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    private static double[] boxSmooth(double[] v, int r) {
        double[] out = new double[v.length];
        double sum = 0;
        int n = v.length;
        for (int i = -r; i <= r; i++) {
            sum += v[Math.floorMod(i, n)];
        }
        for (int i = 0; i < n; i++) {
            out[i] = sum / (2 * r + 1);
            sum += v[Math.floorMod(i + r + 1, n)] - v[Math.floorMod(i - r, n)];
        }
        return out;
    }
}
