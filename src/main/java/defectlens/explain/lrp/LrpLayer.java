package defectlens.explain.lrp;

import ai.djl.ndarray.NDArray;

/**
 * One step of a network as LRP sees it: a forward function and the backward redistribution of relevance
 * from its output onto its input. Layers hold their (already canonized) parameters; arrays a call creates
 * are attached to the manager of its input, so an explanation's sub-manager frees them all.
 */
public interface LrpLayer {
    /** A name for messages and per-layer reports, e.g. {@code "4: Conv2d 64x16x3x3"}. */
    String name();

    LrpLayerKind kind();

    NDArray forward(NDArray x);

    /**
     * The relevance of the input {@code x} given the relevance {@code relevance} of this layer's output.
     * {@code rule} is the composite's rule for this layer, null for the kinds that need none.
     */
    NDArray relevance(NDArray x, NDArray relevance, LrpRule rule);

    /**
     * {@code param} on the manager of {@code x}: a copy when it lives elsewhere (a model's parameters), so
     * the arrays a rule derives from it ({@code w+}, {@code w-}) are freed with the explanation.
     */
    static NDArray local(NDArray param, NDArray x) {
        if (param == null || param.getManager() == x.getManager()) {
            return param;
        }
        NDArray copy = param.duplicate();
        copy.attach(x.getManager());
        return copy;
    }
}
