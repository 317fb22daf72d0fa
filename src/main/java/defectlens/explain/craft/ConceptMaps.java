package defectlens.explain.craft;

import defectlens.explain.Heatmap;

/**
 * The concept coefficients of one image at every feature-map location: row-major
 * {@code (height * width, rank)} non-negative values, with the bank's importances. Each concept's
 * map and the importance-weighted CRAFT map come out as {@link Heatmap}s.
 */
public record ConceptMaps(ConceptBank bank, int target, double score, int width, int height, float[] coefficients) {

    /** The raw map of concept {@code c} at feature resolution. */
    public float[] conceptMap(int c) {
        int cells = width * height;
        float[] map = new float[cells];
        for (int i = 0; i < cells; i++) {
            map[i] = coefficients[i * bank.rank() + c];
        }
        return map;
    }

    /** Concept {@code c}'s map over an image of the given size. */
    public Heatmap conceptHeatmap(int c, int imageWidth, int imageHeight) {
        return Heatmap.of("craft-concept-" + c, target, bank.className(), score, conceptMap(c), width, height, false,
                imageWidth, imageHeight);
    }

    /** {@code sum_c importance_c * map_c}: the CRAFT heatmap. */
    public Heatmap craftHeatmap(int imageWidth, int imageHeight) {
        return craftHeatmap("craft", imageWidth, imageHeight);
    }

    /** {@code sum_c importance_c * map_c} under the method name {@code craftName}. */
    public Heatmap craftHeatmap(String craftName, int imageWidth, int imageHeight) {
        int cells = width * height;
        float[] map = new float[cells];
        double[] imp = bank.importance();
        for (int i = 0; i < cells; i++) {
            double s = 0;
            for (int c = 0; c < bank.rank(); c++) {
                s += imp[c] * coefficients[i * bank.rank() + c];
            }
            map[i] = (float) s;
        }
        return Heatmap.of(craftName, target, bank.className(), score, map, width, height, false, imageWidth, imageHeight);
    }
}
