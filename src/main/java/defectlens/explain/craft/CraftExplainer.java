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
 * CRAFT maps for one image: the split-layer activations at every location, made non-negative by the
 * bank's policy, are projected onto the class's concept bank by non-negative least squares; each
 * concept's coefficients form its map and the CRAFT heatmap is their importance-weighted sum.
 * The banks come from a lookup by class index (fitted beforehand by {@link ConceptBankFitter}).
 */
public final class CraftExplainer implements Explainer {
    private final IntFunction<ConceptBank> banks;
    private final NonNegativeLeastSquares nnls = NonNegativeLeastSquares.defaults();

    /** @param banks the bank of a class index, or null when there is none */
    public CraftExplainer(IntFunction<ConceptBank> banks) {
        this.banks = banks;
    }

    @Override
    public String name() {
        return "craft";
    }

    @Override
    public Heatmap explain(SplitClassifier model, ImageRaster image, int targetClass) {
        return conceptMaps(model, image, targetClass).craftHeatmap(image.width(), image.height());
    }

    /** Every concept's coefficients over the image for the target (or predicted) class. */
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
            float[] a = bank.nonNegative(p.activations(), p.cells());
            float[] u = nnls.solve(a, p.cells(), bank.concepts(), bank.rank(), bank.channels());
            return new ConceptMaps(bank, p.target(), p.score(), p.width(), p.height(), u);
        }
    }
}
