package defectlens.wafer.explain;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import defectlens.core.DefectLensException;
import defectlens.explain.lrp.LrpComposite;
import defectlens.explain.lrp.LrpExplainer;
import defectlens.explain.lrp.LrpExplanation;
import defectlens.wafer.WaferInputEncoder;
import defectlens.wafer.WaferModel;

/**
 * LRP for the four wafer models: encodes a 64x64 map as the model's input (map or sinogram), explains a
 * class logit with an {@link LrpExplainer}, and brings the relevance onto the wafer grid (by filtered
 * back-projection for sinogram models, {@link SinogramRelevanceProjector}). Holds its own base
 * {@link NDManager} for the canonized layers; each explanation runs in a sub-manager. For an ensemble the
 * relevance is that of the networks' mean logit ({@link LrpExplanation#mean}). Close when done
 * (the model stays open). One explainer per thread.
 */
public final class WaferLrpExplainer implements AutoCloseable {
    private final WaferModel model;
    private final WaferInputEncoder encoder;
    private final SinogramRelevanceProjector projector;
    private final NDManager manager;
    private final java.util.List<LrpExplainer> explainers = new java.util.ArrayList<>();

    public WaferLrpExplainer(WaferModel model) {
        this.model = model;
        this.encoder = new WaferInputEncoder(model.variant(), model.angles());
        this.projector = model.variant().sinogramInput() ? new SinogramRelevanceProjector(model.angles()) : null;
        this.manager = NDManager.newBaseManager();
        try {
            for (int k = 0; k < model.networkCount(); k++) {
                explainers.add(new LrpExplainer(model.networkBlock(k),
                        new Shape(1, WaferInputEncoder.SIZE, WaferInputEncoder.SIZE), manager,
                        KernelFlipLrp.WAFER_RULES));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public WaferModel model() {
        return model;
    }

    /**
     * Explains {@code classIndex} (the predicted class when negative) for a row-major 64x64 map.
     */
    public WaferRelevance explain(float[] map, int classIndex, LrpComposite composite) {
        if (classIndex >= model.classes().size()) {
            throw new DefectLensException("class index " + classIndex + " is outside the model's "
                    + model.classes().size() + " classes " + model.classes());
        }
        float[] input = encoder.encode(map);
        LrpExplanation lrp;
        if (explainers.size() == 1) {
            lrp = explainers.get(0).explain(input, classIndex, composite);
        } else {
            int predicted = defectlens.wafer.WaferPredictions.argMax(model.predictEncoded(new float[][] {input})[0]);
            int explained = classIndex < 0 ? predicted : classIndex;
            java.util.List<LrpExplanation> members = new java.util.ArrayList<>();
            for (LrpExplainer e : explainers) {
                members.add(e.explain(input, explained, composite));
            }
            lrp = LrpExplanation.mean(members, predicted);
        }
        float[] wafer = projector == null ? lrp.relevance().clone() : projector.toWafer(lrp.relevance());
        return new WaferRelevance(map.clone(), input, lrp, wafer, projector != null, model.classes());
    }

    /** The index of a class name of the model; an unknown name is a user error listing the classes. */
    public int classIndex(String name) {
        int i = model.classes().indexOf(name);
        if (i < 0) {
            throw new DefectLensException("class '" + name + "' is not one of the model's classes " + model.classes());
        }
        return i;
    }

    @Override
    public void close() {
        explainers.forEach(LrpExplainer::close);
        manager.close();
    }
}
