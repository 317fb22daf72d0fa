package defectlens.app.wafer;

import defectlens.wafer.WaferModel;
import defectlens.wafer.explain.WaferLrpExplainer;

/**
 * The two wafer models compared in the side panel, the proposed (Radon + kernel-flip) one and its
 * baseline, each with its LRP explainer, and the fast student that classifies whole files when one ships for
 * the class set ({@code fast} and {@code fastName} null otherwise: then the proposed model classifies them). Used
 * by tasks on the interactive lane and by classify-all on the work lane; a replaced pair is closed after both
 * lanes are done with it.
 */
public record WaferModelPair(String name, WaferModel proposed, WaferModel baseline,
        WaferLrpExplainer proposedLrp, WaferLrpExplainer baselineLrp, String fastName, WaferModel fast)
        implements AutoCloseable {
    public WaferModelPair {
        if (!proposed.classes().equals(baseline.classes())) {
            throw new IllegalArgumentException("the proposed and the baseline model have different classes: "
                    + proposed.classes() + " vs " + baseline.classes());
        }
        if (fast != null && !fast.classes().equals(proposed.classes())) {
            throw new IllegalArgumentException("the fast model and the proposed model have different classes: "
                    + fast.classes() + " vs " + proposed.classes());
        }
    }

    /** Pairs two loaded models and makes their explainers. */
    public static WaferModelPair of(String name, WaferModel proposed, WaferModel baseline) {
        return of(name, proposed, baseline, null, null);
    }

    /** The same with a fast student for whole files (both may be null). */
    public static WaferModelPair of(String name, WaferModel proposed, WaferModel baseline, String fastName,
            WaferModel fast) {
        return new WaferModelPair(name, proposed, baseline, new WaferLrpExplainer(proposed),
                new WaferLrpExplainer(baseline), fast == null ? null : fastName, fast);
    }

    /** The model that classifies whole files unless the user asks for the accurate one: the student if loaded. */
    public WaferModel wholeFiles(boolean accurate) {
        return fast == null || accurate ? proposed : fast;
    }

    /** The bundle name of {@link #wholeFiles}. */
    public String wholeFilesName(boolean accurate) {
        return fast == null || accurate ? name : fastName;
    }

    @Override
    public void close() {
        proposedLrp.close();
        baselineLrp.close();
        proposed.close();
        baseline.close();
        if (fast != null) {
            fast.close();
        }
    }
}
