package defectlens.review;

import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.wafer.WaferDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The items of a review as an empty {@link PredictionTable}: SEM samples in data-set order with their ids and
 * labels, or the rows of a wafer file with their failure types. The label classes start with the model's classes
 * in its order, followed by any other label the data carries (a wafer file's {@code none} and {@code Near-full}
 * for a 7-class model), so a confusion matrix has the model's classes first.
 */
public final class ReviewItems {
    private ReviewItems() {
    }

    public static PredictionTable of(SemDataset data, List<String> modelClasses) {
        List<String> labels = new ArrayList<>();
        for (SemSample s : data.samples()) {
            labels.add(s.label());
        }
        String[] ids = data.samples().stream().map(SemSample::id).toArray(String[]::new);
        return table(modelClasses, labels, ids);
    }

    public static PredictionTable of(WaferDataset data, List<String> modelClasses) {
        List<String> labels = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            labels.add(data.get(i).label());
        }
        return table(modelClasses, labels, null);
    }

    private static PredictionTable table(List<String> modelClasses, List<String> labels, String[] ids) {
        List<String> labelClasses = new ArrayList<>(modelClasses);
        TreeSet<String> others = new TreeSet<>();
        for (String l : labels) {
            if (l != null && !modelClasses.contains(l)) {
                others.add(l);
            }
        }
        labelClasses.addAll(others);
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < labelClasses.size(); i++) {
            index.put(labelClasses.get(i), i);
        }
        int[] idx = new int[labels.size()];
        for (int i = 0; i < idx.length; i++) {
            String l = labels.get(i);
            idx[i] = l == null ? -1 : index.get(l);
        }
        return new PredictionTable(modelClasses, labelClasses, ids, idx);
    }
}
