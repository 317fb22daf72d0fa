package defectlens.explain.lrp;

import ai.djl.nn.Block;

/**
 * How {@link LrpCanonizer} turns one kind of block it does not know by itself (a network's own layer
 * type, e.g. the wafer networks' kernel-flip convolution) into an LRP layer.
 */
public interface LrpBlockRule {
    /** The block type this rule covers, as the error for a block without a rule lists it. */
    String blockName();

    /** The LRP layer for {@code block}, named {@code name}; null when this rule does not cover the block. */
    LrpLayer layerFor(String name, Block block);
}
