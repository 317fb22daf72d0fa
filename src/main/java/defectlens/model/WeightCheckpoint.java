package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory copy of every parameter of a block, BatchNorm running mean and variance included, so that a
 * training run can go back to the last good state when the weights or the statistics turn non-finite
 * (divergence). Cheap for the demo networks (370 k values) and 86 MB for EfficientNetV2-S.
 */
final class WeightCheckpoint {
    private final List<float[]> values;

    private WeightCheckpoint(List<float[]> values) {
        this.values = values;
    }

    /** A checkpoint of saved values (in the order of {@code getParameters()}), e.g. read back from a file. */
    static WeightCheckpoint ofValues(List<float[]> values) {
        return new WeightCheckpoint(List.copyOf(values));
    }

    /** The saved values, one array per parameter in the order of {@code getParameters()}. */
    List<float[]> values() {
        return values;
    }

    /** Copies the current values of {@code block}'s parameters. */
    static WeightCheckpoint of(Block block) {
        List<float[]> copy = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            copy.add(p.getValue().getArray().toFloatArray());
        }
        return new WeightCheckpoint(copy);
    }

    /**
     * Copies the saved values back into {@code block}'s parameter tensors, in place: the tensors keep their
     * storage, gradient slot and {@code requires_grad}. ({@code NDArray.set(float[])} is not used: on the PyTorch
     * engine it swaps the tensor's storage for a Java direct buffer that lives only as long as that Java object.)
     */
    void restore(Block block) {
        var params = block.getParameters();
        if (params.size() != values.size()) {
            throw new IllegalArgumentException("checkpoint has " + values.size() + " parameters, block " + params.size());
        }
        for (int i = 0; i < values.size(); i++) {
            NDArray target = params.get(i).getValue().getArray();
            try (NDManager scratch = target.getManager().newSubManager()) {
                target.set(new NDIndex(":"), scratch.create(values.get(i), target.getShape()));
            }
        }
    }

    /** Sets {@code gradient} to zero in place (NaN and infinity included). */
    static void zero(NDArray gradient) {
        gradient.set(new NDIndex(":"), 0f);
    }

    /** Whether the copied values are all finite. */
    boolean finite() {
        for (float[] v : values) {
            for (float x : v) {
                if (!Float.isFinite(x)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether every parameter of {@code block} (running statistics included) is finite, checked on the
     * native side with one reduction per parameter.
     */
    static boolean allFinite(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!finite(p.getValue().getArray())) {
                return false;
            }
        }
        return true;
    }

    /** Whether every element of {@code a} is finite; the temporary arrays are freed at once. */
    static boolean finite(NDArray a) {
        try (NDArray nan = a.isNaN(); NDArray inf = a.isInfinite(); NDArray bad = nan.logicalOr(inf);
                NDArray any = bad.any()) {
            return !any.getBoolean();
        }
    }
}
