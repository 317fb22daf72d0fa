package defectlens.wafer.features;

import defectlens.wafer.WaferMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The 59 features of one wafer map (issue 21; the Wu et al. 2015 families): {@link RegionDensities 13 densities},
 * {@link RadonProfiles 40 Radon values} (20 means, 20 standard deviations) and {@link RegionGeometry 6 geometry
 * values}, computed on the map at its original size. A map with a side under {@value #MIN_SIDE} dies has no defined
 * features: all 59 are NaN.
 */
public final class WaferFeatures {
    /** Number of features. */
    public static final int COUNT = RegionDensities.COUNT + 2 * RadonProfiles.POINTS + RegionGeometry.COUNT;
    /** The smallest side (rows and columns) a map needs for its features. */
    public static final int MIN_SIDE = 5;
    /** Index of the first Radon mean. */
    public static final int RADON_MEAN = RegionDensities.COUNT;
    /** Index of the first Radon standard deviation. */
    public static final int RADON_STD = RADON_MEAN + RadonProfiles.POINTS;
    /** Index of the first geometry value. */
    public static final int GEOMETRY = RADON_STD + RadonProfiles.POINTS;
    private static final List<String> NAMES = names();

    private WaferFeatures() {
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>(COUNT);
        for (int i = 1; i <= RegionDensities.COUNT; i++) {
            n.add("density_" + i);
        }
        for (int i = 1; i <= RadonProfiles.POINTS; i++) {
            n.add("radon_mean_" + i);
        }
        for (int i = 1; i <= RadonProfiles.POINTS; i++) {
            n.add("radon_std_" + i);
        }
        n.addAll(List.of("geom_area", "geom_perimeter", "geom_major_axis", "geom_minor_axis", "geom_eccentricity",
                "geom_solidity"));
        return Collections.unmodifiableList(n);
    }

    /** The 59 feature names in order, as the CSV header spells them. */
    public static List<String> featureNames() {
        return List.copyOf(NAMES);
    }

    /** Whether the map is large enough for its features to be defined. */
    public static boolean defined(WaferMap map) {
        return map.rows() >= MIN_SIDE && map.cols() >= MIN_SIDE;
    }

    /** The 59 features of a map; all NaN when a side is under {@value #MIN_SIDE}. */
    public static double[] of(WaferMap map) {
        double[] out = new double[COUNT];
        if (!defined(map)) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        byte[] dies = map.dies();
        int h = map.rows();
        int w = map.cols();
        RegionDensities.compute(dies, h, w, out, 0);
        RadonProfiles.compute(dies, h, w, out, RADON_MEAN);
        RegionGeometry.compute(dies, h, w, out, GEOMETRY);
        return out;
    }
}
