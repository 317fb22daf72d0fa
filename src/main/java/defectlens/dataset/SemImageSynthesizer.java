package defectlens.dataset;

import java.util.SplittableRandom;

/**
 * Synthesises one Carinthia look-alike SEM image of line/space structures and its pixel-exact defect
 * mask. Everything is drawn from random streams split off one seed in a fixed order (layout, lines,
 * defect, appearance, noise), so the same seed gives the same image on any thread, and switching the
 * defect off changes nothing but the defect itself.
 */
public final class SemImageSynthesizer {
    /** Share of frames whose lines run horizontally. */
    private static final double HORIZONTAL_SHARE = 0.3;

    private final int size;
    private final double scale;

    /** A synthesiser of square frames of {@code size} pixels (geometry scales with size / 480). */
    public SemImageSynthesizer(int size) {
        if (size < 32) {
            throw new IllegalArgumentException("image size must be at least 32 pixels, not " + size);
        }
        this.size = size;
        this.scale = Math.max(0.5, Math.min(2.0, size / 480.0));
    }

    public int size() {
        return size;
    }

    /** The image of class {@code type} made from {@code seed}, with its defect. */
    public SyntheticSemImage synthesize(long seed, CarinthiaClass type) {
        return synthesize(seed, type, true);
    }

    /**
     * The image of class {@code type} made from {@code seed}; with {@code withDefect = false} the same
     * frame without its defect (same lines, appearance and noise), and an empty mask.
     */
    public SyntheticSemImage synthesize(long seed, CarinthiaClass type, boolean withDefect) {
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom layoutRnd = master.split();
        SplittableRandom patternRnd = master.split();
        SplittableRandom defectRnd = master.split();
        SplittableRandom appearanceRnd = master.split();
        SplittableRandom noiseRnd = master.split();

        boolean horizontal = layoutRnd.nextDouble() < HORIZONTAL_SHARE;
        FrameMisalignment misalignment = type == CarinthiaClass.NO_DEFECT
                ? FrameMisalignment.randomForNoDefect(layoutRnd) : FrameMisalignment.none();
        double angle = misalignment.angle(layoutRnd);

        LineSpacePattern pattern = LineSpacePattern.random(patternRnd, size, size, scale, angle);
        misalignment.applyTo(pattern);
        float[] clean = new float[size * size];
        pattern.render(clean);
        float[] material = clean.clone();
        float[] charging = new float[size * size];
        if (withDefect) {
            new DefectPainter(pattern, material, charging, scale).paint(type, defectRnd);
        }
        byte[] mask = new byte[size * size];
        for (int i = 0; i < mask.length; i++) {
            if (Math.abs(material[i] - clean[i]) > 1e-4f || charging[i] > 0) {
                mask[i] = (byte) 255;
            }
        }

        SemShading shading = new SemShading(appearanceRnd, scale);
        float[] signal = shading.shade(material, charging, size, size);
        misalignment.applyTo(signal, size, size, shading.blankLevel());
        byte[] image = shading.expose(signal, size, size, noiseRnd);
        if (horizontal) {
            image = FloatPlanes.transpose(image, size, size);
            mask = FloatPlanes.transpose(mask, size, size);
        }
        return new SyntheticSemImage(type, size, size, image, mask);
    }
}
