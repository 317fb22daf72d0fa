package defectlens.wafer.augment;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.wafer.WaferMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Trains a {@link ConvAutoEncoder} to reconstruct coded 32 x 32 wafer maps: L2 loss (half the mean squared error)
 * between the sigmoid output and the coded input, Adam, shuffled mini-batches. (A first run with DJL's binary
 * cross-entropy on the sigmoid output, whose {@code log(1 - p + 1e-12)} is {@code log 0} in float32 once p rounds to
 * 1, became NaN within three epochs; that run may also have met the oneDNN fault below.) Seeded like the CNN trainer
 * ({@code Engine.setRandomSeed} for the initial weights, a {@code java.util.Random} for the batch order), so the
 * same maps, settings and seed give the same weights on one machine. Progress follows the batches; a cancel stops
 * between batches with a {@link CancellationException}. A loss that is not finite stops the training with an error:
 * on the shared AMD EPYC, oneDNN's AVX2 kernels (the cap {@code core.OneDnnIsaCap} sets) made the weights NaN
 * within a few steps while the decoder ended in a 32 -> 1 convolution, depending on the memory layout (700 maps
 * trained fine, 3,000 did not; with {@code ONEDNN_MAX_CPU_ISA=SSE41} all were finite). {@link ConvAutoEncoder} now
 * ends in 16 channels and their mean, which trained finite under the AVX2 cap.
 *
 * @param epochs passes over the maps
 * @param batchSize maps per step
 * @param learningRate Adam's learning rate
 * @param seed the seed of the initial weights and the batch order
 */
public record AutoEncoderTraining(int epochs, int batchSize, float learningRate, long seed) {
    /** The settings {@code wafer augment} and the BSEML cases use unless told otherwise. */
    public static final AutoEncoderTraining DEFAULTS = new AutoEncoderTraining(10, 32, 1e-3f, 21);

    public AutoEncoderTraining {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1 and the learning rate "
                    + "positive");
        }
    }

    /** The same settings with another seed. */
    public AutoEncoderTraining withSeed(long newSeed) {
        return new AutoEncoderTraining(epochs, batchSize, learningRate, newSeed);
    }

    /** The same settings with another number of epochs. */
    public AutoEncoderTraining withEpochs(int newEpochs) {
        return new AutoEncoderTraining(newEpochs, batchSize, learningRate, seed);
    }

    /** Trains a new auto-encoder on {@code maps}; {@code log} gets one line per epoch with its mean loss. */
    public ConvAutoEncoder train(List<WaferMap> maps, Consumer<String> log, Progress progress) {
        if (maps.isEmpty()) {
            throw new IllegalArgumentException("no map to train the auto-encoder on");
        }
        float[][] coded = new float[maps.size()][];
        for (int i = 0; i < coded.length; i++) {
            coded[i] = DieStateCoding.encode(DieStateCoding.resized(maps.get(i)));
        }
        Engine.getInstance().setRandomSeed((int) seed);
        ConvAutoEncoder cae = ConvAutoEncoder.create();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build())
                .optDevices(new Device[] {Device.cpu()});
        Random shuffle = new Random(seed);
        List<Double> losses = new ArrayList<>();
        long started = System.nanoTime();
        try (Trainer trainer = cae.djlModel().newTrainer(config)) {
            trainer.initialize(ConvAutoEncoder.INPUT_SHAPE);
            for (int epoch = 0; epoch < epochs; epoch++) {
                double loss = epoch(trainer, coded, shuffle, progress.step(epoch, epochs));
                losses.add(loss);
                log.accept(String.format(java.util.Locale.ROOT, "auto-encoder epoch %d/%d  loss %.5f", epoch + 1,
                        epochs, loss));
            }
        } catch (RuntimeException e) {
            cae.close();
            throw e;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("trainer", "AutoEncoderTraining");
        facts.put("loss", "L2 (half the mean squared error)");
        facts.put("optimizer", "adam");
        facts.put("learningRate", learningRate);
        facts.put("batchSize", batchSize);
        facts.put("epochs", epochs);
        facts.put("seed", seed);
        facts.put("maps", maps.size());
        facts.put("lossPerEpoch", losses);
        facts.put("trainingSeconds", (System.nanoTime() - started) / 1e9);
        facts.put("trainedAt", Instant.now().toString());
        cae.putProvenance("training", facts);
        return cae;
    }

    /** One shuffled pass; the mean loss per map. */
    private double epoch(Trainer trainer, float[][] coded, Random shuffle, Progress progress) {
        int n = coded.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int side = DieStateCoding.SIZE;
        double sum = 0;
        for (int start = 0; start < n; start += batchSize) {
            progress.throwIfCancelled("training the auto-encoder");
            progress.update(start, n, null);
            int size = Math.min(batchSize, n - start);
            float[] flat = new float[size * side * side];
            for (int k = 0; k < size; k++) {
                System.arraycopy(coded[order[start + k]], 0, flat, k * side * side, side * side);
            }
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray x = manager.create(flat, new Shape(size, 1, side, side));
                NDList batch = new NDList(x);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray loss = trainer.getLoss().evaluate(batch, trainer.forward(batch));
                    float value = loss.getFloat();
                    if (!Float.isFinite(value)) {
                        throw new DefectLensException("the auto-encoder's loss became " + value + " at batch "
                                + (start / batchSize + 1) + " of an epoch: oneDNN's convolutions may compute wrongly "
                                + "on this CPU; try the environment variable ONEDNN_MAX_CPU_ISA=SSE41 "
                                + "(docs/experiments/bseml.md)");
                    }
                    collector.backward(loss);
                    sum += value * size;
                }
                trainer.step();
            }
        }
        progress.update(1.0, null);
        return sum / n;
    }
}
