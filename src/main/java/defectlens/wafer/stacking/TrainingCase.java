package defectlens.wafer.stacking;

import defectlens.core.Progress;
import defectlens.wafer.WaferMap;
import defectlens.wafer.augment.CaeAugmentation;
import defectlens.wafer.augment.ConvAutoEncoder;
import java.util.List;
import java.util.function.Function;

/**
 * The paper's four cases of training data: 1 = the raw training maps, 2 / 3 / 4 = the raw training maps plus 30 /
 * 40 / 50 % maps made by the CAE augmentation ({@link CaeAugmentation}: per augmented class {@code round(ratio * n)}
 * maps, {@code none} never augmented, SSIM >= 0.9). Only training maps are ever augmented; the held-out maps stay
 * as they are.
 *
 * @param number 1 to 4
 * @param ratio generated maps per training map of an augmented class (0 for case 1)
 */
public record TrainingCase(int number, double ratio) {
    /** Case 1: the raw training maps. */
    public static final TrainingCase RAW = new TrainingCase(1, 0);

    /** The case of the paper with this number, or an IllegalArgumentException. */
    public static TrainingCase of(int number) {
        return switch (number) {
            case 1 -> RAW;
            case 2 -> new TrainingCase(2, 0.3);
            case 3 -> new TrainingCase(3, 0.4);
            case 4 -> new TrainingCase(4, 0.5);
            default -> throw new IllegalArgumentException("the case must be 1, 2, 3 or 4, not " + number);
        };
    }

    public boolean augmented() {
        return ratio > 0;
    }

    /**
     * The generated maps of this case for {@code training} (none for case 1), seeded with {@code seed} and the case
     * number.
     *
     * @param autoEncoder gives the auto-encoder for the training maps (trains or loads it; its caller closes it)
     */
    public CaeAugmentation.Result augment(List<WaferMap> training, Function<List<WaferMap>, ConvAutoEncoder>
            autoEncoder, long seed, Progress progress) {
        if (!augmented()) {
            return null;
        }
        ConvAutoEncoder cae = autoEncoder.apply(training);
        return CaeAugmentation.run(cae, training, ratio, CaeAugmentation.MIN_SSIM, seed * 31 + number, progress);
    }
}
