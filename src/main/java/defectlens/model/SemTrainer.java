package defectlens.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.PairList;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.SemDataset;
import defectlens.image.SemImageReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;

/**
 * Trains an EfficientNetV2 on a labelled SEM data set: seeded stratified validation split,
 * data-level class balancing, SEM augmentation, Adam, cross-entropy, early stopping on validation
 * macro F1 and saving of the best checkpoint as a model bundle. Reports every epoch to a {@link TrainingListener},
 * every batch to a {@link Progress}, and stops between batches when that progress is cancelled (the best
 * checkpoint so far stays). After every epoch the last weights are kept in the bundle's {@code checkpoint} folder,
 * from which a run with {@code resume} continues. With {@link CropTraining} it trains on native-resolution crops
 * (strong augmentation) and the bundle records the {@link SlidingWindow} that classifies whole frames; with an
 * evidence weight it adds the {@link EvidenceLoss} of the crops that hold their image's defect.
 */
public final class SemTrainer {
    /** Element-wise gradient clipping: keeps one unlucky batch from throwing the weights far off. */
    static final float GRADIENT_CLIP = 1f;
    /** How many times a diverged epoch is rolled back (with the learning rate halved) before the run gives up. */
    static final int MAX_RECOVERIES = 5;

    private final TrainingOptions options;

    public SemTrainer(TrainingOptions options) {
        this.options = options;
    }

    /** Share of the progress bar that reading the images takes before the first epoch. */
    private static final double READING_SHARE = 0.1;

    public TrainingResult train(SemDataset data, Path out, TrainingListener listener, Progress progress) {
        EfficientNetV2Config config = EfficientNetV2Config.named(options.architecture());
        Engine.getInstance().setRandomSeed((int) options.seed());
        try (NDManager root = NDManager.newBaseManager("PyTorch")) {
            InputSpec spec = inputSpec(config);
            CropTraining crops = options.crops() == null ? null : options.crops().withFrame(frameSide(data));
            TrainingImages images;
            try {
                images = crops == null ? TrainingImages.read(data, spec.width(), progress.range(0, READING_SHARE))
                        : TrainingImages.read(data, crops.frame(), crops.background(),
                                progress.range(0, READING_SHARE));
            } catch (CancellationException e) {
                return new TrainingResult(out, 0, null, List.of(), false, true, 0, false);
            }
            List<String> classes = images.classes;
            StratifiedSplit split = StratifiedSplit.of(images.labels, classes.size(), options.validationFraction(),
                    options.seed());
            if (split.train().isEmpty()) {
                throw new DefectLensException(data.root(), "too few labelled images to train on");
            }
            EfficientNetV2 net = new EfficientNetV2(config, classes.size());
            net.initialize(root, DataType.FLOAT32, new Shape(1, spec.channels(), spec.height(), spec.width()));
            if (options.init() != null) {
                copyInitWeights(options.init(), net, classes);
            }
            for (var p : net.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            }
            TrainingCheckpoint.State resumed = options.resume() ? TrainingCheckpoint.readState(out) : null;
            if (resumed != null) {
                TrainingCheckpoint.readWeights(out, net.getParameters().size()).restore(net);
            }
            float learningRate = resumed != null ? resumed.learningRate() : options.learningRate();
            EpochRate rate = new EpochRate(learningRate);
            Optimizer adam = adam(rate);
            ParameterStore store = new ParameterStore(root, false);
            SemAugmentation augmentation = !options.augment() ? null
                    : crops != null ? SemAugmentation.strong() : SemAugmentation.standard();
            BatchMaker batches = new BatchMaker(images, spec, augmentation,
                    crops == null ? null : new TrainingCrops(images, crops),
                    options.evidenceWeight() > 0 ? net.totalStride() : 0);
            SlidingWindow window = crops == null ? null
                    : SlidingWindow.of(crops.frame(), crops.window(), crops.stride(), crops.background());
            float[] classWeights = options.balance() == BalanceMode.WEIGHTED
                    ? BalancedSampler.inverseFrequencyWeights(images.labels, split.train(), classes.size()) : null;
            BalancedSampler sampler = new BalancedSampler(images.labels, split.train(), classes.size(), options.balance());
            int firstEpoch = resumed == null ? 1 : resumed.epoch() + 1;
            Random random = new Random(resumed == null ? options.seed() : options.seed() * 1_000_003L + firstEpoch);
            List<Integer> validation = split.validation().isEmpty() ? split.train() : split.validation();

            List<EpochReport> history = new ArrayList<>();
            double bestF1 = resumed == null ? -1 : resumed.bestF1();
            int bestEpoch = resumed == null ? 0 : resumed.bestEpoch();
            ClassificationMetrics bestMetrics = null;
            int sinceBest = resumed == null ? 0 : resumed.sinceBest();
            boolean stoppedEarly = false;
            boolean wasCancelled = false;
            boolean diverged = false;
            int recoveries = resumed == null ? 0 : resumed.recoveries();
            float bestLearningRate = learningRate;
            WeightCheckpoint lastGood = WeightCheckpoint.of(net);
            for (int epoch = firstEpoch; epoch <= options.epochs(); epoch++) {
                long start = System.nanoTime();
                List<Integer> order = sampler.epoch(random);
                int nBatches = (order.size() + options.batchSize() - 1) / options.batchSize();
                double lossSum = 0;
                int lossCount = 0;
                for (int b = 0; b < nBatches; b++) {
                    if (progress.isCancelled()) {
                        wasCancelled = true;
                        break;
                    }
                    List<Integer> idx = order.subList(b * options.batchSize(),
                            Math.min(order.size(), (b + 1) * options.batchSize()));
                    double loss = step(net, store, adam, root, batches, idx, classWeights, random);
                    if (Double.isFinite(loss)) {
                        lossSum += loss * idx.size();
                        lossCount += idx.size();
                    }
                    double done = (epoch - 1 + (b + 1.0) / nBatches) / options.epochs();
                    progress.update(READING_SHARE + (1 - READING_SHARE) * done, String.format(java.util.Locale.ROOT,
                            "epoch %d/%d batch %d/%d loss %.4f", epoch, options.epochs(), b + 1, nBatches, loss));
                }
                if (wasCancelled) {
                    break;
                }
                Validation v = validate(net, store, root, batches, validation, classes);
                if (lossCount == 0 || !Double.isFinite(v.loss) || !WeightCheckpoint.allFinite(net)) {
                    // divergence: back to the weights and BatchNorm statistics after the last good epoch, fresh
                    // Adam moments, half the learning rate, and the epoch again
                    lastGood.restore(net);
                    if (recoveries == MAX_RECOVERIES) {
                        diverged = true;
                        listener.onDivergence(epoch, learningRate, false);
                        break;
                    }
                    recoveries++;
                    learningRate /= 2;
                    rate = new EpochRate(learningRate);
                    adam = adam(rate);
                    listener.onDivergence(epoch, learningRate, true);
                    epoch--;
                    continue;
                }
                lastGood = WeightCheckpoint.of(net);
                float rateOfEpoch = learningRate;
                learningRate *= options.learningRateDecay();
                rate.set(learningRate);
                boolean best = v.metrics.macroF1() > bestF1;
                if (best) {
                    bestF1 = v.metrics.macroF1();
                    bestEpoch = epoch;
                    bestMetrics = v.metrics;
                    bestLearningRate = rateOfEpoch;
                    sinceBest = 0;
                    ModelBundle.save(out, manifest(net, classes, spec, data, epoch, epoch, v.metrics, rateOfEpoch,
                            recoveries, window), net);
                } else {
                    sinceBest++;
                }
                TrainingCheckpoint.save(out, lastGood, new TrainingCheckpoint.State(epoch, bestF1, bestEpoch, sinceBest,
                        learningRate, recoveries));
                EpochReport report = new EpochReport(epoch, options.epochs(), lossSum / Math.max(1, lossCount), v.loss,
                        v.metrics.accuracy(), v.metrics.macroF1(), rateOfEpoch, best, sinceBest,
                        (System.nanoTime() - start) / 1e9);
                history.add(report);
                listener.onEpoch(report);
                if (options.patience() > 0 && sinceBest >= options.patience() && epoch < options.epochs()) {
                    stoppedEarly = true;
                    break;
                }
            }
            if (bestMetrics != null) {
                ModelManifest m = manifest(net, classes, spec, data, bestEpoch, firstEpoch - 1 + history.size(),
                        bestMetrics, bestLearningRate, recoveries, window);
                ModelBundle.writeManifest(out, m);
            }
            return new TrainingResult(out, bestEpoch, bestMetrics, history, stoppedEarly, wasCancelled, recoveries,
                    diverged);
        }
    }

    private static Optimizer adam(EpochRate rate) {
        return Optimizer.adam().optLearningRateTracker(rate).optClipGrad(GRADIENT_CLIP).build();
    }

    /** The frame side of crop training: as set, or the width of the data's first labelled image. */
    private int frameSide(SemDataset data) {
        if (options.crops().frame() > 0) {
            return options.crops().frame();
        }
        for (var s : data.samples()) {
            if (s.label() != null) {
                int side = SemImageReader.read(s.image()).width();
                if (side < options.crops().window()) {
                    throw new DefectLensException(s.image(), "is " + side + " px wide, smaller than the crop window "
                            + options.crops().window() + " px");
                }
                return side;
            }
        }
        throw new DefectLensException(data.root(), "no labelled images to train on");
    }

    private InputSpec inputSpec(EfficientNetV2Config config) {
        int size = options.inputSize() > 0 ? options.inputSize() : config.defaultInputSize();
        if (options.init() != null) {
            InputSpec init = ModelBundle.readManifest(options.init()).input();
            InputSpec sized = new InputSpec(init.channels(), size, size, init.mean(), init.std());
            return options.inputSize() > 0 ? sized : init;
        }
        return options.inputChannels() == 3 ? InputSpec.imagenet(size) : InputSpec.gray(size);
    }

    /**
     * Starts from the feature weights (stem, stages, final conv) of another bundle of the same architecture (or of one
     * whose weights fit, such as {@code efficientnetv2-tiny} for {@code efficientnetv2-tiny-os16}), and from its
     * classifier too when it has the same classes in the same order (fine-tuning rather than transfer).
     */
    private void copyInitWeights(Path initDir, EfficientNetV2 net, List<String> classes) {
        ModelManifest m = ModelBundle.readManifest(initDir);
        if (!net.config().name().startsWith(m.architecture())) {
            throw new DefectLensException(initDir.resolve(ModelBundle.MANIFEST), "--init bundle is " + m.architecture()
                    + ", not " + net.config().name());
        }
        try (EfficientNetV2Classifier init = ModelBundle.loadEfficientNet(initDir, m)) {
            copy(initDir, init.network().features().getParameters(), net.features().getParameters());
            if (m.classes().equals(classes)) {
                copy(initDir, init.network().head().getParameters(), net.head().getParameters());
            }
        }
    }

    private static void copy(Path initDir, PairList<String, Parameter> from, PairList<String, Parameter> to) {
        for (int i = 0; i < to.size(); i++) {
            NDArray src = from.get(i).getValue().getArray();
            NDArray dst = to.get(i).getValue().getArray();
            if (!src.getShape().equals(dst.getShape())) {
                throw new DefectLensException(initDir, "--init weights do not fit (" + to.get(i).getKey() + ": "
                        + src.getShape() + " vs " + dst.getShape() + ")");
            }
            dst.set(src.toFloatArray());
        }
    }

    /**
     * One optimiser step on the batch {@code idx}. The update is skipped (gradients zeroed, weights untouched)
     * when the loss or any gradient is not finite; the return value is then NaN.
     */
    private double step(EfficientNetV2 net, ParameterStore store, Optimizer adam, NDManager root, BatchMaker batches,
            List<Integer> idx, float[] classWeights, Random random) {
        try (NDManager m = root.newSubManager()) {
            BatchMaker.Batch batch = batches.batch(idx, m, random);
            double value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDList maps = net.features().forward(store, new NDList(batch.input()), true);
                NDArray logits = net.head().forward(store, maps, true).singletonOrThrow();
                NDArray loss = CrossEntropy.loss(logits, batch.labels(), classWeights, m);
                if (batch.outside() != null) {
                    NDArray classifier = net.layer("classifier").getParameters().get("weight").getArray();
                    loss = loss.add(EvidenceLoss.share(maps.singletonOrThrow(), classifier, batch.labels(),
                            batch.outside(), batch.evidence()).mul(options.evidenceWeight()));
                }
                collector.backward(loss);
                value = loss.getFloat();
            }
            List<Parameter> trainable = new ArrayList<>();
            for (var p : net.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    trainable.add(p.getValue());
                }
            }
            boolean finite = Double.isFinite(value);
            for (int i = 0; finite && i < trainable.size(); i++) {
                try (NDArray grad = trainable.get(i).getArray().getGradient()) {
                    finite = WeightCheckpoint.finite(grad);
                }
            }
            for (Parameter param : trainable) {
                NDArray w = param.getArray();
                try (NDArray grad = w.getGradient()) {
                    if (finite) {
                        adam.update(param.getId(), w, grad);
                    } else {
                        // drop this batch's gradients instead of poisoning the weights and Adam's moments; zeroed
                        // in place (grad.set(float[]) would hand the gradient a buffer freed once grad is closed)
                        WeightCheckpoint.zero(grad);
                    }
                }
            }
            return finite ? value : Double.NaN;
        }
    }

    private record Validation(double loss, ClassificationMetrics metrics) {
    }

    private Validation validate(EfficientNetV2 net, ParameterStore store, NDManager root, BatchMaker batches,
            List<Integer> idx, List<String> classes) {
        int[] truth = new int[idx.size()];
        int[] predicted = new int[idx.size()];
        double lossSum = 0;
        int step = options.batchSize();
        for (int start = 0; start < idx.size(); start += step) {
            List<Integer> chunk = idx.subList(start, Math.min(idx.size(), start + step));
            try (NDManager m = root.newSubManager()) {
                BatchMaker.Batch batch = batches.batch(chunk, m, null);
                NDArray logits = net.forward(store, new NDList(batch.input()), false).singletonOrThrow();
                int[] labels = batch.labels();
                lossSum += CrossEntropy.loss(logits, labels, null, m).getFloat() * chunk.size();
                long[] arg = logits.argMax(1).toLongArray();
                for (int i = 0; i < chunk.size(); i++) {
                    truth[start + i] = labels[i];
                    predicted[start + i] = (int) arg[i];
                }
            }
        }
        return new Validation(lossSum / Math.max(1, idx.size()), ClassificationMetrics.of(classes, truth, predicted));
    }

    private ModelManifest manifest(EfficientNetV2 net, List<String> classes, InputSpec spec, SemDataset data,
            int bestEpoch, int epochsRun, ClassificationMetrics val, float learningRateNow, int recoveries,
            SlidingWindow window) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("best_epoch", bestEpoch);
        metrics.put("validation_accuracy", val.accuracy());
        metrics.put("validation_macro_f1", val.macroF1());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (ClassScore s : val.perClass()) {
            perClass.put(s.label(), s.f1());
        }
        metrics.put("validation_f1_per_class", perClass);
        metrics.put("validation_images", val.total());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("batch", options.batchSize());
        settings.put("learning_rate", options.learningRate());
        if (options.learningRateDecay() != 1f) {
            settings.put("learning_rate_decay_per_epoch", options.learningRateDecay());
        }
        if (recoveries > 0 || options.learningRateDecay() != 1f) {
            settings.put("learning_rate_at_best_epoch", learningRateNow);
        }
        if (recoveries > 0) {
            settings.put("divergence_recoveries", recoveries);
        }
        settings.put("validation_fraction", options.validationFraction());
        settings.put("patience", options.patience());
        settings.put("augment", options.augment());
        if (options.init() != null) {
            Path initName = options.init().toAbsolutePath().normalize().getFileName();
            settings.put("init", initName == null ? "bundle" : initName.toString());
        }
        if (options.evidenceWeight() > 0) {
            settings.put("evidence_loss_weight", options.evidenceWeight());
        }
        if (options.crops() != null) {
            settings.put("crop_window", options.crops().window());
            settings.put("crop_background_share", options.crops().backgroundShare());
            settings.put("augmentation", "strong");
        }
        metrics.put("settings", settings);
        Provenance p = new Provenance(dataDescription(data), options.seed(), epochsRun,
                options.balance().key(), metrics, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                options.appVersion());
        return ModelBundle.manifestFor(options.name(), net, classes, spec, p, window);
    }

    /** The training data as provenance names it: folder name and image count, never a machine path. */
    private static String dataDescription(SemDataset data) {
        Path name = data.root().toAbsolutePath().normalize().getFileName();
        return (name == null ? "data set" : name.toString()) + " (" + data.size() + " images)";
    }
}
