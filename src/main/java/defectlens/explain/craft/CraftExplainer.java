package defectlens.explain.craft;

import ai.djl.ndarray.NDManager;
import defectlens.core.DefectLensException;
import defectlens.explain.Explainer;
import defectlens.explain.Heatmap;
import defectlens.explain.LayerProbe;
import defectlens.image.ImageRaster;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;
import java.util.function.IntFunction;

/**
 * CRAFT maps for one image: split-layer activations, made non-negative by the bank's policy, are projected onto
 * the class's concept bank by non-negative least squares; each concept's coefficients form its map and the CRAFT
 * heatmap is their importance-weighted sum. By default the activations are those of crops sliding over the image
 * ({@link HolisticConceptMaps}, maps finer than the feature map); {@link Resolution#FEATURES} projects the whole
 * image's feature map instead.
 * The banks come from a lookup by class index (fitted beforehand by {@link ConceptBankFitter}).
 */
public final class CraftExplainer implements Explainer {
    /** How the concept maps are made. */
    public enum Resolution {
        /** From the crop grid ({@link HolisticConceptMaps}): finer than the whole image's feature map. */
        CROPS,
        /** From the whole image's feature map at the split layer (one coefficient vector per feature cell). */
        FEATURES
    }

    private static final int CROP_BATCH = 16;

    private final IntFunction<ConceptBank> banks;
    private final Resolution resolution;
    private final NonNegativeLeastSquares nnls = NonNegativeLeastSquares.defaults();

    /** Concept maps from crops ({@link Resolution#CROPS}). @param banks the bank of a class index, or null */
    public CraftExplainer(IntFunction<ConceptBank> banks) {
        this(banks, Resolution.CROPS);
    }

    /** @param banks the bank of a class index, or null when there is none */
    public CraftExplainer(IntFunction<ConceptBank> banks, Resolution resolution) {
        this.banks = banks;
        this.resolution = resolution;
    }

    @Override
    public String name() {
        return resolution == Resolution.CROPS ? "craft" : "craft-features";
    }

    @Override
    public Heatmap explain(SplitClassifier model, ImageRaster image, int targetClass) {
        return conceptMaps(model, image, targetClass).craftHeatmap(name(), image.width(), image.height());
    }

    /**
     * Every concept's coefficients over the image for the target (or predicted) class: on the crop grid
     * ({@link Resolution#CROPS}) or at the feature cells of the whole image ({@link Resolution#FEATURES}).
     */
    public ConceptMaps conceptMaps(SplitClassifier model, ImageRaster image, int targetClass) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LayerProbe p = LayerProbe.run(model, ModelInputs.tensor(image, model.input(), manager), targetClass, false);
            ConceptBank bank = banks.apply(p.target());
            if (bank == null) {
                throw new DefectLensException("no concept bank for class " + model.classes().get(p.target())
                        + ": fit one first");
            }
            if (bank.splitLayer() != null && !bank.splitLayer().equals(model.splitLayer())) {
                throw new DefectLensException("concept bank of class " + bank.className() + " was fitted at layer "
                        + bank.splitLayer() + ", not at " + model.splitLayer() + " (fit it again, or --layer "
                        + bank.splitLayer() + ")");
            }
            if (bank.channels() != p.channels()) {
                throw new DefectLensException("concept bank of class " + bank.className() + " has " + bank.channels()
                        + " channels but layer " + model.splitLayer() + " has " + p.channels());
            }
            if (resolution == Resolution.CROPS) {
                return HolisticConceptMaps.of(model, image, bank, p.target(), p.score(), nnls, CROP_BATCH);
            }
            float[] a = bank.nonNegative(p.activations(), p.cells());
            float[] u = nnls.solve(a, p.cells(), bank.concepts(), bank.rank(), bank.channels());
            return new ConceptMaps(bank, p.target(), p.score(), p.width(), p.height(), u);
        }
    }
}
