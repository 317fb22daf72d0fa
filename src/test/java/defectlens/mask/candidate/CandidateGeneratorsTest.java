package defectlens.mask.candidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.dataset.CarinthiaClass;
import defectlens.dataset.SemImageSynthesizer;
import defectlens.dataset.SyntheticSemImage;
import defectlens.explain.Heatmap;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each candidate generator on generated line/space images with exact masks: the IoU it reaches must clear a floor
 * that an empty, full or misplaced candidate cannot, and a defect-free frame must stay (nearly) empty.
 */
class CandidateGeneratorsTest {
    private static final SemImageSynthesizer SYNTH = new SemImageSynthesizer(240);
    private static final List<CarinthiaClass> CLEAR = List.of(CarinthiaClass.SINGLE_BRIDGE,
            CarinthiaClass.LINE_COLLAPSE, CarinthiaClass.MULTI_BRIDGE);

    static double iou(BinaryMask a, BinaryMask b) {
        long both = 0;
        long any = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (a.get(x, y) && b.get(x, y)) {
                    both++;
                }
                if (a.get(x, y) || b.get(x, y)) {
                    any++;
                }
            }
        }
        return any == 0 ? 1 : (double) both / any;
    }

    static ImageRaster image(SyntheticSemImage s) {
        return ImageRaster.gray8(s.width(), s.height(), s.image());
    }

    static BinaryMask truth(SyntheticSemImage s) {
        return BinaryMask.fromRaster(ImageRaster.gray8(s.width(), s.height(), s.mask()));
    }

    private double meanIou(CandidateGenerator g, java.util.function.Function<BinaryMask, CandidateHints> hints) {
        double sum = 0;
        int n = 0;
        for (CarinthiaClass c : CLEAR) {
            for (long seed = 1; seed <= 3; seed++) {
                SyntheticSemImage s = SYNTH.synthesize(seed * 31 + c.label(), c);
                BinaryMask t = truth(s);
                BinaryMask m = g.generate(image(s), hints.apply(t));
                assertEquals(s.width(), m.width());
                sum += iou(m, t);
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void linesFindsBridgesAndCollapses() {
        double iou = meanIou(new LineSpaceCandidate(), t -> CandidateHints.NONE);
        assertTrue(iou > 0.3, "mean IoU " + iou);
    }

    @Test
    void linesLeavesAnAlignedDefectFreeFrameNearlyEmpty() {
        SyntheticSemImage s = SYNTH.synthesize(5, CarinthiaClass.SINGLE_BRIDGE, false);
        BinaryMask m = new LineSpaceCandidate().generate(image(s), CandidateHints.NONE);
        assertTrue(m.area() < 0.002 * s.width() * s.height(), "area " + m.area());
    }

    @Test
    void linesOnAFlatImageIsEmpty() {
        BinaryMask m = new LineSpaceCandidate().generate(ImageRaster.gray8(64, 64, new byte[64 * 64]),
                CandidateHints.NONE);
        assertTrue(m.isEmpty());
    }

    @Test
    void heatmapKeepsTheLargestComponentAboveTheThreshold() {
        double iou = meanIou(new HeatmapCandidate(), t -> new CandidateHints(blurred(t, true), null));
        assertTrue(iou > 0.5, "mean IoU " + iou);
    }

    @Test
    void heatmapWithoutAHeatmapSaysSo() {
        ImageRaster img = ImageRaster.gray8(8, 8, new byte[64]);
        assertThrows(DefectLensException.class, () -> new HeatmapCandidate().generate(img, CandidateHints.NONE));
    }

    @Test
    void grabCutInABoxFollowsTheDefect() {
        double iou = meanIou(new GrabCutCandidate(), t -> new CandidateHints(null, box(t, 8)));
        assertTrue(iou > 0.35, "mean IoU " + iou);
    }

    @Test
    void grabCutSeededByLinesFollowsTheDefect() {
        double iou = meanIou(new GrabCutCandidate(), t -> CandidateHints.NONE);
        assertTrue(iou > 0.35, "mean IoU " + iou);
    }

    /**
     * A heatmap at a quarter of the resolution that is 1 on the mask and falls off around it, plus (when
     * {@code decoy}) a weaker, smaller blob far away that the largest-component rule must drop.
     */
    static Heatmap blurred(BinaryMask t, boolean decoy) {
        int w = t.width() / 4;
        int h = t.height() / 4;
        float[] raw = new float[w * h];
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                if (t.get(x, y)) {
                    raw[(y / 4) * w + x / 4] += 1f / 16;
                }
            }
        }
        if (decoy) {
            CandidateHints.SeedBox b = box(t, 0);
            int dx = b.x() / 4 < w / 2 ? w - 3 : 1;
            int dy = b.y() / 4 < h / 2 ? h - 3 : 1;
            raw[dy * w + dx] = 0.9f;
        }
        return Heatmap.of("test", 0, "defect", 1, raw, w, h, false, t.width(), t.height());
    }

    /** The mask's bounding box grown by {@code margin} pixels. */
    static CandidateHints.SeedBox box(BinaryMask t, int margin) {
        int x0 = t.width();
        int y0 = t.height();
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                if (t.get(x, y)) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return new CandidateHints.SeedBox(x0 - margin, y0 - margin, x1 - x0 + 1 + 2 * margin,
                y1 - y0 + 1 + 2 * margin);
    }
}
