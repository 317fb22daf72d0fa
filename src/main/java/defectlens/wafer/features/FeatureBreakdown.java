package defectlens.wafer.features;

import defectlens.wafer.WaferMap;
import java.util.List;

/**
 * The 59 features of one map with what they were measured on, for showing them on the wafer: the 13 density
 * regions and their densities, the two Radon profiles per detector position (mean and standard deviation over the
 * angles, before resampling) with their 20-point resampled feature values, and the largest failing region with its
 * 6 geometry values. A map with a side under {@value WaferFeatures#MIN_SIDE} dies has no breakdown.
 *
 * @param map the map measured
 * @param features the 59 features, as {@link WaferFeatures#of} gives them
 * @param regions the 13 density regions in feature order
 * @param radonMean the mean profile, one value per detector position
 * @param radonStd the standard-deviation profile, one value per detector position
 * @param largest the largest failing region (the whole map when no die failed)
 * @param anyFailing whether the map has a failing die at all
 */
public record FeatureBreakdown(WaferMap map, double[] features, List<RegionDensities.Region> regions,
        double[] radonMean, double[] radonStd, FailRegion largest, boolean anyFailing) {

    /** The breakdown of a map, or null when its features are not defined (a side under 5 dies). */
    public static FeatureBreakdown of(WaferMap map) {
        if (!WaferFeatures.defined(map)) {
            return null;
        }
        byte[] dies = map.dies();
        int h = map.rows();
        int w = map.cols();
        double[][] profiles = RadonProfiles.profiles(dies, h, w);
        return new FeatureBreakdown(map, WaferFeatures.of(map), RegionDensities.regions(h, w), profiles[0],
                profiles[1], FailRegion.largest(dies, h, w), map.count(WaferMap.FAIL) > 0);
    }

    /** The failure density (%) of region {@code k} (0-12). */
    public double density(int k) {
        return features[k];
    }

    /** The 20 resampled Radon means (the features, divided by 100). */
    public double[] resampledMean() {
        return java.util.Arrays.copyOfRange(features, WaferFeatures.RADON_MEAN, WaferFeatures.RADON_STD);
    }

    /** The 20 resampled Radon standard deviations (the features, divided by 100). */
    public double[] resampledStd() {
        return java.util.Arrays.copyOfRange(features, WaferFeatures.RADON_STD, WaferFeatures.GEOMETRY);
    }

    /** The 6 geometry values: area, perimeter, major axis, minor axis, eccentricity, solidity. */
    public double[] geometry() {
        return java.util.Arrays.copyOfRange(features, WaferFeatures.GEOMETRY, WaferFeatures.COUNT);
    }

    /** The geometry values' names, in order. */
    public static List<String> geometryNames() {
        return WaferFeatures.featureNames().subList(WaferFeatures.GEOMETRY, WaferFeatures.COUNT);
    }
}
