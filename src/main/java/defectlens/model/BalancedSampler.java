package defectlens.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of training images for one epoch under a {@link BalanceMode}: oversampling repeats
 * randomly drawn images of smaller classes until every class matches the largest, undersampling keeps
 * a fresh random subset the size of the smallest class; the result is shuffled.
 */
final class BalancedSampler {
    private final List<List<Integer>> byClass = new ArrayList<>();
    private final BalanceMode mode;

    BalancedSampler(int[] labels, List<Integer> train, int classes, BalanceMode mode) {
        this.mode = mode;
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i : train) {
            byClass.get(labels[i]).add(i);
        }
    }

    List<Integer> epoch(Random random) {
        int largest = 0;
        int smallest = Integer.MAX_VALUE;
        for (List<Integer> members : byClass) {
            if (!members.isEmpty()) {
                largest = Math.max(largest, members.size());
                smallest = Math.min(smallest, members.size());
            }
        }
        List<Integer> order = new ArrayList<>();
        for (List<Integer> members : byClass) {
            if (members.isEmpty()) {
                continue;
            }
            switch (mode) {
                case OVERSAMPLE:
                    order.addAll(members);
                    for (int k = members.size(); k < largest; k++) {
                        order.add(members.get(random.nextInt(members.size())));
                    }
                    break;
                case UNDERSAMPLE:
                    List<Integer> copy = new ArrayList<>(members);
                    Collections.shuffle(copy, random);
                    order.addAll(copy.subList(0, smallest));
                    break;
                default:
                    order.addAll(members);
            }
        }
        Collections.shuffle(order, random);
        return order;
    }

    /** Loss weights {@code n / (K * n_c)} over the classes present in training (0 for absent ones). */
    static float[] inverseFrequencyWeights(int[] labels, List<Integer> train, int classes) {
        int[] counts = new int[classes];
        for (int i : train) {
            counts[labels[i]]++;
        }
        int present = 0;
        for (int c : counts) {
            if (c > 0) {
                present++;
            }
        }
        float[] w = new float[classes];
        for (int c = 0; c < classes; c++) {
            w[c] = counts[c] == 0 ? 0f : (float) train.size() / (present * counts[c]);
        }
        return w;
    }
}
