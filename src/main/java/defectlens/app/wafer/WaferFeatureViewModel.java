package defectlens.app.wafer;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.app.task.TaskSlot;
import defectlens.wafer.WaferGridSymmetry;
import defectlens.wafer.WaferMap;
import defectlens.wafer.features.FeatureBreakdown;
import defectlens.wafer.stacking.BsemlModel;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "features + stacking" part of the wafer side panel: the selected map at its original size, turned and flipped
 * with the network map, its 59 features broken down for the feature view ({@link FeatureBreakdown}) and the class
 * probabilities of a BSEML bundle. The bundle loads in the background; the features and the probabilities are
 * computed on the interactive lane, a newer map cancelling the older one's work.
 */
public final class WaferFeatureViewModel {
    private final TaskExecutor executor;
    private final TaskSlot refreshing;
    private final ObjectProperty<BsemlModel> model = new SimpleObjectProperty<>();
    private final ObjectProperty<FeatureBreakdown> breakdown = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> probabilities = new SimpleObjectProperty<>();
    private final StringProperty modelName = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private WaferMap original;
    private WaferMap current;

    public WaferFeatureViewModel(TaskExecutor executor) {
        this.executor = executor;
        this.refreshing = new TaskSlot(executor);
        model.addListener((o, a, b) -> {
            probabilities.set(null);
            refresh();
        });
    }

    /** Loads a BSEML bundle in the background; it replaces the shown one when it has loaded. */
    public BackgroundTask<BsemlModel> loadModel(Path dir) {
        return executor.execute(BackgroundTask.of("Loading " + dir.getFileName(), ctx -> BsemlModel.load(dir))
                .onLane(TaskLane.INTERACTIVE).onSuccess(m -> {
                    modelName.set(dir.getFileName().toString());
                    model.set(m);
                }).failureTitle("Cannot load the features + stacking model"));
    }

    /** Shows a new map (as it is in the file), or nothing for null. */
    public void show(WaferMap map) {
        original = map;
        current = map;
        refresh();
    }

    /** A quarter turn counter-clockwise, as the network map turns. */
    public void rotate() {
        transform(WaferGridSymmetry::rotate90);
    }

    public void flipHorizontal() {
        transform(WaferGridSymmetry::flipHorizontal);
    }

    public void flipVertical() {
        transform(WaferGridSymmetry::flipVertical);
    }

    /** Back to the map as it is in the file. */
    public void reset() {
        if (original != null && current != original) {
            current = original;
            refresh();
        }
    }

    private void transform(java.util.function.UnaryOperator<WaferMap> op) {
        if (current != null) {
            current = op.apply(current);
            refresh();
        }
    }

    private void refresh() {
        WaferMap map = current;
        BsemlModel m = model.get();
        refreshing.cancel();
        if (map == null) {
            breakdown.set(null);
            probabilities.set(null);
            note.set("");
            return;
        }
        refreshing.run(BackgroundTask.of("Wafer features", ctx -> {
            FeatureBreakdown b = FeatureBreakdown.of(map);
            float[] p = m == null ? null : m.predict(List.of(map))[0];
            ctx.publish(() -> {
                breakdown.set(b);
                probabilities.set(p);
                note.set(b == null ? "A " + map.rows() + " x " + map.cols() + " map has no features (a side under "
                        + defectlens.wafer.features.WaferFeatures.MIN_SIDE + " dies)" : "");
            });
            return null;
        }).onLane(TaskLane.INTERACTIVE).failureTitle("Cannot compute the wafer features"));
    }

    /** The BSEML model's class probabilities for {@code classes} by name (NaN where it lacks a class), or null. */
    public float[] probabilitiesFor(List<String> classes) {
        float[] p = probabilities.get();
        BsemlModel m = model.get();
        if (p == null || m == null) {
            return null;
        }
        float[] out = new float[classes.size()];
        for (int c = 0; c < out.length; c++) {
            int at = m.classes().indexOf(classes.get(c));
            out[c] = at < 0 ? Float.NaN : p[at];
        }
        return out;
    }

    public ObjectProperty<BsemlModel> modelProperty() {
        return model;
    }

    public ObjectProperty<FeatureBreakdown> breakdownProperty() {
        return breakdown;
    }

    /** The class probabilities of the loaded model in its own class order, or null. */
    public ObjectProperty<float[]> probabilitiesProperty() {
        return probabilities;
    }

    /** The loaded bundle's folder name ("" before one loads). */
    public StringProperty modelNameProperty() {
        return modelName;
    }

    /** Why there is no breakdown for the shown map ("" when there is one or no map). */
    public StringProperty noteProperty() {
        return note;
    }
}
