package defectlens.wafer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which maps of a data set a training run may see, as row indices, decided in this order so that the test
 * set never enters training:
 * <ol>
 * <li>test: a stratified share {@code testFraction} of every class, seeded by {@code testSeed}
 * ({@link WaferSampling#stratified}); {@link #heldOut} re-creates it from the same four facts;</li>
 * <li>validation: of the rest, a stratified share {@code validationFraction} of every class, capped at
 * {@code round(perClass * validationFraction / (1 - validationFraction))} per class (at least one) so that
 * it is balanced like the training set;</li>
 * <li>train: up to {@code perClass} maps of every class from what remains ({@link WaferSampling#balanced}).
 * A class with fewer maps gives all it has and is listed in {@link #shortfall()}.</li>
 * </ol>
 * Validation and training draws are seeded by {@code seed}.
 */
public record WaferTrainingPlan(
        WaferClassSet classSet, List<Integer> test, List<Integer> validation, List<Integer> train,
        int perClass, Map<String, Integer> shortfall) {

    public static WaferTrainingPlan of(WaferDataset data, WaferClassSet classes, double testFraction, long testSeed,
            double validationFraction, int perClass, long seed) {
        if (perClass < 1) {
            throw new IllegalArgumentException("train maps per class must be at least 1: " + perClass);
        }
        if (validationFraction <= 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1): " + validationFraction);
        }
        WaferSampling.Split testSplit = WaferSampling.stratified(data, classes, testFraction, testSeed);
        Map<String, List<Integer>> pool = new LinkedHashMap<>();
        for (String c : classes.classes()) {
            pool.put(c, new ArrayList<>());
        }
        for (int i : testSplit.first()) {
            pool.get(data.get(i).label()).add(i);
        }
        int cap = Math.max(1, (int) Math.round(perClass * validationFraction / (1 - validationFraction)));
        Random random = new Random(seed * 31L + 17L);
        List<Integer> validation = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (List<Integer> members : pool.values()) {
            List<Integer> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            int n = (int) Math.round(validationFraction * shuffled.size());
            if (n == 0 && shuffled.size() >= 2) {
                n = 1;
            }
            n = Math.min(n, cap);
            validation.addAll(shuffled.subList(0, n));
            rest.addAll(shuffled.subList(n, shuffled.size()));
        }
        Collections.sort(validation);
        Collections.sort(rest);
        List<Integer> train = WaferSampling.balanced(data, rest, classes, perClass, seed);
        Map<String, Integer> shortfall = WaferSampling.shortfall(data, rest, classes, perClass);
        return new WaferTrainingPlan(classes, List.copyOf(testSplit.second()), List.copyOf(validation),
                List.copyOf(train), perClass, Collections.unmodifiableMap(shortfall));
    }

    /** The held-out test rows of a plan made with the same class set, fraction and test seed. */
    public static List<Integer> heldOut(WaferDataset data, WaferClassSet classes, double testFraction, long testSeed) {
        return WaferSampling.stratified(data, classes, testFraction, testSeed).second();
    }

    /** The preprocessed 64x64 maps and class indices of the given rows (rows of other classes fail). */
    public static LabelledMaps labelled(WaferDataset data, List<Integer> rows, List<String> classes) {
        float[][] maps = new float[rows.size()][];
        int[] labels = new int[rows.size()];
        for (int k = 0; k < maps.length; k++) {
            WaferMap m = data.get(rows.get(k));
            labels[k] = classes.indexOf(m.label());
            if (labels[k] < 0) {
                throw new IllegalArgumentException("row " + rows.get(k) + " has label " + m.label() + ", not one of " + classes);
            }
            maps[k] = WaferPreprocessing.toNetworkMap(m.dies(), m.rows(), m.cols());
        }
        return new LabelledMaps(maps, labels);
    }

    /** Maps per class in {@code rows}, in class order. */
    public static Map<String, Integer> counts(WaferDataset data, List<Integer> rows, WaferClassSet classes) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String c : classes.classes()) {
            out.put(c, 0);
        }
        for (int i : rows) {
            out.computeIfPresent(data.get(i).label(), (c, n) -> n + 1);
        }
        return out;
    }
}
