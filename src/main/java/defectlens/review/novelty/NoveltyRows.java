package defectlens.review.novelty;

import defectlens.wafer.WaferDataset;
import java.util.List;
import java.util.Set;

/**
 * Which rows of a labelled wafer file count as known and which as novel for a model: known = labelled with one of
 * the model's classes, novel = labelled with any other class (for a 7-class model, {@code none} and
 * {@code Near-full}); unlabelled rows are neither. The positives of the AUROC are the novel rows.
 */
public final class NoveltyRows {
    private NoveltyRows() {
    }

    /** True when row {@code i} is labelled with a class the model does not know. */
    public static boolean isNovel(WaferDataset data, int i, Set<String> classes) {
        String label = data.get(i).label();
        return label != null && data.get(i).isLabelled() && !classes.contains(label);
    }

    /** True when row {@code i} is labelled with one of the model's classes. */
    public static boolean isKnown(WaferDataset data, int i, Set<String> classes) {
        return data.get(i).isLabelled() && classes.contains(data.get(i).label());
    }

    /** The rows labelled with a class the model does not know. */
    public static int[] novel(WaferDataset data, List<String> classes) {
        Set<String> known = Set.copyOf(classes);
        return java.util.stream.IntStream.range(0, data.size()).filter(i -> isNovel(data, i, known)).toArray();
    }

    /** For each of {@code rows}: true = novel (positive), false = known, null where the row is unlabelled. */
    public static Boolean[] truth(WaferDataset data, int[] rows, List<String> classes) {
        Set<String> known = Set.copyOf(classes);
        Boolean[] out = new Boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = isNovel(data, rows[k], known) ? Boolean.TRUE : isKnown(data, rows[k], known) ? Boolean.FALSE
                    : null;
        }
        return out;
    }
}
