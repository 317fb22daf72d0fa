package defectlens.wafer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Wafer maps with class indices: row-major 64x64 maps (background removed) and one label per map. The
 * arrays are shared, not copied. Built by a data-set reader; the trainer only sees these arrays.
 */
public record LabelledMaps(float[][] maps, int[] labels) {
    public LabelledMaps {
        if (maps.length != labels.length) {
            throw new IllegalArgumentException(maps.length + " maps but " + labels.length + " labels");
        }
    }

    public int size() {
        return maps.length;
    }

    /** The maps at the given positions. */
    public LabelledMaps select(List<Integer> indices) {
        float[][] m = new float[indices.size()][];
        int[] l = new int[indices.size()];
        for (int k = 0; k < m.length; k++) {
            m[k] = maps[indices.get(k)];
            l[k] = labels[indices.get(k)];
        }
        return new LabelledMaps(m, l);
    }

    /**
     * Stratified split: of every class, {@code round(fraction * count)} maps (at least one when the class
     * has two or more) go to the second part, chosen with the seed. Returns {rest, held out}.
     */
    public LabelledMaps[] split(double fraction, long seed) {
        if (fraction <= 0 || fraction >= 1) {
            throw new IllegalArgumentException("split fraction must be in (0, 1): " + fraction);
        }
        int classes = 0;
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> keep = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (List<Integer> members : byClass) {
            Collections.shuffle(members, random);
            int n = (int) Math.round(fraction * members.size());
            if (n == 0 && members.size() >= 2) {
                n = 1;
            }
            held.addAll(members.subList(0, n));
            keep.addAll(members.subList(n, members.size()));
        }
        Collections.sort(keep);
        Collections.sort(held);
        return new LabelledMaps[] {select(keep), select(held)};
    }
}
