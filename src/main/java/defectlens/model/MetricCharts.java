package defectlens.model;

import defectlens.image.OpenCv;
import defectlens.image.SemImageWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Draws evaluation charts with OpenCV into PNG files: a bar chart of F1 per class and the confusion
 * matrix as a blue heat map with counts (rows = true class, columns = predicted class).
 */
public final class MetricCharts {
    private static final Scalar WHITE = new Scalar(255, 255, 255);
    private static final Scalar BLACK = new Scalar(0, 0, 0);
    private static final Scalar GRID = new Scalar(220, 220, 220);
    private static final Scalar BAR = new Scalar(180, 119, 31);
    private static final int FONT = Imgproc.FONT_HERSHEY_SIMPLEX;

    private MetricCharts() {
    }

    /** Writes the F1-per-class bar chart. */
    public static void writeF1Chart(ClassificationMetrics metrics, Path file) {
        OpenCv.ensureLoaded();
        List<ClassScore> scores = metrics.perClass();
        int barW = 70;
        int left = 60;
        int top = 50;
        int plotH = 300;
        int width = left + scores.size() * barW + 30;
        int height = top + plotH + 110;
        Mat img = new Mat(new Size(width, height), org.opencv.core.CvType.CV_8UC3, WHITE);
        try {
            text(img, String.format(Locale.ROOT, "F1 per class (macro %.3f, accuracy %.3f)", metrics.macroF1(),
                    metrics.accuracy()), 10, 25, 0.55);
            for (int t = 0; t <= 10; t += 2) {
                int y = top + plotH - t * plotH / 10;
                Imgproc.line(img, new Point(left, y), new Point(width - 20, y), GRID, 1);
                text(img, String.format(Locale.ROOT, "%.1f", t / 10.0), 20, y + 5, 0.4);
            }
            for (int i = 0; i < scores.size(); i++) {
                ClassScore s = scores.get(i);
                int x = left + i * barW + 10;
                int h = (int) Math.round(s.f1() * plotH);
                Imgproc.rectangle(img, new Rect(x, top + plotH - h, barW - 20, Math.max(h, 1)), BAR, -1);
                text(img, String.format(Locale.ROOT, "%.2f", s.f1()), x + 2, top + plotH - h - 6, 0.4);
                verticalLabel(img, s.label(), x + (barW - 20) / 2 - 5, top + plotH + 8);
            }
            Imgproc.line(img, new Point(left, top + plotH), new Point(width - 20, top + plotH), BLACK, 1);
            write(img, file);
        } finally {
            img.release();
        }
    }

    /** Writes the confusion matrix heat map. */
    public static void writeConfusion(ClassificationMetrics metrics, Path file) {
        OpenCv.ensureLoaded();
        int[][] m = metrics.confusion();
        List<String> labels = metrics.labels();
        int k = labels.size();
        int cell = 56;
        int left = 130;
        int top = 60;
        int width = left + k * cell + 20;
        int height = top + k * cell + 110;
        int max = 1;
        for (int[] row : m) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        Mat img = new Mat(new Size(width, height), org.opencv.core.CvType.CV_8UC3, WHITE);
        try {
            text(img, "Confusion matrix (rows: true, columns: predicted)", 10, 25, 0.5);
            for (int t = 0; t < k; t++) {
                text(img, labels.get(t), 5, top + t * cell + cell / 2 + 5, 0.4);
                for (int p = 0; p < k; p++) {
                    double f = m[t][p] / (double) max;
                    Scalar colour = new Scalar(255, 255 - 170 * f, 255 - 230 * f);
                    Rect r = new Rect(left + p * cell, top + t * cell, cell, cell);
                    Imgproc.rectangle(img, r, colour, -1);
                    Imgproc.rectangle(img, r, GRID, 1);
                    Scalar ink = f > 0.55 ? WHITE : BLACK;
                    Imgproc.putText(img, Integer.toString(m[t][p]), new Point(r.x + 8, r.y + cell / 2 + 5), FONT, 0.5,
                            ink, 1, Imgproc.LINE_AA);
                }
            }
            for (int p = 0; p < k; p++) {
                verticalLabel(img, labels.get(p), left + p * cell + cell / 2 - 5, top + k * cell + 8);
            }
            write(img, file);
        } finally {
            img.release();
        }
    }

    private static void text(Mat img, String s, int x, int y, double scale) {
        Imgproc.putText(img, s, new Point(x, y), FONT, scale, BLACK, 1, Imgproc.LINE_AA);
    }

    /** A label written downwards from (x, y): drawn horizontally, then rotated into place. */
    private static void verticalLabel(Mat img, String s, int x, int y) {
        int[] base = new int[1];
        Size ts = Imgproc.getTextSize(s, FONT, 0.4, 1, base);
        int w = (int) ts.width + 4;
        int h = (int) ts.height + base[0] + 4;
        Mat label = new Mat(new Size(w, h), img.type(), WHITE);
        Mat turned = new Mat();
        try {
            Imgproc.putText(label, s, new Point(2, ts.height + 2), FONT, 0.4, BLACK, 1, Imgproc.LINE_AA);
            org.opencv.core.Core.rotate(label, turned, org.opencv.core.Core.ROTATE_90_CLOCKWISE);
            int rw = Math.min(turned.cols(), img.cols() - x);
            int rh = Math.min(turned.rows(), img.rows() - y);
            if (rw > 0 && rh > 0 && x >= 0 && y >= 0) {
                turned.submat(new Rect(0, 0, rw, rh)).copyTo(img.submat(new Rect(x, y, rw, rh)));
            }
        } finally {
            label.release();
            turned.release();
        }
    }

    private static void write(Mat img, Path file) {
        SemImageWriter.writeMat(img, file, 95);
    }
}
