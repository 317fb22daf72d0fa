package defectlens.app.sem;

import defectlens.app.common.LoadedModel;
import defectlens.app.common.MainViewModel;
import defectlens.app.review.ConfusionMatrixViewModel;
import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskLane;
import defectlens.app.task.TaskSlot;
import defectlens.core.Progress;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.model.Prediction;
import defectlens.model.SemClassifier;
import defectlens.review.DatasetPredictions;
import defectlens.review.PredictionRun;
import defectlens.review.PredictionTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's predictions: classifies the shown image or the whole open data set with the current
 * SEM model as a task on the classification lane (progress, cancel, one {@link SemClassifier} and so one
 * NDManager per run), keeps the answers per data set and model (cleared when either changes), and
 * offers the review aids of the browser: a "prediction differs from label" filter and an order that
 * puts the least certain predictions first.
 */
public final class ClassificationViewModel {
    /** How many classes a prediction keeps (the information panel shows them all). */
    public static final int TOP = 3;

    private final MainViewModel main;
    private final Map<SemSample, Prediction> predictions = new HashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Prediction> current = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty differsOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty leastCertainFirst = new SimpleBooleanProperty(false);
    private final ObjectProperty<String[]> cell = new SimpleObjectProperty<>();
    private final ConfusionMatrixViewModel confusion = new ConfusionMatrixViewModel();
    private final ObjectProperty<Predicate<SemSample>> filter = new SimpleObjectProperty<>(s -> true);
    private final ObjectProperty<Comparator<SemSample>> order = new SimpleObjectProperty<>();
    private final JobStatus job = new JobStatus("No predictions");
    private final StringProperty status = job.statusProperty();
    private final BooleanBinding canClassify;
    private final TaskSlot running;

    public ClassificationViewModel(MainViewModel main) {
        this.main = main;
        this.running = new TaskSlot(main.executor(), job);
        canClassify = main.modelProperty().isNotNull().and(main.datasetProperty().isNotNull());
        main.datasetProperty().addListener((o, a, b) -> {
            forget();
            restore();
        });
        main.modelProperty().addListener((o, a, b) -> {
            forget();
            restore();
        });
        main.selectedProperty().addListener((o, a, b) -> updateCurrent());
        revision.addListener((o, a, b) -> {
            updateCurrent();
            updateFilterAndOrder();
            showConfusion();
        });
        differsOnly.addListener((o, a, b) -> updateFilterAndOrder());
        cell.addListener((o, a, b) -> updateFilterAndOrder());
        confusion.setOnCell((t, p) -> cell.set(new String[] {t, p}));
        leastCertainFirst.addListener((o, a, b) -> updateFilterAndOrder());
    }

    /** Classifies the selected image in the background. */
    public BackgroundTask<List<Prediction>> classifySelected() {
        SemSample s = main.selectedProperty().get();
        if (s == null) {
            return null;
        }
        return start("Classifying " + s.fileName(), List.of(s));
    }

    /**
     * Classifies every image of the open data set that has no prediction yet, in the background, in batches.
     * The predictions are kept in the user's cache under the data's fingerprint and the model's weights, so a
     * restart shows them again and a cancelled run goes on where it stopped; an unreadable image is skipped and
     * counted.
     */
    public BackgroundTask<PredictionRun.Result> classifyDataset() {
        SemDataset d = main.datasetProperty().get();
        LoadedModel model = main.modelProperty().get();
        if (d == null) {
            return null;
        }
        if (model == null) {
            main.reportError("No model open", new defectlens.core.DefectLensException(
                    "open a model bundle first (Model > Open model...)"));
            return null;
        }
        return running.run(BackgroundTask.of("Classifying " + d.size() + " images of " + d.name(), ctx -> {
            DatasetPredictions cache = DatasetPredictions.sem(d, model.dir(), model.classifier().classes());
            PredictionTable table = cache.table();
            Map<SemSample, Prediction> earlier = predictionsOf(d, table, doneRows(table));
            if (!earlier.isEmpty()) {
                ctx.publish(() -> accept(d, model, earlier));
            }
            try (SemClassifier classifier = new SemClassifier(model.classifier())) {
                return new PredictionRun(t -> cache.save(), rows -> {
                    Map<SemSample, Prediction> found = predictionsOf(d, table, rows);
                    ctx.publish(() -> accept(d, model, found));
                }).sem(classifier, d, table, ctx);
            }
        }).onLane(TaskLane.CLASSIFICATION)
                .onSuccess(r -> status.set(predictions.size() + " of " + d.size() + " images classified by "
                        + model.name() + (r.unreadable() > 0 ? "; " + r.unreadable() + " unreadable, e.g. "
                        + r.firstProblem() : "")))
                .failureTitle("Cannot classify with " + model.name())
                .cancelledText(() -> "Cancelled: " + predictions.size() + " images classified (kept; classify all "
                        + "goes on from there)"));
    }

    /**
     * Shows the predictions of the open model on the open data set that an earlier run left in the user's cache
     * (nothing is classified).
     */
    private void restore() {
        SemDataset d = main.datasetProperty().get();
        LoadedModel model = main.modelProperty().get();
        if (d == null || model == null) {
            return;
        }
        running.run(BackgroundTask.of("Looking for earlier predictions of " + model.name(), ctx -> {
            PredictionTable table = DatasetPredictions.sem(d, model.dir(), model.classifier().classes()).table();
            return predictionsOf(d, table, doneRows(table));
        }).onLane(TaskLane.CLASSIFICATION).onSuccess(found -> {
            accept(d, model, found);
            status.set(found.isEmpty() ? nextStepHint() : found.size() + " of " + d.size()
                    + " images classified earlier by " + model.name() + " (from the cache)");
        }).failureTitle("Cannot read earlier predictions").cancelledText(() -> "No predictions"));
    }

    private static int[] doneRows(PredictionTable t) {
        return java.util.stream.IntStream.range(0, t.size()).filter(t::isDone).toArray();
    }

    /** The predictions of the given rows of a table, as the browser keeps them. */
    private static Map<SemSample, Prediction> predictionsOf(SemDataset d, PredictionTable t, int[] rows) {
        Map<SemSample, Prediction> out = new HashMap<>();
        int c = t.classes().size();
        for (int i : rows) {
            double[] p = new double[c];
            for (int j = 0; j < c; j++) {
                p[j] = t.probability(i, j);
            }
            out.put(d.samples().get(i), new Prediction(t.id(i), t.top(i, TOP), p));
        }
        return out;
    }

    private BackgroundTask<List<Prediction>> start(String what, List<SemSample> samples) {
        LoadedModel model = main.modelProperty().get();
        if (model == null) {
            main.reportError("No model open", new defectlens.core.DefectLensException(
                    "open a model bundle first (Model > Open model...)"));
            return null;
        }
        SemDataset dataset = main.datasetProperty().get();
        return running.run(BackgroundTask.of(what, ctx -> classify(model, samples, ctx,
                answers -> ctx.publish(() -> accept(dataset, model, answers))))
                .onLane(TaskLane.CLASSIFICATION)
                .onSuccess(done -> status.set(predictions.size() + " of " + (dataset == null ? 0 : dataset.size())
                        + " images classified by " + model.name()))
                .failureTitle("Cannot classify with " + model.name())
                .cancelledText(() -> "Cancelled: " + predictions.size() + " images classified"));
    }

    /**
     * The work of a run, off the FX thread: one {@link SemClassifier} (and so one NDManager) for all batches,
     * each batch's answers handed to {@code answers} as soon as they are known; stops between batches.
     */
    private static List<Prediction> classify(LoadedModel model, List<SemSample> samples, Progress progress,
            Consumer<Map<SemSample, Prediction>> answers) {
        List<Prediction> out = new ArrayList<>(samples.size());
        int step = batchSize(model);
        progress.update(0, samples.size(), "0/" + samples.size() + " images");
        try (SemClassifier classifier = new SemClassifier(model.classifier())) {
            for (int start = 0; start < samples.size() && !progress.isCancelled(); start += step) {
                List<SemSample> chunk = samples.subList(start, Math.min(samples.size(), start + step));
                List<String> ids = new ArrayList<>();
                List<ImageRaster> images = new ArrayList<>();
                for (SemSample s : chunk) {
                    ids.add(s.id());
                    images.add(SemImageReader.read(s.image()));
                }
                List<Prediction> batch = classifier.classifyBatch(ids, images, TOP);
                out.addAll(batch);
                Map<SemSample, Prediction> found = new HashMap<>();
                for (int i = 0; i < chunk.size(); i++) {
                    found.put(chunk.get(i), batch.get(i));
                }
                answers.accept(found);
                progress.update(out.size(), samples.size(), out.size() + "/" + samples.size() + " images");
            }
        }
        return out;
    }

    /**
     * Images per forward pass for a model: batches save little time on a CPU, and every activation of a
     * pass stays allocated until it ends (EfficientNetV2-S at 384x384 needs about 0.75 GB per image).
     */
    static int batchSize(LoadedModel model) {
        return SemClassifier.recommendedBatch(model.classifier().input());
    }

    /** Takes a batch of answers unless the data set or the model changed meanwhile. */
    private void accept(SemDataset dataset, LoadedModel model, Map<SemSample, Prediction> answers) {
        if (dataset == main.datasetProperty().get() && model == main.modelProperty().get()) {
            predictions.putAll(answers);
            revision.set(revision.get() + 1);
        }
    }

    /** Stops the running classification between two batches. */
    public void cancel() {
        running.cancel();
    }

    private void forget() {
        cancel();
        predictions.clear();
        revision.set(revision.get() + 1);
        status.set(nextStepHint());
    }

    /** What the user does next to see predictions (shown until predictions come from the cache or a run). */
    String nextStepHint() {
        if (main.modelProperty().get() == null) {
            return "No predictions: open a model (Model > Open model...)";
        }
        if (main.datasetProperty().get() == null) {
            return "No predictions: open a data set (File > Open data set...)";
        }
        return "Not classified yet: Model > Classify data set (Ctrl+Shift+K)";
    }

    private void updateCurrent() {
        SemSample s = main.selectedProperty().get();
        current.set(s == null ? null : predictions.get(s));
    }

    private void showConfusion() {
        SemDataset d = main.datasetProperty().get();
        LoadedModel model = main.modelProperty().get();
        if (d == null || model == null || predictions.isEmpty()) {
            confusion.clear();
            cell.set(null);
            return;
        }
        List<String> classes = model.classifier().classes();
        List<SemSample> samples = d.samples();
        confusion.show(classes, samples.size(), i -> classes.indexOf(samples.get(i).label()), i -> {
            Prediction p = predictions.get(samples.get(i));
            return p == null ? -1 : classes.indexOf(p.label());
        });
    }

    private void updateFilterAndOrder() {
        boolean differs = differsOnly.get();
        String[] c = cell.get();
        if (c != null) {
            filter.set(s -> c[0].equals(s.label()) && predictions.get(s) != null
                    && c[1].equals(predictions.get(s).label()));
            order.set(leastCertainFirst.get() ? byConfidence() : null);
            return;
        }
        filter.set(s -> !differs || differsFromLabel(s));
        order.set(leastCertainFirst.get() ? byConfidence() : null);
    }

    /** True when the sample has a label and a prediction and they disagree. */
    public boolean differsFromLabel(SemSample s) {
        Prediction p = predictions.get(s);
        return p != null && s.label() != null && !s.label().equals(p.label());
    }

    /** Least certain first; samples without a prediction last, in file-name order. */
    private Comparator<SemSample> byConfidence() {
        Map<SemSample, Prediction> snapshot = new HashMap<>(predictions);
        return Comparator.comparingDouble((SemSample s) -> {
            Prediction p = snapshot.get(s);
            return p == null ? Double.POSITIVE_INFINITY : p.confidence();
        }).thenComparing(SemSample::fileName);
    }

    /** One line for a browser row, e.g. {@code -> line_break 87 %}, or null without a prediction. */
    public String describe(SemSample s) {
        Prediction p = predictions.get(s);
        return p == null ? null : String.format(java.util.Locale.ROOT, "\u2192 %s %.0f %%", p.label(), 100 * p.confidence());
    }

    /** The prediction of a sample, or null. */
    public Prediction predictionOf(SemSample s) {
        return predictions.get(s);
    }

    /** How many images have a prediction. */
    public int count() {
        return predictions.size();
    }

    /** Counts up whenever predictions arrive or are cleared (once per batch, not per image). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The prediction of the selected image (null when it has none). */
    public ReadOnlyObjectProperty<Prediction> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The confusion matrix of the predictions against the labels; a click on a cell lists its images. */
    public ConfusionMatrixViewModel confusion() {
        return confusion;
    }

    /** The confusion cell (true class, predicted class) the browser shows instead of the filters, or null. */
    public ObjectProperty<String[]> cellProperty() {
        return cell;
    }

    public BooleanProperty differsOnlyProperty() {
        return differsOnly;
    }

    public BooleanProperty leastCertainFirstProperty() {
        return leastCertainFirst;
    }

    /** What the browser keeps: everything, or only the rows whose prediction differs from the label. */
    public ReadOnlyObjectProperty<Predicate<SemSample>> filterProperty() {
        return filter;
    }

    /** How the browser orders its rows: null for data-set order, else least certain first. */
    public ReadOnlyObjectProperty<Comparator<SemSample>> orderProperty() {
        return order;
    }

    /** True while a model and a data set are open. */
    public BooleanBinding canClassifyBinding() {
        return canClassify;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public BooleanProperty busyProperty() {
        return job.busyProperty();
    }
}
