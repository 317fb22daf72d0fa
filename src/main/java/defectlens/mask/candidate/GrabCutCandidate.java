package defectlens.mask.candidate;

import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.OpenCv;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The {@code grabcut} generator: OpenCV's GrabCut, seeded by the box the expert dragged (everything outside is
 * background) or, without a box, by another generator's candidate (by default {@code lines}): its pixels are
 * probable foreground, a band around them probable background, everything farther sure background. With neither a
 * box nor a seed the candidate is empty. The picture it cuts carries the line/space departure score as a colour
 * channel, so the cut follows the defect rather than the lines around it.
 */
public final class GrabCutCandidate implements CandidateGenerator {
    /** The name the user picks this generator by. */
    public static final String NAME = "grabcut";
    private static final int ITERATIONS = 5;

    private final LineSpaceCandidate lines;

    /** GrabCut seeded by a box, else by the {@code lines} candidate. */
    public GrabCutCandidate() {
        this(new LineSpaceCandidate());
    }

    /** GrabCut seeded by a box, else by {@code lines}' candidate; its departure scores guide the cut. */
    public GrabCutCandidate(LineSpaceCandidate lines) {
        this.lines = lines;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BinaryMask generate(ImageRaster image, CandidateHints hints) {
        OpenCv.ensureLoaded();
        int w = image.width();
        int h = image.height();
        LineSpaceCandidate.Departure departure = lines.departure(image);
        if (departure == null) {
            return GrayPlane.empty(w, h);
        }
        Mat colour = colour(image, departure.score());
        Mat mask = new Mat(h, w, CvType.CV_8UC1, new Scalar(Imgproc.GC_BGD));
        Mat bgModel = new Mat();
        Mat fgModel = new Mat();
        if (hints.boxHint().isPresent()) {
            CandidateHints.SeedBox b = hints.boxHint().get();
            int x0 = Math.max(0, b.x());
            int y0 = Math.max(0, b.y());
            int x1 = Math.min(w, b.x() + b.width());
            int y1 = Math.min(h, b.y() + b.height());
            if (x1 - x0 < 2 || y1 - y0 < 2) {
                return GrayPlane.empty(w, h);
            }
            Rect rect = new Rect(x0, y0, x1 - x0, y1 - y0);
            Imgproc.grabCut(colour, mask, rect, bgModel, fgModel, ITERATIONS, Imgproc.GC_INIT_WITH_RECT);
        } else {
            BinaryMask start = lines.generate(image, hints);
            if (start.isEmpty()) {
                return start;
            }
            Mat fg = GrayPlane.byteMat(start);
            Mat strong = new Mat();
            Core.compare(GrayPlane.floatMat(departure.score(), w, h), new Scalar(lines.high()), strong, Core.CMP_GE);
            Core.bitwise_and(strong, fg, strong);
            int reach = Math.max(3, Math.min(w, h) / 40);
            Mat near = new Mat();
            Imgproc.dilate(fg, near, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE,
                    new Size(2 * reach + 1, 2 * reach + 1)));
            mask.setTo(new Scalar(Imgproc.GC_PR_BGD), near);
            mask.setTo(new Scalar(Imgproc.GC_PR_FGD), fg);
            mask.setTo(new Scalar(Imgproc.GC_FGD), strong);
            Imgproc.grabCut(colour, mask, new Rect(), bgModel, fgModel, ITERATIONS, Imgproc.GC_INIT_WITH_MASK);
        }
        Mat sure = new Mat();
        Mat probable = new Mat();
        Core.compare(mask, new Scalar(Imgproc.GC_FGD), sure, Core.CMP_EQ);
        Core.compare(mask, new Scalar(Imgproc.GC_PR_FGD), probable, Core.CMP_EQ);
        Mat fg = new Mat();
        Core.bitwise_or(sure, probable, fg);
        return GrayPlane.mask(fg);
    }

    /**
     * The picture GrabCut separates, as 8-bit BGR: the smoothed image, the line/space departure score (0 to 4 x the
     * seed threshold), the image. Grey levels alone cannot tell a defect from the lines around it; the departure
     * from the periodic pattern can.
     */
    private Mat colour(ImageRaster image, float[] score) {
        int w = image.width();
        int h = image.height();
        Mat g = GrayPlane.floatMat(GrayPlane.of(image), w, h);
        Mat g8 = new Mat();
        g.convertTo(g8, CvType.CV_8UC1, 255.0);
        Mat smooth = new Mat();
        Imgproc.GaussianBlur(g8, smooth, new Size(0, 0), 2.0);
        Mat s8 = new Mat();
        GrayPlane.floatMat(score, w, h).convertTo(s8, CvType.CV_8UC1, 255.0 / (4 * lines.high()));
        Mat bgr = new Mat();
        Core.merge(List.of(smooth, s8, g8), bgr);
        return bgr;
    }
}
