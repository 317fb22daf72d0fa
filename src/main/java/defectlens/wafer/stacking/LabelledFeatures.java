package defectlens.wafer.stacking;

import java.util.List;

/**
 * Feature rows with their class indices into {@code classes}.
 *
 * @param x one feature vector per map
 * @param y class index per map
 * @param classes class names in model order
 */
public record LabelledFeatures(double[][] x, int[] y, List<String> classes) {
    public LabelledFeatures {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
        }
    }

    public int size() {
        return x.length;
    }

    /** The rows at the given positions. */
    public LabelledFeatures subset(int[] rows) {
        double[][] sx = new double[rows.length][];
        int[] sy = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            sx[i] = x[rows[i]];
            sy[i] = y[rows[i]];
        }
        return new LabelledFeatures(sx, sy, classes);
    }
}
