package defectlens.wafer.explain;

import defectlens.wafer.LabelledMaps;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferPreprocessing;
import defectlens.wafer.WaferSampling;
import defectlens.wafer.WaferTrainer;
import defectlens.wafer.WaferTrainingConfig;
import defectlens.wafer.WaferTrainingResult;
import defectlens.wafer.WaferVariant;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the small models behind {@code docs/experiments/wafer-lrp.md} (not a test): for each variant
 * named, {@code perClass} maps of each paper7 class drawn from the training part of a stratified split
 * (test fraction and seed as {@code bench wafer-lrp} uses them), a few epochs with the paper's optimiser.
 *
 * <p>Usage: {@code LrpStudyModels DATA OUT_DIR PER_CLASS EPOCHS SPLIT_SEED VARIANT...}; bundles go to
 * {@code OUT_DIR/<variant>}.
 */
public final class LrpStudyModels {
    /** Share of each class held out for the meaning checks; the bench uses the same. */
    static final double TEST_FRACTION = 0.2;

    private LrpStudyModels() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int perClass = Integer.parseInt(args[2]);
        int epochs = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        WaferDataset dataset = WaferPickleReader.read(data);
        WaferClassSet classes = WaferClassSet.PAPER7;
        WaferSampling.Split split = WaferSampling.stratified(dataset, classes, TEST_FRACTION, seed);
        List<Integer> chosen = WaferSampling.balanced(dataset, split.first(), classes, perClass, seed);
        float[][] maps = new float[chosen.size()][];
        int[] labels = new int[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            WaferMap m = dataset.get(chosen.get(i));
            maps[i] = WaferPreprocessing.toNetworkMap(m.dies(), m.rows(), m.cols());
            labels[i] = classes.indexOf(m.label());
        }
        LabelledMaps train = new LabelledMaps(maps, labels);
        WaferTrainingConfig config = WaferTrainingConfig.paper().withMaxEpochs(epochs).withPatience(epochs).withSeed(seed);
        for (int v = 5; v < args.length; v++) {
            WaferVariant variant = WaferVariant.parse(args[v]);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("data", data.toString());
            provenance.put("classes", classes.id());
            provenance.put("trainPerClass", perClass);
            provenance.put("heldOut", Map.of("fraction", TEST_FRACTION, "seed", seed));
            long t0 = System.nanoTime();
            WaferTrainingResult result = new WaferTrainer(config).train(variant, classes.classes(), train, provenance,
                    r -> System.err.printf("%s epoch %d train %.4f val %.4f acc %.3f%n", variant.id(), r.epoch(),
                            r.trainLoss(), r.validationLoss(), r.validationAccuracy()),
                    () -> false);
            try (WaferModel model = result.model()) {
                WaferModelBundle.save(model, out.resolve(variant.id()));
            }
            System.err.printf("%s: %d maps, best epoch %d, %.0f s%n", variant.id(), train.size(), result.bestEpoch(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
