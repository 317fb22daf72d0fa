package defectlens.mask.candidate;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The direction of a line/space pattern from the structure tensor: the summed outer product of the image gradient
 * points across the lines; its dominant eigenvector's angle is the lines' normal. Also turns the image into the
 * canonical frame (lines vertical) and a canonical plane back, on a canvas large enough to lose nothing.
 */
final class LineOrientation {
    private final double normalAngle;
    private final double coherence;
    private final int width;
    private final int height;
    private final int canonicalWidth;
    private final int canonicalHeight;

    private LineOrientation(double normalAngle, double coherence, int width, int height) {
        this.normalAngle = normalAngle;
        this.coherence = coherence;
        this.width = width;
        this.height = height;
        double c = Math.abs(Math.cos(normalAngle));
        double s = Math.abs(Math.sin(normalAngle));
        this.canonicalWidth = (int) Math.ceil(width * c + height * s);
        this.canonicalHeight = (int) Math.ceil(width * s + height * c);
    }

    /** The orientation of the pattern in {@code plane} (a float Mat). */
    static LineOrientation of(Mat plane) {
        Mat smooth = new Mat();
        Imgproc.GaussianBlur(plane, smooth, new Size(0, 0), 1.0);
        Mat gx = new Mat();
        Mat gy = new Mat();
        Imgproc.Sobel(smooth, gx, CvType.CV_32F, 1, 0);
        Imgproc.Sobel(smooth, gy, CvType.CV_32F, 0, 1);
        double jxx = gx.dot(gx);
        double jyy = gy.dot(gy);
        double jxy = gx.dot(gy);
        double angle = 0.5 * Math.atan2(2 * jxy, jxx - jyy);
        double trace = jxx + jyy;
        double coherence = trace <= 0 ? 0 : Math.sqrt((jxx - jyy) * (jxx - jyy) + 4 * jxy * jxy) / trace;
        return new LineOrientation(angle, coherence, plane.cols(), plane.rows());
    }

    /** The angle of the lines' normal to the x axis in degrees (0: vertical lines, 90: horizontal lines). */
    double normalDegrees() {
        return Math.toDegrees(normalAngle);
    }

    /** How strongly one direction dominates the gradients: 0 (none) to 1 (perfectly straight lines). */
    double coherence() {
        return coherence;
    }

    int canonicalWidth() {
        return canonicalWidth;
    }

    int canonicalHeight() {
        return canonicalHeight;
    }

    /** The image in the canonical frame (lines vertical); pixels outside the image get {@code fill}. */
    Mat toCanonical(Mat image, double fill, int interpolation) {
        Mat out = new Mat();
        Imgproc.warpAffine(image, out, canonicalToImage(), new Size(canonicalWidth, canonicalHeight),
                interpolation | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT, new Scalar(fill));
        return out;
    }

    /** A canonical-frame plane brought back to the image's frame and size. */
    Mat toImage(Mat canonical, int interpolation) {
        Mat out = new Mat();
        Imgproc.warpAffine(canonical, out, imageToCanonical(), new Size(width, height),
                interpolation | Imgproc.WARP_INVERSE_MAP, Core.BORDER_CONSTANT, new Scalar(0));
        return out;
    }

    /** Affine map taking canonical (u, v) to image (x, y). */
    private Mat canonicalToImage() {
        double c = Math.cos(normalAngle);
        double s = Math.sin(normalAngle);
        double cu = canonicalWidth / 2.0;
        double cv = canonicalHeight / 2.0;
        double cx = width / 2.0;
        double cy = height / 2.0;
        return affine(c, -s, cx - c * cu + s * cv, s, c, cy - s * cu - c * cv);
    }

    /** Affine map taking image (x, y) to canonical (u, v). */
    private Mat imageToCanonical() {
        double c = Math.cos(normalAngle);
        double s = Math.sin(normalAngle);
        double cu = canonicalWidth / 2.0;
        double cv = canonicalHeight / 2.0;
        double cx = width / 2.0;
        double cy = height / 2.0;
        return affine(c, s, cu - c * cx - s * cy, -s, c, cv + s * cx - c * cy);
    }

    private static Mat affine(double a, double b, double tx, double d, double e, double ty) {
        Mat m = new Mat(2, 3, CvType.CV_64FC1);
        m.put(0, 0, a, b, tx, d, e, ty);
        return m;
    }
}
