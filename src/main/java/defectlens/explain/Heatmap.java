package defectlens.explain;

import defectlens.image.Colormap;
import defectlens.image.ImageRaster;
import defectlens.image.NpyFile;
import defectlens.image.SemImageWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One explanation of one image: the raw map at feature resolution as the method made it (signed
 * where the method has a sign, e.g. HiResCAM and EigenCAM), and the same map upsampled bilinearly to
 * the image size with its positive part min-max normalised to [0, 1]. A map that is all zero,
 * constant, all negative or holds NaN/infinity is never passed off as an explanation: it is flagged
 * {@link #isDegenerate()} with a reason, and its normalised map is all zero. {@link #onAbsoluteScale} anchors
 * the normalised map to a fixed top value instead of the per-image min-max.
 */
public final class Heatmap {
    private final String method;
    private final int targetClass;
    private final String className;
    private final double score;
    private final int rawWidth;
    private final int rawHeight;
    private final float[] raw;
    private final boolean signed;
    private final int width;
    private final int height;
    private final float[] normalized;
    private final String degenerateReason;
    private final double absoluteMax;

    private Heatmap(String method, int targetClass, String className, double score, float[] raw, int rawWidth,
            int rawHeight, boolean signed, int width, int height) {
        this(method, targetClass, className, score, raw, rawWidth, rawHeight, signed, width, height, Double.NaN);
    }

    private Heatmap(String method, int targetClass, String className, double score, float[] raw, int rawWidth,
            int rawHeight, boolean signed, int width, int height, double absoluteMax) {
        if (raw.length != rawWidth * rawHeight) {
            throw new IllegalArgumentException("raw map of " + raw.length + " values is not " + rawWidth + "x" + rawHeight);
        }
        this.method = method;
        this.targetClass = targetClass;
        this.className = className;
        this.score = score;
        this.raw = raw.clone();
        this.rawWidth = rawWidth;
        this.rawHeight = rawHeight;
        this.signed = signed;
        this.width = width;
        this.height = height;
        this.absoluteMax = absoluteMax;
        String reason = null;
        int nonFinite = 0;
        for (float v : raw) {
            if (!Float.isFinite(v)) {
                nonFinite++;
            }
        }
        float[] up = MapResampling.bilinear(this.raw, rawWidth, rawHeight, width, height);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < up.length; i++) {
            up[i] = Math.max(up[i], 0f);
            lo = Math.min(lo, up[i]);
            hi = Math.max(hi, up[i]);
        }
        if (nonFinite > 0) {
            reason = nonFinite + " of " + raw.length + " raw values are NaN or infinite";
        } else if (!(hi > lo)) {
            reason = hi == 0f ? "the map has no positive value (all zero or negative)" : "the map is constant";
        }
        if (!Double.isNaN(absoluteMax) && nonFinite == 0) {
            reason = null;
            for (int i = 0; i < up.length; i++) {
                up[i] = (float) Math.min(1.0, up[i] / absoluteMax);
            }
        } else if (reason != null) {
            up = new float[width * height];
        } else {
            float range = hi - lo;
            for (int i = 0; i < up.length; i++) {
                up[i] = (up[i] - lo) / range;
            }
        }
        this.normalized = up;
        this.degenerateReason = reason;
    }

    /**
     * A heatmap from a raw {@code rawHeight x rawWidth} map (row by row) for an image of
     * {@code width x height}.
     */
    public static Heatmap of(String method, int targetClass, String className, double score, float[] raw,
            int rawWidth, int rawHeight, boolean signed, int width, int height) {
        return new Heatmap(method, targetClass, className, score, raw, rawWidth, rawHeight, signed, width, height);
    }

    /** The same raw map for an image of another size (on the same scale). */
    public Heatmap atSize(int newWidth, int newHeight) {
        return new Heatmap(method, targetClass, className, score, raw, rawWidth, rawHeight, signed, newWidth, newHeight,
                absoluteMax);
    }

    /**
     * The same raw map on an absolute scale: {@link #normalized()} becomes {@code min(1, max(0, raw) / vmax)}
     * instead of the per-image min-max, so one colour means one amount of evidence on every image (and, for
     * methods of one unit, across methods). A map with no positive value is then simply blank, not degenerate.
     */
    public Heatmap onAbsoluteScale(double vmax) {
        if (!(vmax > 0) || Double.isInfinite(vmax)) {
            throw new IllegalArgumentException("the absolute scale needs a positive, finite maximum: " + vmax);
        }
        return new Heatmap(method, targetClass, className, score, raw, rawWidth, rawHeight, signed, width, height, vmax);
    }

    /** The same raw map on the per-image min-max scale. */
    public Heatmap onImageScale() {
        return new Heatmap(method, targetClass, className, score, raw, rawWidth, rawHeight, signed, width, height);
    }

    /** The top of the absolute scale, or empty when the map is min-max normalised per image. */
    public java.util.OptionalDouble absoluteMax() {
        return Double.isNaN(absoluteMax) ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(absoluteMax);
    }

    /** The largest positive raw value (0 when there is none): a starting point for an absolute scale's top. */
    public double rawMax() {
        double m = 0;
        for (float v : raw) {
            if (Float.isFinite(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    public String method() {
        return method;
    }

    public int targetClass() {
        return targetClass;
    }

    public String className() {
        return className;
    }

    /** The model's logit of the target class for the unmodified image. */
    public double score() {
        return score;
    }

    public int rawWidth() {
        return rawWidth;
    }

    public int rawHeight() {
        return rawHeight;
    }

    /** The raw map at feature resolution, row by row (a copy). */
    public float[] raw() {
        return raw.clone();
    }

    /** The raw value at feature cell (x, y). */
    public float rawAt(int x, int y) {
        return raw[y * rawWidth + x];
    }

    /** True when the method's raw map can be negative. */
    public boolean signed() {
        return signed;
    }

    /** Image width. */
    public int width() {
        return width;
    }

    /** Image height. */
    public int height() {
        return height;
    }

    /** The map at image size in [0, 1], row by row (a copy). */
    public float[] normalized() {
        return normalized.clone();
    }

    /** The normalised value at image pixel (x, y). */
    public float at(int x, int y) {
        return normalized[y * width + x];
    }

    public boolean isDegenerate() {
        return degenerateReason != null;
    }

    /** Why the map is degenerate, when it is. */
    public Optional<String> degenerateReason() {
        return Optional.ofNullable(degenerateReason);
    }

    /** Writes the raw map as a {@code (rawHeight, rawWidth)} float32 {@code .npy}. */
    public void saveRawNpy(Path file) {
        NpyFile.write(file, raw, rawHeight, rawWidth);
    }

    /** Writes the normalised map as a {@code (height, width)} float32 {@code .npy}. */
    public void saveNpy(Path file) {
        NpyFile.write(file, normalized, height, width);
    }

    /** Writes the normalised map as an 8-bit gray PNG (0 to 255). */
    public void savePng(Path file) {
        byte[] px = new byte[width * height];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.round(normalized[i] * 255f);
        }
        SemImageWriter.write(ImageRaster.gray8(width, height, px), file);
    }

    /** Writes the normalised map through a colormap as an 8-bit RGB PNG. */
    public void savePng(Path file, Colormap colormap) {
        short[] rgb = new short[width * height * 3];
        for (int i = 0; i < normalized.length; i++) {
            int c = colormap.rgb(normalized[i]);
            rgb[3 * i] = (short) ((c >> 16) & 0xFF);
            rgb[3 * i + 1] = (short) ((c >> 8) & 0xFF);
            rgb[3 * i + 2] = (short) (c & 0xFF);
        }
        SemImageWriter.write(new ImageRaster(width, height, 3, 8, rgb), file);
    }

    @Override
    public String toString() {
        return method + " for " + className + " (" + rawWidth + "x" + rawHeight + " -> " + width + "x" + height
                + (degenerateReason == null ? "" : ", degenerate: " + degenerateReason) + ")";
    }
}
