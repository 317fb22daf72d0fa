package defectlens.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded stratified train/validation split: from each class, {@code round(n * fraction)} images
 * (at least one when the class has two or more) go to validation, the rest to training.
 */
public record StratifiedSplit(List<Integer> train, List<Integer> validation) {
    public StratifiedSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /** Splits sample indices {@code 0..labels.length-1} by their class index. */
    public static StratifiedSplit of(int[] labels, int classes, double fraction, long seed) {
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1): " + fraction);
        }
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            int nVal = (int) Math.round(members.size() * fraction);
            if (fraction > 0 && nVal == 0 && members.size() >= 2) {
                nVal = 1;
            }
            val.addAll(members.subList(0, nVal));
            train.addAll(members.subList(nVal, members.size()));
        }
        Collections.sort(train);
        Collections.sort(val);
        return new StratifiedSplit(train, val);
    }
}
