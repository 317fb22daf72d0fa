package defectlens.mask.candidate;

import defectlens.image.BinaryMask;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Joins the two findings of the {@code lines} generator: the pixel-wise departures and the bridges found across
 * spaces ({@link SpaceBridgeDetector}). A bridge's own outline (edge to edge over its half-maximum rows) is sharper
 * than the smoothed departures around it, so a departure component that touches a short bridge (at most half a
 * pitch along the lines) gives way to it; a long run (a line leaning into its space) adds to the component.
 */
final class BridgeMerge {
    /** A component yields to the bridges it holds when it is at most this many times their area. */
    private static final double YIELD_RATIO = 4;

    private BridgeMerge() {
    }

    static BinaryMask merge(BinaryMask pixels, float[] bridges, float[] bridgeRows, double pitch) {
        int w = pixels.width();
        int h = pixels.height();
        boolean any = false;
        for (float b : bridges) {
            any |= b > 0.5f;
        }
        if (!any) {
            return pixels;
        }
        byte[] fg = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (pixels.get(x, y)) {
                    fg[y * w + x] = 1;
                }
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC1);
        m.put(0, 0, fg);
        Mat labels = new Mat();
        int n = Imgproc.connectedComponents(m, labels, 8, CvType.CV_32S);
        int[] label = new int[w * h];
        labels.get(0, 0, label);
        int[] area = new int[n];
        int[] bridged = new int[n];
        for (int i = 0; i < label.length; i++) {
            area[label[i]]++;
            if (label[i] > 0 && bridges[i] > 0.5f && bridgeRows[i] <= pitch / 2) {
                bridged[label[i]]++;
            }
        }
        boolean[] yields = new boolean[n];
        for (int c = 1; c < n; c++) {
            yields[c] = bridged[c] > 0 && area[c] <= YIELD_RATIO * bridged[c];
        }
        boolean[] out = new boolean[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = bridges[i] > 0.5f || (label[i] > 0 && !yields[label[i]]);
        }
        return new BinaryMask(w, h, out);
    }
}
