package defectlens.mask;

import defectlens.image.ImageRaster;
import defectlens.image.MaskOverlay;
import defectlens.image.SemImageReader;
import defectlens.image.SemImageWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How smoothly a large image edits: a 16-bit TIFF (4096 x 4096 by default) is written and read back, then seeded
 * random brush strokes are painted on its mask and undone and redone. Each timed step includes what the window does
 * on the FX thread besides uploading pixels: the tool's pixel work, the job bookkeeping and drawing the changed
 * rectangle ({@link MaskPicture}). Reported per drag event (one stroke segment), per whole stroke (press, drags,
 * release) and per undo and redo, as median, 95th percentile and maximum in milliseconds.
 */
public final class MaskEditBenchmark {
    /** Times of one kind of step. */
    public record Timing(String step, int count, double medianMs, double p95Ms, double maxMs) {
        static Timing of(String step, List<Double> ms) {
            double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Timing(step, v.length, at(v, 0.5), at(v, 0.95), v[v.length - 1]);
        }

        private static double at(double[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }

    /** The whole result. */
    public record Result(int width, int height, int bitDepth, double tiffReadMs, int brush, int strokes,
            int segmentsPerStroke, List<Timing> timings, long undoBytes) {
    }

    private MaskEditBenchmark() {
    }

    /** A 16-bit line/space-like test image, seeded. */
    static ImageRaster testImage(int width, int height, long seed) {
        Random rnd = new Random(seed);
        short[] s = new short[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double line = (x / 24) % 2 == 0 ? 42000 : 12000;
                s[y * width + x] = (short) Math.max(0, Math.min(65535, line + rnd.nextGaussian() * 3000));
            }
        }
        return new ImageRaster(width, height, 1, 16, s);
    }

    /** Runs the benchmark with the TIFF written into {@code folder}. */
    public static Result run(Path folder, int size, int brush, int strokes, int segments, long seed) {
        Path tiff = folder.resolve("bench-" + size + ".tif");
        SemImageWriter.write(testImage(size, size, seed), tiff);
        long t0 = System.nanoTime();
        ImageRaster image = SemImageReader.read(tiff);
        double readMs = (System.nanoTime() - t0) / 1e6;
        MaskEditor ed = new MaskEditor(new MaskRaster(image.width(), image.height()));
        ed.setBrushSize(brush);
        List<PixelRect> dirty = new ArrayList<>();
        ed.onRedraw(dirty::add);
        Random rnd = new Random(seed);
        List<Double> segmentMs = new ArrayList<>();
        List<Double> strokeMs = new ArrayList<>();
        List<Double> undoMs = new ArrayList<>();
        List<Double> redoMs = new ArrayList<>();
        for (int warm = 0; warm < 2; warm++) {
            paint(ed, dirty, rnd, image, segments, new ArrayList<>());
            ed.undo();
            draw(ed, dirty);
        }
        for (int i = 0; i < strokes; i++) {
            long s0 = System.nanoTime();
            paint(ed, dirty, rnd, image, segments, segmentMs);
            strokeMs.add((System.nanoTime() - s0) / 1e6);
        }
        for (int i = 0; i < strokes; i++) {
            long u0 = System.nanoTime();
            ed.undo();
            draw(ed, dirty);
            undoMs.add((System.nanoTime() - u0) / 1e6);
        }
        for (int i = 0; i < strokes; i++) {
            long r0 = System.nanoTime();
            ed.redo();
            draw(ed, dirty);
            redoMs.add((System.nanoTime() - r0) / 1e6);
        }
        return new Result(image.width(), image.height(), image.bitDepth(), readMs, brush, strokes, segments,
                List.of(Timing.of("drag event (stroke segment)", segmentMs), Timing.of("whole stroke", strokeMs),
                        Timing.of("undo", undoMs), Timing.of("redo", redoMs)), ed.stack().bytes());
    }

    private static void paint(MaskEditor ed, List<PixelRect> dirty, Random rnd, ImageRaster image, int segments,
            List<Double> segmentMs) {
        double x = rnd.nextDouble() * image.width();
        double y = rnd.nextDouble() * image.height();
        ed.beginStroke(x, y, rnd.nextInt(4) != 0);
        draw(ed, dirty);
        for (int k = 0; k < segments; k++) {
            x = clamp(x + rnd.nextGaussian() * 20, image.width());
            y = clamp(y + rnd.nextGaussian() * 20, image.height());
            long t = System.nanoTime();
            ed.strokeTo(x, y);
            draw(ed, dirty);
            segmentMs.add((System.nanoTime() - t) / 1e6);
        }
        ed.endStroke();
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(max - 1, v));
    }

    /** Draws the changed rectangles as the window does (grown by one pixel for the outline). */
    private static void draw(MaskEditor ed, List<PixelRect> dirty) {
        for (PixelRect r : dirty) {
            PixelRect g = r.grow(1).clip(ed.raster().width(), ed.raster().height());
            int[] px = MaskPicture.render(ed.raster(), g, 0xFF0000, MaskOverlay.Style.OUTLINE);
            if (px.length != g.width() * g.height()) {
                throw new IllegalStateException("picture of the wrong size: " + px.length);
            }
        }
        dirty.clear();
    }
}
