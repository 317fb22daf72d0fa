package defectlens.dataset;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many images of each Carinthia class to generate: balanced ({@code N} per class) or following the
 * real class proportions of Carinthia (55 / 8 / 4,008 / 289 / 4 / 227) scaled to a total, with at least
 * one image of every class.
 */
public final class ClassQuota {
    private final Map<CarinthiaClass, Integer> counts;

    private ClassQuota(Map<CarinthiaClass, Integer> counts) {
        this.counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** {@code perClass} images of every class. */
    public static ClassQuota balanced(int perClass) {
        if (perClass < 1) {
            throw new IllegalArgumentException("images per class must be at least 1, not " + perClass);
        }
        Map<CarinthiaClass, Integer> m = new EnumMap<>(CarinthiaClass.class);
        for (CarinthiaClass c : CarinthiaClass.values()) {
            m.put(c, perClass);
        }
        return new ClassQuota(m);
    }

    /**
     * {@code total} images split like the real Carinthia set (largest-remainder rounding), then every
     * empty class takes one image from the largest class.
     */
    public static ClassQuota realProportions(int total) {
        CarinthiaClass[] classes = CarinthiaClass.values();
        if (total < classes.length) {
            throw new IllegalArgumentException("the total must be at least " + classes.length
                    + " (one image per class), not " + total);
        }
        long realTotal = 0;
        for (CarinthiaClass c : classes) {
            realTotal += c.realCount();
        }
        int[] n = new int[classes.length];
        double[] remainder = new double[classes.length];
        int assigned = 0;
        for (int k = 0; k < classes.length; k++) {
            double exact = (double) total * classes[k].realCount() / realTotal;
            n[k] = (int) Math.floor(exact);
            remainder[k] = exact - n[k];
            assigned += n[k];
        }
        while (assigned < total) {
            int best = 0;
            for (int k = 1; k < classes.length; k++) {
                if (remainder[k] > remainder[best]) {
                    best = k;
                }
            }
            n[best]++;
            remainder[best] = -1;
            assigned++;
        }
        for (int k = 0; k < classes.length; k++) {
            if (n[k] == 0) {
                int largest = 0;
                for (int j = 1; j < classes.length; j++) {
                    if (n[j] > n[largest]) {
                        largest = j;
                    }
                }
                n[largest]--;
                n[k] = 1;
            }
        }
        Map<CarinthiaClass, Integer> m = new EnumMap<>(CarinthiaClass.class);
        for (int k = 0; k < classes.length; k++) {
            m.put(classes[k], n[k]);
        }
        return new ClassQuota(m);
    }

    /** The count per class, in label order. */
    public Map<CarinthiaClass, Integer> counts() {
        return counts;
    }

    public int count(CarinthiaClass c) {
        return counts.getOrDefault(c, 0);
    }

    public int total() {
        int t = 0;
        for (int v : counts.values()) {
            t += v;
        }
        return t;
    }

    /** The class of every image in generation order: all of class 1, then class 2, and so on. */
    public CarinthiaClass[] plan() {
        CarinthiaClass[] plan = new CarinthiaClass[total()];
        int i = 0;
        for (Map.Entry<CarinthiaClass, Integer> e : counts.entrySet()) {
            for (int k = 0; k < e.getValue(); k++) {
                plan[i++] = e.getKey();
            }
        }
        return plan;
    }
}
