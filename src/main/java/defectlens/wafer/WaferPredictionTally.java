package defectlens.wafer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running counts over classified maps: how many the model put in each class, and, for the labelled maps whose
 * label is one of the model's classes, how many it got right. Labelled maps of other classes and unlabelled
 * maps are counted apart (a paper7 model never answers {@code none}).
 */
public final class WaferPredictionTally {
    private final List<String> classes;
    private final long[] predicted;
    private long classified;
    private long scored;
    private long correct;
    private long otherLabel;
    private long unlabelled;

    public WaferPredictionTally(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.predicted = new long[classes.size()];
    }

    public void add(WaferDataset data, List<Integer> rows, float[][] probabilities) {
        for (int i = 0; i < rows.size(); i++) {
            int best = WaferPredictions.argMax(probabilities[i]);
            predicted[best]++;
            classified++;
            String label = data.get(rows.get(i)).label();
            if (label == null) {
                unlabelled++;
            } else if (classes.contains(label)) {
                scored++;
                if (classes.get(best).equals(label)) {
                    correct++;
                }
            } else {
                otherLabel++;
            }
        }
    }

    public long classified() {
        return classified;
    }

    /** Labelled maps of the model's classes among those classified. */
    public long scored() {
        return scored;
    }

    public long correct() {
        return correct;
    }

    /** Share of the scored maps predicted right; NaN when none was scored. */
    public double accuracy() {
        return scored == 0 ? Double.NaN : (double) correct / scored;
    }

    /** The counts as a JSON-ready map (key order fixed). */
    public Map<String, Object> toJson() {
        Map<String, Object> byClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            byClass.put(classes.get(c), predicted[c]);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("classified", classified);
        doc.put("predicted", byClass);
        doc.put("labelled_in_model_classes", scored);
        doc.put("correct", correct);
        doc.put("accuracy", scored == 0 ? null : accuracy());
        doc.put("labelled_other_classes", otherLabel);
        doc.put("unlabelled", unlabelled);
        return doc;
    }
}
