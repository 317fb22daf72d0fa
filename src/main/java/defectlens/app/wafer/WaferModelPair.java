package defectlens.app.wafer;

import defectlens.wafer.WaferModel;
import defectlens.wafer.explain.WaferLrpExplainer;

/**
 * The two wafer models compared in the side panel, the proposed (Radon + kernel-flip) one and its
 * baseline, each with its LRP explainer. Used from the interactive executor only.
 */
public record WaferModelPair(String name, WaferModel proposed, WaferModel baseline,
        WaferLrpExplainer proposedLrp, WaferLrpExplainer baselineLrp) implements AutoCloseable {
    public WaferModelPair {
        if (!proposed.classes().equals(baseline.classes())) {
            throw new IllegalArgumentException("the proposed and the baseline model have different classes: "
                    + proposed.classes() + " vs " + baseline.classes());
        }
    }

    /** Pairs two loaded models and makes their explainers. */
    public static WaferModelPair of(String name, WaferModel proposed, WaferModel baseline) {
        return new WaferModelPair(name, proposed, baseline, new WaferLrpExplainer(proposed), new WaferLrpExplainer(baseline));
    }

    @Override
    public void close() {
        proposedLrp.close();
        baselineLrp.close();
        proposed.close();
        baseline.close();
    }
}
