package defectlens.app.wafer;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.app.task.TaskSlot;
import defectlens.explain.lrp.LrpComposite;
import defectlens.image.ArgbImage;
import defectlens.wafer.RadonTransform;
import defectlens.wafer.Sinogram;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPictures;
import defectlens.wafer.WaferPreprocessing;
import defectlens.wafer.explain.WaferRelevance;
import defectlens.wafer.explain.WaferRelevanceOverlay;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The wafer side panel's state: the selected map as the networks see it (64x64, failing dies only),
 * turned and flipped by the user, its sinogram, and the class probabilities of the proposed
 * (Radon + kernel-flip) and the baseline model side by side, and their LRP explanations (the proposed
 * model's relevance on its sinogram and back-projected onto the wafer, the baseline's on the map). The work
 * runs as {@link BackgroundTask}s on the interactive lane; a newer request cancels the older one, whose results
 * are then dropped.
 */
public final class WaferSideViewModel {
    private static final int SIDE = WaferPreprocessing.SIZE;
    /** The shipped BSEML bundle the features + stacking column shows. */
    public static final String SHIPPED_BSEML = "wafer-bseml-all9";

    private final TaskExecutor executor;
    private final TaskSlot refreshing;
    private final ObjectProperty<WaferModelPair> models = new SimpleObjectProperty<>();
    private final BooleanProperty averageSymmetries = new SimpleBooleanProperty(false);
    private final ObjectProperty<WaferClassSet> classSet = new SimpleObjectProperty<>(WaferClassSet.PAPER7);
    private Path shippedModels;
    private final ObjectProperty<ArgbImage> mapPicture = new SimpleObjectProperty<>();
    private final ObjectProperty<ArgbImage> sinogramPicture = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> proposedProbabilities = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> baselineProbabilities = new SimpleObjectProperty<>();
    private final StringProperty transformText = new SimpleStringProperty("original");
    private final ObjectProperty<ArgbImage> proposedSinogramRelevance = new SimpleObjectProperty<>();
    private final ObjectProperty<ArgbImage> proposedWaferRelevance = new SimpleObjectProperty<>();
    private final ObjectProperty<ArgbImage> baselineRelevance = new SimpleObjectProperty<>();
    private final StringProperty lrpText = new SimpleStringProperty("");
    private final DoubleProperty lrpOpacity = new SimpleDoubleProperty(0.85);
    private WaferRelevance lastProposed;
    private WaferRelevance lastBaseline;
    private float[] original;
    private float[] current;
    private int quarterTurns;
    private boolean flippedH;
    private boolean flippedV;

    private Path proposedDir;
    private final WaferFeatureViewModel features;

    public WaferSideViewModel(TaskExecutor executor) {
        this.executor = executor;
        this.refreshing = new TaskSlot(executor);
        this.features = new WaferFeatureViewModel(executor);
        lrpOpacity.addListener((o, a, b) -> renderRelevance());
        classSet.addListener((o, a, b) -> loadClassSet(b));
        averageSymmetries.addListener((o, a, b) -> refresh());
        models.addListener((o, a, b) -> {
            if (b != null) {
                averageSymmetries.set(b.proposed().averageOverSymmetries()); // the bundle's setting first
            }
            if (a != null) {
                closeWhenUnused(a);
            }
            proposedProbabilities.set(null);
            baselineProbabilities.set(null);
            refresh();
        });
    }

    /**
     * Closes a model pair that is no longer shown once nothing uses it any more: after the side-panel work
     * queued before the swap (interactive lane) and after a classify-all that may still be running its last
     * batch with it (work lane); both lanes run one task at a time, in order. When the window is closing the
     * lanes take no more work and the native memory goes with the process.
     */
    private void closeWhenUnused(WaferModelPair old) {
        executor.execute(BackgroundTask.of("Finishing with " + old.name(), ctx -> null).onLane(TaskLane.INTERACTIVE)
                .onSuccess(none -> executor.execute(BackgroundTask.of("Closing " + old.name(), ctx -> {
                    old.close();
                    return null;
                }).onLane(TaskLane.WORK))));
    }

    /**
     * Where the shipped bundles are ({@code models/}): from then on the class set chooses the pair
     * {@code wafer-proposed-<set>} / {@code wafer-baseline-<set>} in it, starting with the current one; the
     * features + stacking column takes {@code wafer-bseml-all9} from there when it is present.
     */
    public void useShippedModels(Path modelsFolder) {
        this.shippedModels = modelsFolder;
        loadClassSet(classSet.get());
        Path bseml = modelsFolder.resolve(SHIPPED_BSEML);
        if (java.nio.file.Files.isDirectory(bseml)) {
            features.loadModel(bseml);
        }
    }

    /** The features + stacking column and the feature view of the same map. */
    public WaferFeatureViewModel features() {
        return features;
    }

    private void loadClassSet(WaferClassSet set) {
        if (shippedModels == null || set == null) {
            return;
        }
        Path proposed = shippedModels.resolve("wafer-proposed-" + set.id());
        Path baseline = shippedModels.resolve("wafer-baseline-" + set.id());
        if (!java.nio.file.Files.isDirectory(proposed) || !java.nio.file.Files.isDirectory(baseline)) {
            executor.reportError("Cannot load the wafer models", new defectlens.core.DefectLensException(shippedModels,
                    "no shipped wafer models for the class set " + set.id() + " (wafer-proposed-" + set.id()
                    + " and wafer-baseline-" + set.id() + ")"));
            return;
        }
        loadModels(proposed, baseline);
    }

    /** Loads a proposed and a baseline bundle in the background. */
    public BackgroundTask<WaferModelPair> loadModels(Path proposed, Path baseline) {
        return executor.execute(BackgroundTask.of("Loading " + proposed.getFileName(), ctx -> {
            WaferModel p = WaferModelBundle.load(proposed);
            WaferModel b = WaferModelBundle.load(baseline);
            return WaferModelPair.of(proposed.getFileName().toString(), p, b);
        }).onLane(TaskLane.INTERACTIVE).onSuccess(pair -> {
            proposedDir = proposed;
            models.set(pair);
        }).failureTitle("Cannot load the wafer models"));
    }

    /** The folder of the proposed model of the loaded pair (a review names it), or null. */
    public Path proposedDir() {
        return models.get() == null ? null : proposedDir;
    }

    /** Shows a new wafer (as it is in the file: no turn, no flip). */
    public void show(WaferMap map) {
        if (map == null) {
            original = null;
            current = null;
        } else {
            original = WaferPreprocessing.toNetworkMap(map.dies(), map.rows(), map.cols());
            current = original;
        }
        quarterTurns = 0;
        flippedH = false;
        flippedV = false;
        features.show(map);
        refresh();
    }

    /** Turns the map a quarter turn counter-clockwise (as numpy's rot90). */
    public void rotate() {
        if (current != null) {
            current = WaferPreprocessing.rotate90(current, SIDE, 1);
            quarterTurns = (quarterTurns + 1) % 4;
            features.rotate();
            refresh();
        }
    }

    public void flipHorizontal() {
        if (current != null) {
            current = WaferPreprocessing.flipHorizontal(current, SIDE);
            flippedH = !flippedH;
            features.flipHorizontal();
            refresh();
        }
    }

    public void flipVertical() {
        if (current != null) {
            current = WaferPreprocessing.flipVertical(current, SIDE);
            flippedV = !flippedV;
            features.flipVertical();
            refresh();
        }
    }

    public void reset() {
        if (original != null) {
            current = original;
            quarterTurns = 0;
            flippedH = false;
            flippedV = false;
            features.reset();
            refresh();
        }
    }

    private void refresh() {
        transformText.set(describe());
        float[] map = current;
        WaferModelPair pair = models.get();
        boolean average = averageSymmetries.get();
        refreshing.cancel();
        if (map == null) {
            mapPicture.set(null);
            sinogramPicture.set(null);
            proposedProbabilities.set(null);
            baselineProbabilities.set(null);
            lastProposed = null;
            lastBaseline = null;
            renderRelevance();
            return;
        }
        refreshing.run(BackgroundTask.of("Classifying the wafer", ctx -> {
            int angles = pair == null ? 64 : pair.proposed().angles();
            Sinogram s = RadonTransform.of(SIDE, angles).forward(map);
            ArgbImage mp = WaferPictures.networkMap(map, SIDE);
            ArgbImage sp = WaferPictures.sinogram(s);
            float[] p = pair == null ? null : pair.proposed().predict(new float[][] {map}, average)[0];
            float[] b = pair == null ? null : pair.baseline().predict(new float[][] {map})[0];
            ctx.publish(() -> {
                mapPicture.set(mp);
                sinogramPicture.set(sp);
                proposedProbabilities.set(p);
                baselineProbabilities.set(b);
            });
            if (pair == null || ctx.isCancelled()) {
                return null;
            }
            LrpComposite rules = LrpComposite.defaultComposite();
            return new WaferRelevance[] {pair.proposedLrp().explain(map, -1, rules),
                    pair.baselineLrp().explain(map, -1, rules)};
        }).onLane(TaskLane.INTERACTIVE).onSuccess(relevance -> {
            if (relevance != null) {
                lastProposed = relevance[0];
                lastBaseline = relevance[1];
                renderRelevance();
            }
        }).failureTitle("Cannot classify the wafer"));
    }

    /** Draws the last LRP explanations at the current opacity (cheap: no model call). */
    private void renderRelevance() {
        WaferRelevance p = lastProposed;
        WaferRelevance b = lastBaseline;
        double a = lrpOpacity.get();
        proposedSinogramRelevance.set(p == null ? null : WaferRelevanceOverlay.render(p.input(), p.lrp().relevance(), SIDE, 3, a));
        proposedWaferRelevance.set(p == null ? null : WaferRelevanceOverlay.render(p.map(), p.waferRelevance(), SIDE, 3, a));
        baselineRelevance.set(b == null ? null : WaferRelevanceOverlay.render(b.map(), b.waferRelevance(), SIDE, 3, a));
        lrpText.set(p == null || b == null ? "" : String.format(java.util.Locale.ROOT,
                "Proposed explains %s (conservation %.2f, %.0f %% of positive relevance on failing dies); "
                        + "baseline explains %s (conservation %.2f, %.0f %% on failing dies)",
                p.explainedClass(), p.lrp().conservation(), 100 * p.positiveShareOnFailedDies(),
                b.explainedClass(), b.lrp().conservation(), 100 * b.positiveShareOnFailedDies()));
    }

    public ObjectProperty<ArgbImage> proposedSinogramRelevanceProperty() {
        return proposedSinogramRelevance;
    }

    public ObjectProperty<ArgbImage> proposedWaferRelevanceProperty() {
        return proposedWaferRelevance;
    }

    public ObjectProperty<ArgbImage> baselineRelevanceProperty() {
        return baselineRelevance;
    }

    public StringProperty lrpTextProperty() {
        return lrpText;
    }

    public DoubleProperty lrpOpacityProperty() {
        return lrpOpacity;
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        if (quarterTurns > 0) {
            sb.append("turned ").append(quarterTurns * 90).append("\u00B0");
        }
        if (flippedH) {
            sb.append(sb.length() > 0 ? ", " : "").append("flipped left-right");
        }
        if (flippedV) {
            sb.append(sb.length() > 0 ? ", " : "").append("flipped top-bottom");
        }
        return sb.length() == 0 ? "original" : sb.toString();
    }

    public List<String> classes() {
        WaferModelPair p = models.get();
        return p == null ? List.of() : p.proposed().classes();
    }

    /**
     * Whether the proposed model's probabilities (here and in classify-all) are averaged over the 8 turns
     * and flips of each map: set from the bundle when a pair loads, the user may switch it (8x the work).
     */
    public BooleanProperty averageSymmetriesProperty() {
        return averageSymmetries;
    }

    /** The class set of the shipped model pair shown (paper7 or all9); changing it loads the other pair. */
    public ObjectProperty<WaferClassSet> classSetProperty() {
        return classSet;
    }

    public ObjectProperty<WaferModelPair> modelsProperty() {
        return models;
    }

    public ObjectProperty<ArgbImage> mapPictureProperty() {
        return mapPicture;
    }

    public ObjectProperty<ArgbImage> sinogramPictureProperty() {
        return sinogramPicture;
    }

    public ObjectProperty<float[]> proposedProbabilitiesProperty() {
        return proposedProbabilities;
    }

    public ObjectProperty<float[]> baselineProbabilitiesProperty() {
        return baselineProbabilities;
    }

    public StringProperty transformTextProperty() {
        return transformText;
    }
}
