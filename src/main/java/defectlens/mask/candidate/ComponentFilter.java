package defectlens.mask.candidate;

import defectlens.image.BinaryMask;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns a score plane into a clean binary mask: hysteresis (pixels above {@code low} connected to a pixel above
 * {@code high}), then connected components kept only when they are large enough and do not stretch across most
 * of the frame (a blank strip or a frame jump is no defect), optionally only the largest one; holes filled by a
 * morphological closing. With {@code relativePeak} above 0, a component whose highest score is below that share of
 * the strongest kept component's is dropped too (a faint speck beside a clear defect is most likely noise).
 */
record ComponentFilter(double high, double low, int minArea, double maxSpan, boolean largestOnly, int closeRadius,
        double relativePeak) {

    /** The filtered mask of {@code score} ({@code width x height}, row by row). */
    BinaryMask apply(float[] score, int width, int height) {
        byte[] weak = new byte[width * height];
        for (int i = 0; i < weak.length; i++) {
            if (score[i] >= low) {
                weak[i] = 1;
            }
        }
        Mat weakMat = new Mat(height, width, CvType.CV_8UC1);
        weakMat.put(0, 0, weak);
        if (closeRadius > 0) {
            Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE,
                    new Size(2 * closeRadius + 1, 2 * closeRadius + 1));
            Imgproc.morphologyEx(weakMat, weakMat, Imgproc.MORPH_CLOSE, kernel);
            weakMat.get(0, 0, weak);
        }
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(weakMat, labels, stats, centroids, 8, CvType.CV_32S);
        int[] label = new int[width * height];
        labels.get(0, 0, label);
        boolean[] strong = new boolean[n];
        double[] peak = new double[n];
        for (int i = 0; i < label.length; i++) {
            if (label[i] > 0 && score[i] >= high) {
                strong[label[i]] = true;
            }
            if (label[i] > 0) {
                peak[label[i]] = Math.max(peak[label[i]], score[i]);
            }
        }
        boolean[] keep = new boolean[n];
        int largest = -1;
        int largestArea = 0;
        for (int c = 1; c < n; c++) {
            int area = (int) stats.get(c, Imgproc.CC_STAT_AREA)[0];
            int w = (int) stats.get(c, Imgproc.CC_STAT_WIDTH)[0];
            int h = (int) stats.get(c, Imgproc.CC_STAT_HEIGHT)[0];
            keep[c] = strong[c] && area >= minArea && w <= maxSpan * width && h <= maxSpan * height;
            if (keep[c] && area > largestArea) {
                largestArea = area;
                largest = c;
            }
        }
        double best = 0;
        for (int c = 1; c < n; c++) {
            if (keep[c]) {
                best = Math.max(best, peak[c]);
            }
        }
        for (int c = 1; c < n; c++) {
            keep[c] &= peak[c] >= relativePeak * best;
        }
        boolean[] fg = new boolean[width * height];
        for (int i = 0; i < fg.length; i++) {
            int c = label[i];
            fg[i] = c > 0 && (largestOnly ? c == largest : keep[c]);
        }
        return new BinaryMask(width, height, fg);
    }
}
