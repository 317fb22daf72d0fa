package defectlens.explain.craft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.explain.Heatmap;
import defectlens.explain.SyntheticSem;
import defectlens.explain.TinyCnn;
import defectlens.explain.metrics.ColourMatchAgreement;
import defectlens.explain.metrics.PixelAgreement;
import defectlens.image.ImageRaster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRAFT end to end on the tiny test CNN. */
class CraftTest {
    private static TinyCnn model;
    private static final List<ImageRaster> IMAGES = new ArrayList<>();
    private static final CraftOptions OPTIONS = new CraftOptions(24, 0.8, 4, 150, 3L, 32, 2, 16, ActivationPolicy.RELU);

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        model = new TinyCnn();
        for (int i = 0; i < 6; i++) {
            IMAGES.add(SyntheticSem.image(48, 10 + 5 * i, 30 - 3 * i, 4, i));
        }
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    @Test
    void cropsFollowTheStrideAndCoverTheImage() {
        CropSampler s = new CropSampler(24, 0.8);
        assertEquals(19, s.stride());
        assertEquals(List.of(0, 19, 24), s.offsets(48));
        assertEquals(List.of(0), s.offsets(20));
        List<ImageRaster> crops = s.crops(IMAGES.get(0));
        assertEquals(9, crops.size());
        assertEquals(IMAGES.get(0).sample(24 + 3, 19 + 5, 0), crops.get(5).sample(3, 5, 0));
    }

    @Test
    void fitsABankExplainsAndRoundTripsThroughAFolder() {
        List<String> stages = new ArrayList<>();
        ConceptBank bank = new ConceptBankFitter(OPTIONS).fit(model, "tiny", 0, IMAGES,
                new Progress() {
                    @Override
                    public void update(double fraction, String stage) {
                        stages.add(stage);
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
        assertEquals(4, bank.rank());
        assertEquals(8, bank.channels());
        assertEquals(54, bank.crops());
        assertEquals("bridge", bank.className());
        assertTrue(stages.contains("crops") && stages.contains("importance"), stages.toString());
        assertTrue(bank.reconstructionError() < 0.2, "NMF relative error " + bank.reconstructionError());
        double total = 0;
        for (double v : bank.importance()) {
            assertTrue(v >= 0 && Double.isFinite(v));
            total += v;
        }
        assertTrue(total > 0, "some concept matters");
        System.out.printf("CRAFT tiny: NMF error %.4f after %d iterations, importance %s%n", bank.reconstructionError(),
                bank.nmfIterations(), java.util.Arrays.toString(bank.importance()));

        CraftExplainer craft = new CraftExplainer(c -> c == 0 ? bank : null);
        Heatmap h = craft.explain(model, IMAGES.get(1), 0);
        assertEquals("craft", h.method());
        assertEquals(48, h.width());
        assertEquals(32, h.rawWidth(), "crop-level maps: 16 cells per 24 px crop over 48 px, twice the 16 of the image");
        assertFalse(h.isDegenerate(), h.toString());
        Heatmap coarse = new CraftExplainer(c -> bank, CraftExplainer.Resolution.FEATURES).explain(model, IMAGES.get(1), 0);
        assertEquals("craft-features", coarse.method());
        assertEquals(16, coarse.rawWidth(), "the whole image's feature map");
        ConceptMaps maps = craft.conceptMaps(model, IMAGES.get(1), 0);
        assertEquals(32 * 32 * 4, maps.coefficients().length);
        double[] share = ConceptShares.of(maps, SyntheticSem.mask(48, 15, 27, 4));
        double sum = 0;
        for (double v : share) {
            assertTrue(v >= 0 && v <= 1);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-9, "the concepts' shares of the attribution on the mask add up to 1");
        for (float v : maps.coefficients()) {
            assertTrue(v >= 0);
        }
        int top = bank.byImportance()[0];
        assertEquals("craft-concept-" + top, maps.conceptHeatmap(top, 48, 48).method());

        ConceptOverlay overlay = new ConceptOverlay(maps, 2, 0.5, 48, 48);
        assertEquals(top, overlay.shown()[0]);
        defectlens.image.ArgbImage picture = overlay.render();
        int drawn = 0;
        for (int px : picture.pixels()) {
            if ((px >>> 24) != 0) {
                drawn++;
                assertTrue((px & 0xFFFFFF) == ConceptOverlay.PALETTE[0] || (px & 0xFFFFFF) == ConceptOverlay.PALETTE[1]);
            }
        }
        assertTrue(drawn > 0 && drawn < 48 * 48, "some but not all pixels carry a concept: " + drawn);
        PixelAgreement colourMatch = ColourMatchAgreement.of(picture, overlay.colours(), 10,
                SyntheticSem.mask(48, 15, 27, 4));
        assertEquals(drawn, colourMatch.truePositives() + colourMatch.falsePositives());

        Path folder = ConceptBank.folderFor(tmp, "Tiny CNN", "bridge");
        assertTrue(folder.endsWith(Path.of("tiny_cnn", "bridge")));
        bank.save(folder);
        ConceptBank back = ConceptBank.load(folder);
        assertArrayEquals(bank.concepts(), back.concepts(), 0f);
        assertArrayEquals(bank.importance(), back.importance(), 0.0);
        assertEquals(bank.policy(), back.policy());
        assertEquals(bank.reconstructionError(), back.reconstructionError(), 0.0);
        assertArrayEquals(h.raw(), new CraftExplainer(c -> back).explain(model, IMAGES.get(1), 0).raw(), 0f);
    }

    @Test
    void shiftPolicyIsRecordedAndMissingBanksAreClearErrors() {
        ConceptBank bank = new ConceptBankFitter(OPTIONS.withPolicy(ActivationPolicy.SHIFT).withConcepts(2))
                .fit(model, "tiny", 2, IMAGES.subList(0, 2), Progress.NONE);
        assertEquals(ActivationPolicy.SHIFT, bank.policy());
        for (float o : bank.offsets()) {
            assertTrue(o <= 0f);
        }
        assertThrows(DefectLensException.class, () -> new CraftExplainer(c -> null).explain(model, IMAGES.get(0), 0));
        assertThrows(DefectLensException.class, () -> ConceptBank.load(tmp.resolve("nothing")));
    }

    @Test
    void fittingCanBeCancelled() {
        assertThrows(CancellationException.class, () -> new ConceptBankFitter(OPTIONS)
                .fit(model, "tiny", 0, IMAGES, Progress.cancelledWhen(() -> true)));
    }
}
