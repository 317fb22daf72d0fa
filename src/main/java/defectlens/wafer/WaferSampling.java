package defectlens.wafer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded stratified splits and class-balanced samples of a wafer data set, as row indices. The same
 * seed gives the same indices on every machine (java.util.Random with a fixed seed per class).
 */
public final class WaferSampling {
    private WaferSampling() {
    }

    /** Indices of the labelled maps of each class of the set, in file order. */
    public static Map<String, List<Integer>> byClass(WaferDataset data, WaferClassSet classes) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (String c : classes.classes()) {
            out.put(c, new ArrayList<>());
        }
        for (int i = 0; i < data.size(); i++) {
            List<Integer> list = out.get(data.get(i).label());
            if (list != null) {
                list.add(i);
            }
        }
        return out;
    }

    /** A split into two index lists: each class divided in the same proportion. */
    public record Split(List<Integer> first, List<Integer> second) {
    }

    /**
     * Splits each class at random: a share {@code secondFraction} of its maps (rounded, at least one
     * when the class has two or more) goes to {@code second}, the rest to {@code first}.
     */
    public static Split stratified(WaferDataset data, WaferClassSet classes, double secondFraction, long seed) {
        if (secondFraction < 0 || secondFraction > 1) {
            throw new IllegalArgumentException("fraction must be in [0, 1]: " + secondFraction);
        }
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        int k = 0;
        for (List<Integer> idx : byClass(data, classes).values()) {
            List<Integer> shuffled = new ArrayList<>(idx);
            Collections.shuffle(shuffled, new Random(seed * 1_000_003L + k++));
            int n = (int) Math.round(shuffled.size() * secondFraction);
            if (n == 0 && secondFraction > 0 && shuffled.size() >= 2) {
                n = 1;
            }
            b.addAll(shuffled.subList(0, n));
            a.addAll(shuffled.subList(n, shuffled.size()));
        }
        Collections.sort(a);
        Collections.sort(b);
        return new Split(a, b);
    }

    /**
     * Up to {@code perClass} maps of each class drawn at random from {@code pool} without replacement.
     * A class with fewer maps gives all it has; {@link #shortfall} reports which classes fell short.
     */
    public static List<Integer> balanced(WaferDataset data, List<Integer> pool, WaferClassSet classes, int perClass, long seed) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (String c : classes.classes()) {
            groups.put(c, new ArrayList<>());
        }
        for (int i : pool) {
            List<Integer> g = groups.get(data.get(i).label());
            if (g != null) {
                g.add(i);
            }
        }
        List<Integer> out = new ArrayList<>();
        int k = 0;
        for (List<Integer> g : groups.values()) {
            Collections.shuffle(g, new Random(seed * 7_919L + k++));
            out.addAll(g.subList(0, Math.min(perClass, g.size())));
        }
        Collections.sort(out);
        return out;
    }

    /** For each class with fewer than {@code perClass} maps in {@code pool}: how many it has. */
    public static Map<String, Integer> shortfall(WaferDataset data, List<Integer> pool, WaferClassSet classes, int perClass) {
        Map<String, Integer> have = new LinkedHashMap<>();
        for (String c : classes.classes()) {
            have.put(c, 0);
        }
        for (int i : pool) {
            have.computeIfPresent(data.get(i).label(), (c, n) -> n + 1);
        }
        have.values().removeIf(n -> n >= perClass);
        return have;
    }
}
