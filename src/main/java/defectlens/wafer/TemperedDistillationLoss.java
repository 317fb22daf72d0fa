package defectlens.wafer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * The distillation loss of Hinton et al. (2015) with a temperature {@code T}: for logits {@code z}, the
 * cross-entropy of {@code softmax(z)} to the weighted hard label plus {@code T^2} times the cross-entropy of
 * {@code softmax(z / T)} to the weighted teacher distribution softened by the same temperature, averaged over the
 * mini-batch. A label row holds both targets side by side, {@code [hardWeight * onehot, (1 - hardWeight) *
 * teacher_T]} ({@link WaferDistillation#targets}), so its width is twice the number of classes. The factor
 * {@code T^2} keeps the soft term's gradients on the scale of the hard term's. At {@code T = 1} this is the
 * cross-entropy to the sum of the two halves.
 */
final class TemperedDistillationLoss extends Loss {
    private final float temperature;

    TemperedDistillationLoss(double temperature) {
        super("TemperedDistillation");
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("the temperature must be positive: " + temperature);
        }
        this.temperature = (float) temperature;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        long classes = logits.getShape().get(1);
        NDArray targets = labels.singletonOrThrow().reshape(logits.getShape().get(0), 2 * classes);
        NDArray hard = targets.get(new NDIndex(":, :{}", classes));
        NDArray soft = targets.get(new NDIndex(":, {}:", classes));
        NDArray hardTerm = logits.logSoftmax(1).mul(hard).sum(new int[] {1});
        NDArray softTerm = logits.div(temperature).logSoftmax(1).mul(soft).sum(new int[] {1})
                .mul(temperature * temperature);
        return hardTerm.add(softTerm).neg().mean();
    }
}
