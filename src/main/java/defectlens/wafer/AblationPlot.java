package defectlens.wafer;

import defectlens.core.DefectLensException;
import defectlens.image.OpenCv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The ablation as a picture (the paper's Tables 3 and 4 drawn): accuracy in % against the balanced train size
 * per class (log scale), one line per variant / class set with +- one standard deviation over seeds as error
 * bars; left panel on the test set as it is, right panel on its rotated and flipped copies. OpenCV, PNG.
 */
public final class AblationPlot {
    private static final Scalar WHITE = new Scalar(255, 255, 255);
    private static final Scalar BLACK = new Scalar(0, 0, 0);
    private static final Scalar GRID = new Scalar(225, 225, 225);
    /** BGR: blue, orange, green, red, purple, brown (matplotlib's first colours). */
    private static final Scalar[] LINES = {new Scalar(180, 119, 31), new Scalar(14, 127, 255), new Scalar(44, 160, 44),
        new Scalar(40, 39, 214), new Scalar(189, 103, 148), new Scalar(75, 86, 140)};
    private static final int FONT = Imgproc.FONT_HERSHEY_SIMPLEX;
    private static final int PANEL_W = 460;
    private static final int PANEL_H = 340;
    private static final int LEFT = 60;
    private static final int TOP = 60;

    private AblationPlot() {
    }

    /** Writes the two-panel plot of {@code cells} to {@code file}. */
    public static void write(List<AblationResults.Cell> cells, Path file) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no ablation results to plot");
        }
        OpenCv.ensureLoaded();
        TreeSet<Integer> sizes = new TreeSet<>();
        double low = 100;
        Map<String, List<AblationResults.Cell>> series = new LinkedHashMap<>();
        for (AblationResults.Cell c : cells) {
            sizes.add(c.perClass());
            low = Math.min(low, Math.min(c.accuracyMean() - c.accuracySd(), c.rotflipMean() - c.rotflipSd()));
            series.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(c);
        }
        double yMin = Math.max(0, Math.floor(low / 10) * 10);
        int width = LEFT + 2 * PANEL_W + 60;
        int legendRows = series.size();
        int height = TOP + PANEL_H + 70 + 22 * legendRows;
        Mat img = new Mat(new Size(width, height), CvType.CV_8UC3, WHITE);
        try {
            text(img, "Wafer CNN ablation: accuracy (%) vs balanced train maps per class (mean +- sd over seeds)", 10, 24, 0.5);
            int[] xs = {LEFT, LEFT + PANEL_W + 40};
            String[] titles = {"held-out test set", "its rotated / flipped copies (rotflip)"};
            for (int p = 0; p < 2; p++) {
                panel(img, xs[p], titles[p], sizes, yMin);
                int s = 0;
                for (List<AblationResults.Cell> line : series.values()) {
                    draw(img, xs[p], line, sizes, yMin, LINES[s++ % LINES.length], p == 1);
                }
            }
            int s = 0;
            for (String label : series.keySet()) {
                int y = TOP + PANEL_H + 60 + 22 * s;
                Imgproc.line(img, new Point(LEFT, y - 5), new Point(LEFT + 30, y - 5), LINES[s % LINES.length], 2);
                text(img, label, LEFT + 40, y, 0.45);
                s++;
            }
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new DefectLensException(file, "cannot create folder (" + e.getMessage() + ")", e);
            }
            if (!Imgcodecs.imwrite(file.toString(), img)) {
                throw new DefectLensException(file, "cannot write PNG");
            }
        } finally {
            img.release();
        }
    }

    private static void panel(Mat img, int x0, String title, TreeSet<Integer> sizes, double yMin) {
        text(img, title, x0, TOP - 12, 0.45);
        for (int step = 0; yMin + 10 * step <= 100.001; step++) {
            double v = yMin + 10 * step;
            int y = y(v, yMin);
            Imgproc.line(img, new Point(x0, y), new Point(x0 + PANEL_W, y), GRID, 1);
            text(img, String.format(Locale.ROOT, "%.0f", v), x0 - 30, y + 5, 0.4);
        }
        for (int size : sizes) {
            int x = x(x0, size, sizes);
            Imgproc.line(img, new Point(x, TOP), new Point(x, TOP + PANEL_H), GRID, 1);
            text(img, Integer.toString(size), x - 12, TOP + PANEL_H + 18, 0.4);
        }
        Imgproc.rectangle(img, new Point(x0, TOP), new Point(x0 + PANEL_W, TOP + PANEL_H), BLACK, 1);
    }

    private static void draw(Mat img, int x0, List<AblationResults.Cell> line, TreeSet<Integer> sizes, double yMin,
            Scalar colour, boolean rotflip) {
        Point previous = null;
        for (AblationResults.Cell c : line) {
            double mean = rotflip ? c.rotflipMean() : c.accuracyMean();
            double sd = rotflip ? c.rotflipSd() : c.accuracySd();
            Point p = new Point(x(x0, c.perClass(), sizes), y(mean, yMin));
            if (sd > 0) {
                Imgproc.line(img, new Point(p.x, y(mean - sd, yMin)), new Point(p.x, y(Math.min(100, mean + sd), yMin)), colour, 1);
            }
            Imgproc.circle(img, p, 4, colour, -1, Imgproc.LINE_AA);
            if (previous != null) {
                Imgproc.line(img, previous, p, colour, 2, Imgproc.LINE_AA);
            }
            previous = p;
        }
    }

    /** Train sizes on a log scale across the panel (a single size sits in the middle). */
    private static int x(int x0, int size, TreeSet<Integer> sizes) {
        double lo = Math.log(sizes.first());
        double hi = Math.log(sizes.last());
        double f = hi > lo ? (Math.log(size) - lo) / (hi - lo) : 0.5;
        return (int) Math.round(x0 + 30 + f * (PANEL_W - 60));
    }

    private static int y(double value, double yMin) {
        double f = (Math.max(yMin, Math.min(100, value)) - yMin) / (100 - yMin);
        return (int) Math.round(TOP + PANEL_H - f * PANEL_H);
    }

    private static void text(Mat img, String s, int x, int y, double scale) {
        Imgproc.putText(img, s, new Point(x, y), FONT, scale, BLACK, 1, Imgproc.LINE_AA);
    }
}
