package defectlens.wafer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import defectlens.core.Progress;
import defectlens.model.EpochReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a {@link WaferVariant} on 64x64 maps with the paper's recipe ({@link WaferTrainingConfig#paper()}):
 * Adam, learning rate decayed per epoch, softmax cross-entropy, early stop after {@code patience} epochs
 * without a lower validation loss, and the weights of the best validation epoch returned. Inputs are
 * encoded once (sinograms computed in one batch). Reports every epoch to a callback and checks a
 * cancellation flag between mini-batches; a cancelled run still returns the best weights seen so far.
 * Every mini-batch runs under its own {@link NDManager}. Given {@link SoftTargets} (distillation), the loss is
 * the cross-entropy to those class distributions instead of to the hard labels, for training and validation.
 */
public final class WaferTrainer {
    private final WaferTrainingConfig config;

    public WaferTrainer(WaferTrainingConfig config) {
        this.config = config;
    }

    public WaferTrainingConfig config() {
        return config;
    }

    /** Splits {@code data} (stratified, {@code validationFraction}, seeded) and trains. */
    public WaferTrainingResult train(WaferVariant variant, List<String> classes, LabelledMaps data,
            Map<String, Object> provenance, Consumer<EpochReport> epochs, Progress progress) {
        LabelledMaps[] parts = data.split(config.validationFraction(), config.seed());
        return train(variant, classes, parts[0], parts[1], provenance, epochs, progress);
    }

    /**
     * Trains on {@code train}, early-stopping on the loss over {@code validation}. {@code epochs} gets every
     * epoch's report; {@code progress} follows the batches (as a share of the maximum number of epochs) and
     * stops the run between batches when cancelled.
     */
    public WaferTrainingResult train(WaferVariant variant, List<String> classes, LabelledMaps train,
            LabelledMaps validation, Map<String, Object> provenance, Consumer<EpochReport> epochs,
            Progress progress) {
        return train(variant, WaferWidths.PAPER, classes, train, validation, null, provenance, epochs, progress);
    }

    /**
     * Class distributions the network learns instead of the hard labels: one row per map of the training and of
     * the validation set, in their order. A map's row holds for every augmented view of it (turned or mirrored
     * maps keep their class). At temperature 1 a row sums to 1 over the classes and the loss is the cross-entropy
     * to it; at another temperature a row holds the weighted hard and softened teacher targets side by side
     * ({@link WaferDistillation#targets}) and the loss is {@link TemperedDistillationLoss}.
     */
    public record SoftTargets(float[][] train, float[][] validation, double temperature) {
        /** Targets at temperature 1. */
        public SoftTargets(float[][] train, float[][] validation) {
            this(train, validation, 1);
        }

        Loss loss() {
            return temperature == 1 ? new SoftmaxCrossEntropyLoss("SoftTargetCrossEntropy", 1f, -1, false, true)
                    : new TemperedDistillationLoss(temperature);
        }
    }

    /**
     * Trains a network of the given widths on {@code train}, early-stopping on the loss over {@code validation};
     * with {@code soft} (may be null) the loss is the cross-entropy to those distributions.
     */
    public WaferTrainingResult train(WaferVariant variant, WaferWidths widths, List<String> classes,
            LabelledMaps train, LabelledMaps validation, SoftTargets soft, Map<String, Object> provenance,
            Consumer<EpochReport> epochs, Progress progress) {
        checkLabels(train, classes.size());
        checkLabels(validation, classes.size());
        if (train.size() < 2 || validation.size() < 1) {
            throw new IllegalArgumentException("need at least 2 training maps and 1 validation map");
        }
        if (soft != null && (soft.train().length != train.size() || soft.validation().length != validation.size())) {
            throw new IllegalArgumentException("soft targets for " + soft.train().length + " + "
                    + soft.validation().length + " maps, but " + train.size() + " + " + validation.size() + " maps");
        }
        Engine.getInstance().setRandomSeed((int) config.seed());
        WaferModel model = WaferModel.create(variant, widths, classes, config.angles(), provenance);
        WaferInputEncoder encoder = model.encoder();
        float[][][] trainInputs = encodeTraining(encoder, train.maps());
        float[][] validationInputs = encoder.encode(validation.maps());
        EpochLearningRate rate = new EpochLearningRate(config);
        Loss loss = soft == null ? Loss.softmaxCrossEntropyLoss() : soft.loss();
        Targets trainTargets = new Targets(train.labels(), soft == null ? null : soft.train());
        Targets validationTargets = new Targets(validation.labels(), soft == null ? null : soft.validation());
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).build())
                .optDevices(new Device[] {Device.cpu()});
        List<EpochReport> history = new ArrayList<>();
        byte[] best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int sinceBest = 0;
        String stop = "max-epochs";
        Random shuffle = new Random(config.seed());
        long started = System.nanoTime();
        try (Trainer trainer = model.djlModel().newTrainer(djlConfig)) {
            trainer.initialize(WaferNetworks.INPUT_SHAPE);
            for (int epoch = 0; epoch < config.maxEpochs(); epoch++) {
                long epochStart = System.nanoTime();
                rate.setEpoch(epoch);
                float[][][] views = config.augmentation() == TrainingAugmentation.ROTATION
                        ? new float[][][] {encoder.encode(rotated(train.maps(), shuffle))} : trainInputs;
                double trainLoss = trainEpoch(trainer, views, trainTargets, shuffle,
                        progress.step(epoch, config.maxEpochs()));
                if (Double.isNaN(trainLoss)) {
                    stop = "cancelled";
                    break;
                }
                double[] val = evaluate(trainer, validationInputs, validationTargets);
                boolean improved = val[0] < bestLoss;
                if (improved) {
                    bestLoss = val[0];
                    bestEpoch = epoch;
                    best = snapshot(model);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                EpochReport report = new EpochReport(epoch + 1, config.maxEpochs(), trainLoss, val[0], val[1],
                        Double.NaN, rate.current(), improved, sinceBest, (System.nanoTime() - epochStart) / 1e9);
                history.add(report);
                epochs.accept(report);
                if (sinceBest >= config.patience()) {
                    stop = "early-stop";
                    break;
                }
                if (progress.isCancelled()) {
                    stop = "cancelled";
                    break;
                }
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        if (best != null) {
            restore(model, best);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("trainer", "WaferTrainer");
        facts.put("optimizer", "adam");
        facts.put("learningRate", config.learningRate());
        facts.put("decayPerEpoch", config.decayPerEpoch());
        facts.put("batchSize", config.batchSize());
        facts.put("augmentation", config.augmentation().description());
        if (soft != null) {
            facts.put("loss", soft.temperature() == 1 ? "softmax cross-entropy to soft targets (distillation)"
                    : "tempered distillation loss, temperature " + soft.temperature());
        }
        facts.put("patience", config.patience());
        facts.put("seed", config.seed());
        facts.put("trainMaps", train.size());
        facts.put("validationMaps", validation.size());
        facts.put("epochs", history.size());
        facts.put("bestEpoch", bestEpoch);
        facts.put("bestValidationLoss", bestLoss);
        facts.put("bestValidationAccuracy", bestEpoch >= 0 ? history.get(bestEpoch).validationAccuracy() : null);
        facts.put("stopReason", stop);
        facts.put("trainingSeconds", (System.nanoTime() - started) / 1e9);
        facts.put("trainedAt", Instant.now().toString());
        model.putProvenance("training", facts);
        return new WaferTrainingResult(model, history, bestEpoch, bestLoss, stop);
    }

    private static void checkLabels(LabelledMaps maps, int classes) {
        for (int l : maps.labels()) {
            if (l < 0 || l >= classes) {
                throw new IllegalArgumentException("label " + l + " outside the " + classes + " classes");
            }
        }
    }

    /**
     * Network inputs of the training maps: one view (the maps as they are), or with dihedral augmentation
     * eight views, view 0 the maps themselves and then the seven {@link AugmentedTestSet#ROTFLIP} symmetries.
     * (Rotation augmentation encodes fresh views every epoch and needs none of these.)
     */
    float[][][] encodeTraining(WaferInputEncoder encoder, float[][] maps) {
        if (config.augmentation() == TrainingAugmentation.ROTATION) {
            return null;
        }
        if (config.augmentation() == TrainingAugmentation.NONE) {
            return new float[][][] {encoder.encode(maps)};
        }
        List<AugmentedTestSet.Transform> transforms = AugmentedTestSet.ROTFLIP.transforms();
        float[][][] views = new float[transforms.size() + 1][][];
        views[0] = encoder.encode(maps);
        for (int t = 0; t < transforms.size(); t++) {
            float[][] moved = new float[maps.length][];
            for (int i = 0; i < maps.length; i++) {
                moved[i] = transforms.get(t).apply(maps[i]);
            }
            views[t + 1] = encoder.encode(moved);
        }
        return views;
    }

    /** Every map turned by a random angle and mirrored left-right with probability 1/2. */
    static float[][] rotated(float[][] maps, Random random) {
        float[][] out = new float[maps.length][];
        for (int i = 0; i < maps.length; i++) {
            float[] m = WaferPreprocessing.rotate(maps[i], WaferPreprocessing.SIZE, 360 * random.nextDouble());
            out[i] = random.nextBoolean() ? WaferPreprocessing.flipHorizontal(m, WaferPreprocessing.SIZE) : m;
        }
        return out;
    }

    /** One pass over the shuffled training set; NaN when cancelled mid-epoch. */
    private double trainEpoch(Trainer trainer, float[][][] views, Targets labels, Random shuffle,
            Progress progress) {
        int n = views[0].length;
        int[] order = permutation(n, shuffle);
        float[][] inputs = views[0];
        if (views.length > 1) {
            inputs = new float[n][];
            for (int i = 0; i < n; i++) {
                inputs[i] = views[shuffle.nextInt(views.length)][i];
            }
        }
        double sum = 0;
        int seen = 0;
        for (int start = 0; start < n; start += config.batchSize()) {
            int size = Math.min(config.batchSize(), n - start);
            if (size < 2) {
                break; // BatchNorm needs two samples in training mode
            }
            if (progress.isCancelled()) {
                return Double.NaN;
            }
            progress.update(start, n, null);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDList x = batch(manager, inputs, order, start, size);
                NDList y = labels.batch(manager, order, start, size);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray loss = trainer.getLoss().evaluate(y, trainer.forward(x, y));
                    collector.backward(loss);
                    sum += loss.getFloat() * size;
                    seen += size;
                }
                trainer.step();
            }
        }
        return sum / Math.max(1, seen);
    }

    /** Mean loss and accuracy in inference mode. */
    private double[] evaluate(Trainer trainer, float[][] inputs, Targets targets) {
        int[] labels = targets.labels();
        int n = inputs.length;
        int[] order = permutation(n, null);
        double sum = 0;
        int correct = 0;
        for (int start = 0; start < n; start += 256) {
            int size = Math.min(256, n - start);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDList x = batch(manager, inputs, order, start, size);
                NDList y = targets.batch(manager, order, start, size);
                NDList logits = trainer.evaluate(x);
                sum += trainer.getLoss().evaluate(y, logits).getFloat() * size;
                long[] predicted = logits.singletonOrThrow().argMax(1).toLongArray();
                for (int i = 0; i < size; i++) {
                    if (predicted[i] == labels[order[start + i]]) {
                        correct++;
                    }
                }
            }
        }
        return new double[] {sum / n, (double) correct / n};
    }

    private static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (random != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    private static NDList batch(NDManager manager, float[][] inputs, int[] order, int start, int size) {
        int pixels = WaferInputEncoder.SIZE * WaferInputEncoder.SIZE;
        float[] flat = new float[size * pixels];
        for (int i = 0; i < size; i++) {
            System.arraycopy(inputs[order[start + i]], 0, flat, i * pixels, pixels);
        }
        return new NDList(manager.create(flat, new Shape(size, 1, WaferInputEncoder.SIZE, WaferInputEncoder.SIZE)));
    }

    /** Hard labels, and the soft targets (or null) that replace them in the loss. */
    private record Targets(int[] labels, float[][] soft) {
        /** The loss labels of a mini-batch: class indices, or with soft targets their rows. */
        NDList batch(NDManager manager, int[] order, int start, int size) {
            if (soft == null) {
                float[] y = new float[size];
                for (int i = 0; i < size; i++) {
                    y[i] = labels[order[start + i]];
                }
                return new NDList(manager.create(y));
            }
            int classes = soft[0].length;
            float[] y = new float[size * classes];
            for (int i = 0; i < size; i++) {
                System.arraycopy(soft[order[start + i]], 0, y, i * classes, classes);
            }
            return new NDList(manager.create(y, new Shape(size, classes)));
        }
    }

    private static byte[] snapshot(WaferModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.block().saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void restore(WaferModel model, byte[] weights) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            model.block().loadParameters(model.djlModel().getNDManager(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("cannot restore the best weights", e);
        }
    }
}
