package defectlens.dataset;

import java.util.SplittableRandom;

/**
 * Synthesises one Carinthia look-alike SEM image of line/space structures and its pixel-exact defect
 * mask. Everything is drawn from random streams split off one seed in a fixed order (layout, lines,
 * defect, appearance, noise), so the same seed gives the same image on any thread, and switching the
 * defect off changes nothing but the defect itself.
 */
public final class SemImageSynthesizer {
    private final int size;
    private final double scale;
    private final SynthesisRanges ranges;

    /** A synthesiser of square frames of {@code size} pixels (geometry scales with size / 480), standard variety. */
    public SemImageSynthesizer(int size) {
        this(size, SemVariety.STANDARD);
    }

    /** A synthesiser of square frames of {@code size} pixels drawn from the ranges of {@code variety}. */
    public SemImageSynthesizer(int size, SemVariety variety) {
        if (size < 32) {
            throw new IllegalArgumentException("image size must be at least 32 pixels, not " + size);
        }
        this.size = size;
        this.scale = Math.max(0.5, Math.min(2.0, size / 480.0));
        this.ranges = variety.ranges();
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
        // the wide variety's own draws come from a sixth stream, so the five above are those of the standard one
        SplittableRandom varietyRnd = ranges.isWide() ? master.split() : null;

        boolean horizontal = layoutRnd.nextDouble() < ranges.horizontalShare();
        FrameMisalignment misalignment = type == CarinthiaClass.NO_DEFECT
                ? FrameMisalignment.randomForNoDefect(layoutRnd) : FrameMisalignment.none();
        double angle = misalignment.angle(layoutRnd);
        FrameArtefacts artefacts = null;
        if (varietyRnd != null) {
            angle += ranges.extraTiltDeg() * (varietyRnd.nextDouble() * 2 - 1);
            artefacts = new FrameArtefacts(varietyRnd, ranges);
        }

        LineSpacePattern pattern = LineSpacePattern.random(patternRnd, size, size, scale, angle, ranges);
        misalignment.applyTo(pattern);
        float[] clean = new float[size * size];
        pattern.render(clean);
        float[] material = clean.clone();
        float[] charging = new float[size * size];
        if (withDefect) {
            new DefectPainter(pattern, material, charging, scale, ranges).paint(type, defectRnd);
        }
        byte[] mask = new byte[size * size];
        for (int i = 0; i < mask.length; i++) {
            if (Math.abs(material[i] - clean[i]) > 1e-4f || charging[i] > 0) {
                mask[i] = (byte) 255;
            }
        }

        SemShading shading = new SemShading(appearanceRnd, scale, ranges);
        float[] signal = shading.shade(material, charging, size, size);
        misalignment.applyTo(signal, size, size, shading.blankLevel());
        if (artefacts != null) {
            artefacts.charge(signal, size, size);
            artefacts.cut(signal, mask, size, size, shading.blankLevel());
        }
        byte[] image = shading.expose(signal, size, size, noiseRnd);
        if (horizontal) {
            image = FloatPlanes.transpose(image, size, size);
            mask = FloatPlanes.transpose(mask, size, size);
        }
        return new SyntheticSemImage(type, size, size, image, mask);
    }
}
