/**
 * The 59 hand-crafted wafer-map features of Wu et al. (2015) as the stacking-ensemble paper uses them: 13 region
 * densities, 40 Radon profile values and 6 geometry values of the largest failing region.
 */
package defectlens.wafer.features;
