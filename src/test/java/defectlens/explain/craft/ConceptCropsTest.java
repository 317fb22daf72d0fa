package defectlens.explain.craft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.explain.FitProgress;
import defectlens.explain.SyntheticSem;
import defectlens.explain.TinyCnn;
import defectlens.image.ImageRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** The gallery's typical crops: the crops with the highest coefficient on each concept, highest first. */
class ConceptCropsTest {
    @Test
    void typicalCropsAreTheHighestCoefficientsOfAllCropsPerConcept() {
        List<ImageRaster> images = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            images.add(SyntheticSem.image(48, 10 + 5 * i, 30 - 3 * i, 4, i));
        }
        CraftOptions options = new CraftOptions(24, 0.8, 3, 100, 3L, 8, 1, 16, ActivationPolicy.RELU);
        try (TinyCnn model = new TinyCnn()) {
            ConceptBank bank = new ConceptBankFitter(options).fit(model, "tiny", 0, images, FitProgress.SILENT, () -> false);
            List<List<ConceptCrops.Crop>> typical = ConceptCrops.typical(model, bank, images, 4, 5, FitProgress.SILENT,
                    () -> false);
            assertEquals(bank.rank(), typical.size());
            // every crop of every image, scored the same way, for reference
            List<ImageRaster> all = new ArrayList<>();
            for (ImageRaster im : images) {
                all.addAll(new CropSampler(24, 0.8).crops(im));
            }
            float[] u = ConceptCrops.coefficients(model, bank, all, NonNegativeLeastSquares.defaults());
            for (int c = 0; c < bank.rank(); c++) {
                List<ConceptCrops.Crop> top = typical.get(c);
                assertEquals(4, top.size());
                for (int i = 1; i < top.size(); i++) {
                    assertTrue(top.get(i - 1).coefficient() >= top.get(i).coefficient(), "sorted, highest first");
                }
                float best = 0;
                for (int i = 0; i < all.size(); i++) {
                    best = Math.max(best, u[i * bank.rank() + c]);
                }
                assertEquals(best, top.get(0).coefficient(), 1e-3 * Math.max(1, best), "concept " + c);
                assertEquals(24, top.get(0).image().width());
            }
            assertThrows(CancellationException.class, () -> ConceptCrops.typical(model, bank, images, 4, 5,
                    FitProgress.SILENT, () -> true));
        }
    }
}
