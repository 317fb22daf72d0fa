package defectlens.app.review;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the confusion matrix panel shows: the {@link ConfusionCounts} of the open data set and model (true
 * class from the labels, or from the decisions where made, against the predictions), recounted on
 * {@link #refresh} as predictions or decisions arrive. A click on a cell hands its true and predicted class to
 * the one cell handler (the browser's filter, the review queue). Plain JavaFX properties: no window needed.
 */
public final class ConfusionMatrixViewModel {
    private final ReadOnlyObjectWrapper<ConfusionCounts> counts = new ReadOnlyObjectWrapper<>();
    private List<String> classes = List.of();
    private int size;
    private IntUnaryOperator truth = i -> -1;
    private IntUnaryOperator predicted = i -> -1;
    private BiConsumer<String, String> onCell = (t, p) -> { };
    private Supplier<ConfusionCounts> source;

    /**
     * Shows items {@code 0..size-1}: their true and predicted class as indices into {@code classes}, -1 for
     * none. The functions are asked again on each {@link #refresh}.
     */
    public void show(List<String> classes, int size, IntUnaryOperator truth, IntUnaryOperator predicted) {
        this.classes = List.copyOf(classes);
        this.size = size;
        this.truth = Objects.requireNonNull(truth);
        this.predicted = Objects.requireNonNull(predicted);
        this.source = () -> ConfusionCounts.of(this.classes, this.size, this.truth, this.predicted);
        refresh();
    }

    /** Shows counts made elsewhere (a review's, counted off the UI thread); {@link #refresh} keeps them. */
    public void set(ConfusionCounts c) {
        this.source = null;
        this.classes = c.classes();
        this.size = 0;
        this.counts.set(c);
    }

    /** Shows nothing (no data set, no model or no predictions). */
    public void clear() {
        classes = List.of();
        size = 0;
        source = null;
        counts.set(null);
    }

    /** Counts again (predictions or decisions changed). */
    public void refresh() {
        if (source != null) {
            ConfusionCounts c = source.get();
            classes = c.classes();
            counts.set(c);
        }
    }

    /** Who gets a clicked cell: its true class and predicted class names. */
    public void setOnCell(BiConsumer<String, String> onCell) {
        this.onCell = Objects.requireNonNull(onCell);
    }

    /** A click on cell (true class index, predicted class index). */
    public void select(int trueClass, int predictedClass) {
        if (trueClass >= 0 && trueClass < classes.size() && predictedClass >= 0 && predictedClass < classes.size()) {
            onCell.accept(classes.get(trueClass), classes.get(predictedClass));
        }
    }

    /**
     * The items of a cell given by class names, in item order (empty for a name not among the classes, and for
     * counts made elsewhere: their owner lists the cell).
     */
    public int[] itemsIn(String trueClass, String predictedClass) {
        int t = classes.indexOf(trueClass);
        int p = classes.indexOf(predictedClass);
        return t < 0 || p < 0 ? new int[0] : ConfusionCounts.itemsIn(size, truth, predicted, t, p);
    }

    /** The counts shown, null while there is nothing to show. */
    public ReadOnlyObjectProperty<ConfusionCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }
}
