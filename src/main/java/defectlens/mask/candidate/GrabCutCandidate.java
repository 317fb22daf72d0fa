package defectlens.mask.candidate;

import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.OpenCv;
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
 * box nor a seed the candidate is empty.
 */
public final class GrabCutCandidate implements CandidateGenerator {
    /** The name the user picks this generator by. */
    public static final String NAME = "grabcut";
    private static final int ITERATIONS = 5;

    private final CandidateGenerator seed;

    /** GrabCut seeded by a box, else by the {@code lines} candidate. */
    public GrabCutCandidate() {
        this(new LineSpaceCandidate());
    }

    /** GrabCut seeded by a box, else by {@code seed}'s candidate. */
    public GrabCutCandidate(CandidateGenerator seed) {
        this.seed = seed;
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
        Mat colour = colour(image);
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
            BinaryMask start = seed.generate(image, hints);
            if (start.isEmpty()) {
                return start;
            }
            Mat fg = GrayPlane.byteMat(start);
            int reach = Math.max(3, Math.min(w, h) / 40);
            Mat near = new Mat();
            Imgproc.dilate(fg, near, Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE,
                    new Size(2 * reach + 1, 2 * reach + 1)));
            mask.setTo(new Scalar(Imgproc.GC_PR_BGD), near);
            mask.setTo(new Scalar(Imgproc.GC_PR_FGD), fg);
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

    /** The image as 8-bit BGR, as GrabCut wants it. */
    private static Mat colour(ImageRaster image) {
        float[] gray = GrayPlane.of(image);
        Mat g = GrayPlane.floatMat(gray, image.width(), image.height());
        Mat g8 = new Mat();
        g.convertTo(g8, CvType.CV_8UC1, 255.0);
        Mat bgr = new Mat();
        Imgproc.cvtColor(g8, bgr, Imgproc.COLOR_GRAY2BGR);
        return bgr;
    }
}
