package defectlens.wafer;

/**
 * Inverse Radon transform by filtered back-projection with the ramp filter, following
 * {@code skimage.transform.iradon(sinogram, theta, output_size=side, filter_name="ramp",
 * interpolation="linear", circle=False)}; it maps sinogram-space relevance back onto the wafer.
 *
 * <p>scikit-image multiplies each zero-padded projection by the Fourier transform of the band-limited ramp
 * kernel {@code h(0) = 1/2, h(d) = -2 / (pi d)^2} for odd {@code d}, 0 for even {@code d} (Kak and Slaney,
 * eq. 61). Because that kernel is real and even and the padding is at least twice the projection, the
 * product equals the linear convolution with {@code h}, which is what this class computes directly. The
 * filtered projections are back-projected with linear interpolation (zero beyond the outer bins) at
 * {@code t = (col - c) cos(theta) - (row - c) sin(theta)} and scaled by {@code pi / (2 * angles)}. The
 * centres come from the same {@link RadonGeometry} as the forward transform, so {@link RadonCentre#GEOMETRIC}
 * maps round-trip without a half-pixel shift. Immutable and thread-safe.
 */
public final class InverseRadonTransform {
    private final RadonGeometry geometry;
    private final float[] ramp;

    public InverseRadonTransform(RadonGeometry geometry) {
        this.geometry = geometry;
        int p = geometry.detectorSize();
        this.ramp = new float[p];
        ramp[0] = 0.5f;
        for (int d = 1; d < p; d += 2) {
            ramp[d] = (float) (-2.0 / ((Math.PI * d) * (Math.PI * d)));
        }
    }

    public RadonGeometry geometry() {
        return geometry;
    }

    /** Reconstructs a row-major {@code side x side} map from a sinogram of this geometry. */
    public float[] reconstruct(Sinogram sinogram) {
        int p = geometry.detectorSize();
        int angles = geometry.angles();
        if (sinogram.angles() != angles || sinogram.detectors() != p) {
            throw new IllegalArgumentException("sinogram is " + sinogram.angles() + "x" + sinogram.detectors()
                    + ", the geometry expects " + angles + "x" + p);
        }
        float[] filtered = filter(sinogram.values(), angles, p);
        int n = geometry.side();
        double c0 = geometry.imageCentre();
        double d0 = geometry.detectorCentre();
        double[] acc = new double[n * n];
        for (int a = 0; a < angles; a++) {
            double cos = geometry.cos(a);
            double sin = geometry.sin(a);
            int base = a * p;
            for (int r = 0; r < n; r++) {
                double rowTerm = -(r - c0) * sin + d0;
                for (int c = 0; c < n; c++) {
                    double pos = (c - c0) * cos + rowTerm;
                    if (pos < 0 || pos > p - 1) {
                        continue;
                    }
                    int i0 = (int) Math.floor(pos);
                    double f = pos - i0;
                    double v = i0 >= p - 1 ? filtered[base + p - 1]
                            : (1 - f) * filtered[base + i0] + f * filtered[base + i0 + 1];
                    acc[r * n + c] += v;
                }
            }
        }
        float[] out = new float[n * n];
        double scale = Math.PI / (2.0 * angles);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (acc[i] * scale);
        }
        return out;
    }

    /** Ramp-filters every projection (linear convolution with the kernel h along the detector axis). */
    private float[] filter(float[] values, int angles, int p) {
        float[] out = new float[values.length];
        for (int a = 0; a < angles; a++) {
            int base = a * p;
            for (int i = 0; i < p; i++) {
                double s = 0.0;
                for (int j = 0; j < p; j++) {
                    s += values[base + j] * ramp[Math.abs(i - j)];
                }
                out[base + i] = (float) s;
            }
        }
        return out;
    }
}
