package defectlens.wafer;

/**
 * A Radon transform: {@code angles x detectors} ray sums, angle-major ({@code values[a * detectors + d]}),
 * angle {@code a} at {@code 180 * a / angles} degrees, or at {@code 360 * a / angles} degrees for the
 * {@linkplain #extendedTo360() extended} sinogram. The array is owned by the record (no copies).
 */
public record Sinogram(int angles, int detectors, float[] values) {
    public Sinogram {
        if (angles < 1 || detectors < 1 || values.length != angles * detectors) {
            throw new IllegalArgumentException(
                    "sinogram of " + angles + "x" + detectors + " cannot hold " + values.length + " values");
        }
    }

    public float value(int angle, int detector) {
        return values[angle * detectors + detector];
    }

    /**
     * The sinogram over [0, 360): the first half is this one, the second this one with the detector axis
     * reversed (the ray at {@code theta + 180} is the ray at {@code theta}, seen from the other side).
     * Reversal is about the detector centre, which is the middle bin for {@link RadonCentre#GEOMETRIC}.
     */
    public Sinogram extendedTo360() {
        float[] out = new float[2 * values.length];
        System.arraycopy(values, 0, out, 0, values.length);
        for (int a = 0; a < angles; a++) {
            int dst = (angles + a) * detectors;
            int src = a * detectors;
            for (int d = 0; d < detectors; d++) {
                out[dst + d] = values[src + detectors - 1 - d];
            }
        }
        return new Sinogram(2 * angles, detectors, out);
    }

    /** Circular shift of the angle axis: row {@code a} of the result is row {@code a - shift} of this. */
    public Sinogram shiftAngles(int shift) {
        float[] out = new float[values.length];
        for (int a = 0; a < angles; a++) {
            int src = Math.floorMod(a - shift, angles);
            System.arraycopy(values, src * detectors, out, a * detectors, detectors);
        }
        return new Sinogram(angles, detectors, out);
    }

    /** Angle reversal {@code theta -> offset - theta} (indices modulo {@code angles}). */
    public Sinogram reflectAngles(int offset) {
        float[] out = new float[values.length];
        for (int a = 0; a < angles; a++) {
            int src = Math.floorMod(offset - a, angles);
            System.arraycopy(values, src * detectors, out, a * detectors, detectors);
        }
        return new Sinogram(angles, detectors, out);
    }

    /** The largest absolute value. */
    public float maxAbs() {
        float m = 0f;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
