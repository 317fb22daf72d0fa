package defectlens.wafer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.wafer.RadonCentre;
import defectlens.wafer.RadonGeometry;
import defectlens.wafer.RadonTransform;
import defectlens.wafer.Sinogram;
import defectlens.wafer.WaferInputEncoder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LrpSinogramProjectionTest {
    /** <encode(s), R> = <s, toSinogram(R)> / 64: the relevance mapping is the transposed resampling. */
    @Test
    void undoingTheResamplingIsTheTransposeOfTheEncoderAndConservesRelevance() {
        Random random = new Random(1);
        for (int angles : new int[] {64, 180}) {
            SinogramRelevanceProjector projector = new SinogramRelevanceProjector(angles);
            int p = projector.geometry().detectorSize();
            float[] s = new float[angles * p];
            float[] r = new float[64 * 64];
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) random.nextGaussian();
            }
            double rSum = 0;
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) random.nextGaussian();
                rSum += r[i];
            }
            float[] encoded = WaferInputEncoder.toNetworkInput(new Sinogram(angles, p, s));
            Sinogram back = projector.toSinogram(r);
            double left = 0;
            double right = 0;
            double backSum = 0;
            for (int i = 0; i < r.length; i++) {
                left += encoded[i] * r[i];
            }
            for (int i = 0; i < s.length; i++) {
                right += s[i] * back.values()[i];
                backSum += back.values()[i];
            }
            assertEquals(left * 64, right, 1e-3 * (1 + Math.abs(right)), angles + " angles");
            assertEquals(rSum, backSum, 1e-3, "relevance conserved over the resampling, " + angles + " angles");
        }
    }

    /** Relevance shaped like the sinogram of a compact defect back-projects onto that defect. */
    @Test
    void relevanceShapedLikeADefectsSinogramLandsOnTheDefect() {
        float[] map = new float[64 * 64];
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                if (Math.hypot(r - 20, c - 42) < 5) {
                    map[r * 64 + c] = 1f;
                }
            }
        }
        RadonTransform radon = new RadonTransform(new RadonGeometry(64, 64, RadonCentre.GEOMETRIC));
        float[] input = WaferInputEncoder.toNetworkInput(radon.forward(map));
        float[] wafer = new SinogramRelevanceProjector(64).toWafer(input);
        double on = 0;
        double all = 0;
        for (int i = 0; i < wafer.length; i++) {
            if (wafer[i] > 0) {
                all += wafer[i];
                on += map[i] > 0 ? wafer[i] : 0;
            }
        }
        // the defect covers 2 % of the grid
        assertTrue(on / all > 0.5, "share of positive back-projected relevance on the defect: " + on / all);
    }
}
