package defectlens.app;

import defectlens.wafer.WaferModel;

/** The two wafer models compared in the side panel: the proposed (Radon + kernel-flip) one and its baseline. */
public record WaferModelPair(String name, WaferModel proposed, WaferModel baseline) implements AutoCloseable {
    public WaferModelPair {
        if (!proposed.classes().equals(baseline.classes())) {
            throw new IllegalArgumentException("the proposed and the baseline model have different classes: "
                    + proposed.classes() + " vs " + baseline.classes());
        }
    }

    @Override
    public void close() {
        proposed.close();
        baseline.close();
    }
}
