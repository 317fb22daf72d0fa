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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sam2} generator on the stand-in TorchScript export (src/test/resources/model/sam2-standin, made by its
 * make_standin.py with torch 1.13): the stand-in answers the box, or a disc of radius 24/1024 of the image around
 * the first point, so the tests see which prompt DefectLens sent and that the mask comes back at the image's size.
 */
class Sam2CandidateTest {
    private static final Path STANDIN = Path.of("src/test/resources/model/sam2-standin");
    private static Sam2Candidate sam;

    @BeforeAll
    static void load() {
        sam = Sam2Candidate.open(STANDIN);
    }

    @AfterAll
    static void close() {
        sam.close();
    }

    private static ImageRaster grey(int w, int h) {
        byte[] b = new byte[w * h];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (40 + (i % w) / 4);
        }
        return ImageRaster.gray8(w, h, b);
    }

    @Test
    void aBoxPromptGivesTheBox() {
        BinaryMask m = sam.generate(grey(256, 192), new CandidateHints(null, new CandidateHints.SeedBox(40, 60,
                100, 50)));
        assertEquals(256, m.width());
        assertEquals(192, m.height());
        BinaryMask box = box(256, 192, 40, 60, 100, 50);
        double iou = CandidateGeneratorsTest.iou(m, box);
        assertTrue(iou > 0.8, "IoU with the box " + iou);
    }

    @Test
    void aHeatmapHintPromptsAtItsPeak() {
        float[] raw = new float[16 * 16];
        raw[5 * 16 + 12] = 1f;
        raw[5 * 16 + 11] = 0.5f;
        Heatmap heat = Heatmap.of("gradcam", 0, "thin_bridge", 0.9, raw, 16, 16, false, 256, 256);
        int[] peak = Sam2Candidate.peak(heat, 256, 256);
        assertTrue(Math.abs(peak[0] - 12.5 * 16) <= 12 && Math.abs(peak[1] - 5.5 * 16) <= 12,
                "peak " + peak[0] + "," + peak[1]);
        BinaryMask m = sam.generate(grey(256, 256), new CandidateHints(heat, null));
        assertTrue(m.get(peak[0], peak[1]), "the disc holds the prompt point");
        double r = 24.0 / 1024 * 256;
        assertTrue(Math.abs(m.area() - Math.PI * r * r) < 0.5 * Math.PI * r * r, "area " + m.area());
        assertTrue(!m.get(peak[0] - 20, peak[1]) && !m.get(20, 200), "nothing far from the point");
    }

    @Test
    void withoutHintsItPointsIntoTheLinesCandidate() {
        SyntheticSemImage s = new SemImageSynthesizer(240).synthesize(31 + 1, CarinthiaClass.SINGLE_BRIDGE);
        ImageRaster image = CandidateGeneratorsTest.image(s);
        BinaryMask lines = new LineSpaceCandidate().generate(image, CandidateHints.NONE);
        List<int[]> points = sam.points(image, CandidateHints.NONE);
        assertTrue(!points.isEmpty() && points.size() <= Sam2Candidate.MAX_POINTS);
        for (int[] p : points) {
            assertTrue(lines.get(p[0], p[1]), "a prompt point lies inside a lines component");
        }
        BinaryMask m = sam.generate(image, CandidateHints.NONE);
        assertTrue(m.get(points.get(0)[0], points.get(0)[1]));
    }

    @Test
    void noPromptNoCandidate() {
        BinaryMask m = sam.generate(ImageRaster.gray8(64, 64, new byte[64 * 64]), CandidateHints.NONE);
        assertTrue(m.isEmpty());
    }

    @Test
    void aFolderWithoutAnExportIsAClearError(@TempDir Path tmp) throws Exception {
        DefectLensException none = assertThrows(DefectLensException.class, () -> Sam2Candidate.open(tmp));
        assertTrue(none.getMessage().contains("no TorchScript"), none.getMessage());
        Path missing = tmp.resolve("missing");
        assertThrows(DefectLensException.class, () -> Sam2Candidate.open(missing));
        Files.writeString(tmp.resolve("junk.pt"), "not a TorchScript archive");
        DefectLensException junk = assertThrows(DefectLensException.class, () -> Sam2Candidate.open(tmp));
        assertTrue(junk.getMessage().contains("junk.pt"), junk.getMessage());
    }

    private static BinaryMask box(int w, int h, int x0, int y0, int bw, int bh) {
        boolean[] fg = new boolean[w * h];
        for (int y = y0; y < y0 + bh; y++) {
            for (int x = x0; x < x0 + bw; x++) {
                fg[y * w + x] = true;
            }
        }
        return new BinaryMask(w, h, fg);
    }
}
