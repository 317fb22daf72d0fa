package defectlens.dataset;

import java.util.SplittableRandom;

/**
 * How a scanning electron microscope shows a material map: dark spaces, grey line tops, bright line
 * edges (the SEM edge effect: more secondary electrons escape where the surface slopes), extra
 * brightness of charged defects, a slowly varying brightness over the frame, detector blur, and shot
 * noise with scan-line jitter. The grey levels and noise strength vary a little per image.
 */
final class SemShading {
    private final double scale;
    private final double spaceLevel;
    private final double topLevel;
    private final double edgeLevel;
    private final double edgeSigma;
    private final double tiltX;
    private final double tiltY;
    private final double ripple;
    private final double rippleFx;
    private final double rippleFy;
    private final double ripplePhase;
    private final double detectorBlur;
    private final double gain;
    private final double scanJitter;

    /**
     * Draws the appearance of one image from {@code rnd} within {@code ranges}; {@code scale} is the frame
     * size / 480.
     */
    SemShading(SplittableRandom rnd, double scale, SynthesisRanges ranges) {
        this.scale = scale;
        this.spaceLevel = ranges.spaceLevelMin() + ranges.spaceLevelSpan() * rnd.nextDouble();
        this.topLevel = spaceLevel + ranges.topStepMin() + ranges.topStepSpan() * rnd.nextDouble();
        this.edgeLevel = ranges.edgeLevelMin() + ranges.edgeLevelSpan() * rnd.nextDouble();
        this.edgeSigma = Math.max(0.9, scale * (1.2 + 0.6 * rnd.nextDouble()));
        this.tiltX = ranges.brightnessTilt() * (rnd.nextDouble() * 2 - 1);
        this.tiltY = ranges.brightnessTilt() * (rnd.nextDouble() * 2 - 1);
        this.ripple = ranges.rippleMax() * rnd.nextDouble();
        this.rippleFx = 0.3 + 0.9 * rnd.nextDouble();
        this.rippleFy = 0.3 + 0.9 * rnd.nextDouble();
        this.ripplePhase = 2 * Math.PI * rnd.nextDouble();
        double floor = ranges.isWide() ? 0.3 : 0.5;
        this.detectorBlur = Math.max(floor, scale * (ranges.blurMin() + ranges.blurSpan() * rnd.nextDouble()));
        this.gain = ranges.gainMin() + ranges.gainSpan() * rnd.nextDouble();
        this.scanJitter = ranges.jitterMin() + ranges.jitterSpan() * rnd.nextDouble();
    }

    /** The grey level of an empty, uncharged area (used for blank strips of misaligned frames). */
    double blankLevel() {
        return spaceLevel * 0.75;
    }

    /** The noise-free SEM picture of {@code material} plus {@code charging} (grey levels, not clamped). */
    float[] shade(float[] material, float[] charging, int width, int height) {
        float[] soft = FloatPlanes.gaussianBlur(material, width, height, 0.6 * Math.max(1, scale));
        float[] blurredForEdges = FloatPlanes.gaussianBlur(material, width, height, edgeSigma);
        float[] edges = FloatPlanes.gradientMagnitude(blurredForEdges, width, height);
        float[] glow = FloatPlanes.gaussianBlur(charging, width, height, Math.max(0.8, 1.5 * scale));
        double edgeNorm = Math.sqrt(2 * Math.PI) * edgeSigma;
        float[] out = new float[material.length];
        for (int y = 0; y < height; y++) {
            double fy = y / (double) height - 0.5;
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double fx = x / (double) width - 0.5;
                double m = soft[i];
                double e = Math.min(1.3, edges[i] * edgeNorm);
                double v = spaceLevel + (topLevel - spaceLevel) * m + edgeLevel * e * (0.5 + 0.5 * m) + glow[i];
                double field = 1 + tiltX * fx + tiltY * fy
                        + ripple * Math.cos(2 * Math.PI * (rippleFx * fx + rippleFy * fy) + ripplePhase);
                out[i] = (float) (v * field);
            }
        }
        return out;
    }

    /**
     * Detector blur, shot noise (Gaussian approximation of Poisson counts, one standard normal per pixel
     * drawn from {@code noise} whatever the picture, so two pictures with the same noise stream differ
     * only where their signals differ) and scan-line jitter; returns 8-bit grey levels.
     */
    byte[] expose(float[] signal, int width, int height, SplittableRandom noise) {
        float[] blurred = FloatPlanes.gaussianBlur(signal, width, height, detectorBlur);
        byte[] out = new byte[signal.length];
        for (int y = 0; y < height; y++) {
            double rowOffset = scanJitter * EdgeRoughness.gaussian(noise);
            double previous = EdgeRoughness.gaussian(noise);
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double z = EdgeRoughness.gaussian(noise);
                double correlated = (0.85 * z + 0.45 * previous) / 0.9618;
                previous = z;
                double s = Math.max(1.0, blurred[i]);
                double v = s + Math.sqrt(s * gain) * correlated + rowOffset;
                out[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
            }
        }
        return out;
    }
}
