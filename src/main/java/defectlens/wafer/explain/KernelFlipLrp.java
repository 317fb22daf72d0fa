package defectlens.wafer.explain;

import ai.djl.nn.Block;
import defectlens.explain.lrp.LrpBlockRule;
import defectlens.explain.lrp.LrpCanonizer;
import defectlens.explain.lrp.LrpKernelFlipLayer;
import defectlens.explain.lrp.LrpLayer;
import defectlens.wafer.KernelFlipConv2d;
import java.util.List;

/** The LRP rule for the wafer networks' {@link KernelFlipConv2d}: an {@link LrpKernelFlipLayer} of its weights. */
public final class KernelFlipLrp implements LrpBlockRule {
    /** The extra rules LRP needs for a wafer network. */
    public static final List<LrpBlockRule> WAFER_RULES = List.of(new KernelFlipLrp());

    private KernelFlipLrp() {
    }

    @Override
    public String blockName() {
        return "KernelFlipConv2d";
    }

    @Override
    public LrpLayer layerFor(String name, Block block) {
        if (!(block instanceof KernelFlipConv2d flip)) {
            return null;
        }
        return new LrpKernelFlipLayer(name, LrpCanonizer.param(block, "weight"), LrpCanonizer.param(block, "bias"),
                flip.stride(), flip.padding(), flip.dilation());
    }
}
