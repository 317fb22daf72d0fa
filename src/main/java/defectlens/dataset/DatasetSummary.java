package defectlens.dataset;

import java.util.Map;

/** What {@code dataset info --json} prints: layout, number of images, images per class, masks. */
public record DatasetSummary(String path, String layout, int images, Map<String, Integer> classes, int masks) {
    public static DatasetSummary of(SemDataset d) {
        return new DatasetSummary(d.root().toString(), d.layout().id(), d.size(), d.classCounts(), d.maskCount());
    }
}
