package defectlens.mask.candidate;

import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.OpenCv;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The {@code lines} generator: classical line/space analysis, no model. The image is first divided by its slowly
 * varying brightness (SEM frames are often brighter on one side). The lines' direction comes from the
 * structure tensor ({@link LineOrientation}); the frame is turned so that the lines run vertically; the defect-free
 * pattern is modelled per column and followed through sideways jumps ({@link PeriodicPatternModel}); the residual,
 * smoothed mostly across the lines (bridges and breaks are bars across them), is scored against each column's
 * spread; strong departures grow into weaker ones (hysteresis) and small specks and frame-wide stripes are
 * dropped ({@link ComponentFilter}). A frame with no clear line direction gets an empty candidate.
 */
public final class LineSpaceCandidate implements CandidateGenerator {
    /** The name the user picks this generator by. */
    public static final String NAME = "lines";
    private static final double MIN_COHERENCE = 0.2;
    /** A bridge across a space needs a peak of this many spreads of the frame's space-average noise. */
    private static final double BRIDGE_HIGH = 5.5;
    private static final double BRIDGE_LOW = 2.5;
    /** Departure components and bridges peaking below this share of the frame's strongest one are dropped. */
    private static final double RELATIVE_PEAK = 0.5;
    private static final double RELATIVE_BRIDGE_PEAK = 0.4;
    /** The brightness field is the image blurred over this share of its smaller side. */
    private static final double FIELD_SHARE = 100 / 480.0;

    private final double high;
    private final double low;
    private final double sigmaAcross;
    private final double sigmaAlong;

    /** The generator with its default thresholds (in column spreads). */
    public LineSpaceCandidate() {
        this(7.0, 3.0, 4.0, 1.5);
    }

    /**
     * A generator seeding defects above {@code high} spreads and growing them over {@code low} spreads, smoothing the
     * residual with a Gaussian of {@code sigmaAcross} pixels across the lines and {@code sigmaAlong} along them.
     */
    public LineSpaceCandidate(double high, double low, double sigmaAcross, double sigmaAlong) {
        if (!(low > 0 && high >= low) || !(sigmaAcross > 0 && sigmaAlong > 0)) {
            throw new IllegalArgumentException("need 0 < low <= high and positive sigmas: " + low + ", " + high
                    + ", " + sigmaAcross + ", " + sigmaAlong);
        }
        this.high = high;
        this.low = low;
        this.sigmaAcross = sigmaAcross;
        this.sigmaAlong = sigmaAlong;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BinaryMask generate(ImageRaster image, CandidateHints hints) {
        int w = image.width();
        int h = image.height();
        Departure d = departure(image);
        if (d == null) {
            return GrayPlane.empty(w, h);
        }
        int minArea = (int) Math.max(8, Math.round(d.pitch() * d.pitch() / 40));
        BinaryMask pixels = new ComponentFilter(high, low, minArea, 0.8, false, 1, RELATIVE_PEAK).apply(d.score(), w, h);
        return BridgeMerge.merge(pixels, d.bridges(), d.bridgeRows(), d.pitch());
    }

    /** The seed threshold in column spreads. */
    double high() {
        return high;
    }

    /**
     * How far each pixel departs from the defect-free pattern, in column spreads, in the image's frame, with the
     * pattern's pitch (a tenth of the smaller side when no period showed); null when the image shows no line
     * direction (too small, flat, or isotropic).
     */
    Departure departure(ImageRaster image) {
        OpenCv.ensureLoaded();
        int w = image.width();
        int h = image.height();
        if (w < 16 || h < 16) {
            return null;
        }
        Mat plane = flattened(GrayPlane.floatMat(GrayPlane.of(image), w, h));
        LineOrientation orientation = LineOrientation.of(plane);
        if (orientation.coherence() < MIN_COHERENCE) {
            return null;
        }
        Mat ones = new Mat(h, w, plane.type(), new Scalar(1));
        float[] canonical = GrayPlane.floats(orientation.toCanonical(plane, 0, Imgproc.INTER_LINEAR));
        Mat validMat = orientation.toCanonical(ones, 0, Imgproc.INTER_NEAREST);
        Imgproc.erode(validMat, validMat, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
        float[] validPlane = GrayPlane.floats(validMat);
        int cw = orientation.canonicalWidth();
        int ch = orientation.canonicalHeight();
        boolean[] valid = new boolean[cw * ch];
        for (int i = 0; i < valid.length; i++) {
            valid[i] = validPlane[i] > 0.5f;
        }
        PeriodicPatternModel model = new PeriodicPatternModel(canonical, valid, cw, ch);
        float[] z = model.departures(List.of(r -> smooth(r, cw, ch, sigmaAcross, sigmaAlong)))[0];
        float[] score = GrayPlane.floats(orientation.toImage(GrayPlane.floatMat(z, cw, ch), Imgproc.INTER_LINEAR));
        double pitch = Double.isNaN(model.pitch()) ? Math.min(w, h) / 10.0 : model.pitch();
        List<SpaceBridgeDetector.Bridge> found = new SpaceBridgeDetector(BRIDGE_HIGH, BRIDGE_LOW, RELATIVE_BRIDGE_PEAK).find(model, cw, ch);
        float[] bridges = new float[cw * ch];
        float[] rows = new float[cw * ch];
        for (SpaceBridgeDetector.Bridge b : found) {
            for (int y = b.top(); y <= b.bottom(); y++) {
                int shift = (int) Math.round(model.shift(y));
                for (int u = b.from() - 1; u <= b.to() + 1; u++) {
                    int x = u + shift;
                    if (x >= 0 && x < cw && valid[y * cw + x]) {
                        bridges[y * cw + x] = 1;
                        rows[y * cw + x] = b.rows();
                    }
                }
            }
        }
        return new Departure(score, pitch, toImage(orientation, bridges, cw, ch), toImage(orientation, rows, cw, ch));
    }

    private static float[] toImage(LineOrientation orientation, float[] canonical, int cw, int ch) {
        return GrayPlane.floats(orientation.toImage(GrayPlane.floatMat(canonical, cw, ch), Imgproc.INTER_NEAREST));
    }

    /**
     * Scores in column spreads (row by row, image frame), the pattern's pitch in pixels, the bridges found across
     * spaces (1 inside, image frame) and, there, how many rows along the lines each bridge spans.
     */
    record Departure(float[] score, double pitch, float[] bridges, float[] bridgeRows) {
    }

    /**
     * The image divided by its slowly varying brightness (a Gaussian blur over many pitches): an SEM frame is often
     * brighter on one side, which would otherwise make every column of the pattern vary along the lines.
     */
    private static Mat flattened(Mat plane) {
        double sigma = Math.max(4, FIELD_SHARE * Math.min(plane.cols(), plane.rows()));
        Mat field = new Mat();
        Imgproc.GaussianBlur(plane, field, new Size(0, 0), sigma);
        Core.add(field, new Scalar(1e-3), field);
        Mat out = new Mat();
        Core.divide(plane, field, out);
        return out;
    }

    /** Smooths a canonical residual with a Gaussian (lines run vertically). */
    private static float[] smooth(float[] residual, int width, int height, double across, double along) {
        Mat m = GrayPlane.floatMat(residual, width, height);
        Mat out = new Mat();
        Imgproc.GaussianBlur(m, out, new Size(0, 0), across, along);
        return GrayPlane.floats(out);
    }
}
