package defectlens.wafer.explain;

import defectlens.wafer.InverseRadonTransform;
import defectlens.wafer.RadonCentre;
import defectlens.wafer.RadonGeometry;
import defectlens.wafer.Sinogram;
import defectlens.wafer.WaferInputEncoder;

/**
 * Maps relevance on the 64x64 network input of a sinogram model back onto the 64x64 wafer grid, in two
 * steps:
 *
 * <ol>
 *   <li>Undo the encoder's resampling ({@link WaferInputEncoder#toNetworkInput}): every input pixel was a
 *       linear interpolation of (up to) two detector bins, and of two angle rows when the sinogram does
 *       not have 64 angles. Its relevance goes back to those bins with the same interpolation weights (the
 *       transposed resampling). The weights of each input pixel sum to 1, so this step conserves relevance.
 *       The encoder's 1/64 value scale is not applied: relevance is additive, not a value.
 *   <li>Filtered back-projection ({@link InverseRadonTransform}, ramp filter, same geometric centre as the
 *       encoder's forward transform) of the {@code angles x 91} relevance sinogram. Back-projection is not
 *       a conservative map: {@link WaferRelevance} reports its total beside the input relevance total.
 * </ol>
 * Immutable and thread-safe.
 */
public final class SinogramRelevanceProjector {
    private final RadonGeometry geometry;
    private final InverseRadonTransform inverse;

    public SinogramRelevanceProjector(int angles) {
        this.geometry = new RadonGeometry(WaferInputEncoder.SIZE, angles, RadonCentre.GEOMETRIC);
        this.inverse = new InverseRadonTransform(geometry);
    }

    public RadonGeometry geometry() {
        return geometry;
    }

    /** The {@code angles x detectors} sinogram relevance of a row-major 64x64 network-input relevance. */
    public Sinogram toSinogram(float[] inputRelevance) {
        int size = WaferInputEncoder.SIZE;
        if (inputRelevance.length != size * size) {
            throw new IllegalArgumentException("input relevance needs 64x64 values, got " + inputRelevance.length);
        }
        int angles = geometry.angles();
        int p = geometry.detectorSize();
        // columns: input column c sits at detector position c * (p - 1) / 63 (end bins aligned)
        float[] rows = new float[size * p];
        for (int c = 0; c < size; c++) {
            double pos = (double) c * (p - 1) / (size - 1);
            int d0 = (int) Math.floor(pos);
            double f = pos - d0;
            int d1 = Math.min(d0 + 1, p - 1);
            for (int r = 0; r < size; r++) {
                float v = inputRelevance[r * size + c];
                rows[r * p + d0] += (float) ((1 - f) * v);
                rows[r * p + d1] += (float) (f * v);
            }
        }
        if (angles == size) {
            return new Sinogram(angles, p, rows);
        }
        float[] out = new float[angles * p];
        for (int r = 0; r < size; r++) {
            double pos = (double) r * (angles - 1) / (size - 1);
            int a0 = (int) Math.floor(pos);
            double f = pos - a0;
            int a1 = Math.min(a0 + 1, angles - 1);
            for (int d = 0; d < p; d++) {
                float v = rows[r * p + d];
                out[a0 * p + d] += (float) ((1 - f) * v);
                out[a1 * p + d] += (float) (f * v);
            }
        }
        return new Sinogram(angles, p, out);
    }

    /** The wafer-grid relevance (row-major 64x64) of a 64x64 network-input relevance. */
    public float[] toWafer(float[] inputRelevance) {
        return inverse.reconstruct(toSinogram(inputRelevance));
    }
}
