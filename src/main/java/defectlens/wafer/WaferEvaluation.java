package defectlens.wafer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures a {@link WaferModel} on labelled wafer maps: picks the maps of a data set whose label is one of
 * the model's classes (the others, and unlabelled maps, are counted as skipped), optionally replaces them by
 * an {@link AugmentedTestSet}, classifies them and returns {@link WaferMetrics}.
 */
public final class WaferEvaluation {
    private WaferEvaluation() {
    }

    /** The rows of {@code candidates} a model of {@code classes} can be measured on, and how many it cannot. */
    public record Selection(List<Integer> rows, int skipped) {
    }

    public static Selection select(WaferDataset data, List<Integer> candidates, List<String> classes) {
        List<Integer> rows = new ArrayList<>();
        int skipped = 0;
        for (int i : candidates) {
            WaferMap m = data.get(i);
            if (m.isLabelled() && classes.contains(m.label())) {
                rows.add(i);
            } else {
                skipped++;
            }
        }
        return new Selection(rows, skipped);
    }

    /** All rows of the data set. */
    public static List<Integer> allRows(WaferDataset data) {
        List<Integer> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            rows.add(i);
        }
        return rows;
    }

    /** Metrics of the model on the (augmented) maps. */
    public static WaferMetrics measure(WaferModel model, LabelledMaps test, AugmentedTestSet augment) {
        LabelledMaps maps = augment.apply(test);
        int[] predicted = maps.size() == 0 ? new int[0] : model.classify(maps.maps());
        return WaferMetrics.of(model.classes(), maps.labels(), predicted);
    }

    /** A model's figures on its held-out maps as recorded in provenance ({@code heldOutTest}). */
    public static Map<String, Object> heldOutFacts(WaferMetrics original, WaferMetrics rotflip) {
        Map<String, Object> heldOut = new java.util.LinkedHashMap<>();
        heldOut.put("n", original.count());
        heldOut.put("accuracy", original.accuracy());
        heldOut.put("macroF1", original.macroF1());
        heldOut.put("rotflipN", rotflip.count());
        heldOut.put("rotflipAccuracy", rotflip.accuracy());
        heldOut.put("rotflipMacroF1", rotflip.macroF1());
        return heldOut;
    }
}
