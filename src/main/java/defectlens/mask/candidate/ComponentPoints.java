package defectlens.mask.candidate;

import defectlens.image.BinaryMask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * One point prompt per connected component of a mask: the component's pixel nearest its centroid (a centroid of a
 * bent or ring-shaped component may lie outside it), the largest components first.
 */
final class ComponentPoints {
    private ComponentPoints() {
    }

    /** At most {@code max} points {x, y}, one per component of {@code mask}, largest component first. */
    static List<int[]> of(BinaryMask mask, int max) {
        int w = mask.width();
        int h = mask.height();
        if (mask.isEmpty()) {
            return List.of();
        }
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(GrayPlane.byteMat(mask), labels, stats, centroids, 8,
                CvType.CV_32S);
        int[] label = new int[w * h];
        labels.get(0, 0, label);
        double[][] centre = new double[n][];
        double[] best = new double[n];
        int[][] point = new int[n][];
        for (int c = 1; c < n; c++) {
            centre[c] = new double[] {centroids.get(c, 0)[0], centroids.get(c, 1)[0]};
            best[c] = Double.POSITIVE_INFINITY;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = label[y * w + x];
                if (c > 0) {
                    double d = Math.hypot(x - centre[c][0], y - centre[c][1]);
                    if (d < best[c]) {
                        best[c] = d;
                        point[c] = new int[] {x, y};
                    }
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 1; c < n; c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> -stats.get(c, Imgproc.CC_STAT_AREA)[0]));
        List<int[]> out = new ArrayList<>();
        for (int c : order.subList(0, Math.min(max, order.size()))) {
            out.add(point[c]);
        }
        return out;
    }
}
