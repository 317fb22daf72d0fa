package defectlens.mask;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The pixel work of the editing tools on a {@link MaskRaster}: a round brush along a segment, a filled polygon, a
 * flood fill, deleting a connected component, inverting a box. Each tells its {@link EditRecorder} what it will
 * change before changing it and returns the rectangle it changed (empty when nothing).
 */
final class MaskTools {
    private MaskTools() {
    }

    /**
     * Paints (or erases) a round brush of the given diameter moved from (x0, y0) to (x1, y1) in image coordinates:
     * every pixel whose centre is within half the diameter of the segment.
     */
    static PixelRect brush(MaskRaster r, EditRecorder rec, double x0, double y0, double x1, double y1,
            double diameter, boolean paint) {
        double rad = Math.max(0.5, diameter / 2);
        PixelRect box = PixelRect.spanning((int) Math.floor(Math.min(x0, x1) - rad),
                (int) Math.floor(Math.min(y0, y1) - rad), (int) Math.ceil(Math.max(x0, x1) + rad),
                (int) Math.ceil(Math.max(y0, y1) + rad));
        PixelRect c = rec.touch(box);
        if (c.isEmpty()) {
            return c;
        }
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        double r2 = rad * rad;
        byte v = paint ? (byte) 1 : 0;
        byte[] bits = r.bits();
        for (int y = c.y(); y < c.bottom(); y++) {
            double py = y + 0.5;
            int base = y * r.width();
            for (int x = c.x(); x < c.right(); x++) {
                double px = x + 0.5;
                double t = len2 == 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / len2;
                t = t < 0 ? 0 : Math.min(1, t);
                double ex = px - (x0 + t * dx);
                double ey = py - (y0 + t * dy);
                if (ex * ex + ey * ey <= r2) {
                    bits[base + x] = v;
                }
            }
        }
        return c;
    }

    /** Fills the polygon (even-odd rule, pixel centres) given by image-coordinate vertices as {x, y} pairs. */
    static PixelRect polygon(MaskRaster r, EditRecorder rec, List<double[]> vertices) {
        if (vertices.size() < 3) {
            return PixelRect.EMPTY;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] v : vertices) {
            minX = Math.min(minX, v[0]);
            minY = Math.min(minY, v[1]);
            maxX = Math.max(maxX, v[0]);
            maxY = Math.max(maxY, v[1]);
        }
        PixelRect c = rec.touch(PixelRect.spanning((int) Math.floor(minX), (int) Math.floor(minY),
                (int) Math.ceil(maxX), (int) Math.ceil(maxY)));
        int n = vertices.size();
        double[] xs = new double[n];
        byte[] bits = r.bits();
        for (int y = c.y(); y < c.bottom(); y++) {
            double py = y + 0.5;
            int k = 0;
            for (int i = 0; i < n; i++) {
                double[] a = vertices.get(i);
                double[] b = vertices.get((i + 1) % n);
                if ((a[1] <= py) != (b[1] <= py)) {
                    xs[k++] = a[0] + (py - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
                }
            }
            Arrays.sort(xs, 0, k);
            for (int i = 0; i + 1 < k; i += 2) {
                int from = Math.max(c.x(), (int) Math.ceil(xs[i] - 0.5));
                int to = Math.min(c.right() - 1, (int) Math.floor(xs[i + 1] - 0.5));
                for (int x = from; x <= to; x++) {
                    bits[y * r.width() + x] = 1;
                }
            }
        }
        return c;
    }

    /**
     * The 4-connected region of pixels with the value of (x, y) (8-connected for defect pixels when
     * {@code eightConnected}), as pixel indices, and its bounding box in {@code box[0..3]} (x0, y0, x1, y1).
     */
    static int[] region(MaskRaster r, int x, int y, boolean eightConnected, int[] box) {
        byte[] bits = r.bits();
        int w = r.width();
        int h = r.height();
        byte value = bits[y * w + x];
        BitSet seen = new BitSet(bits.length);
        int[] stack = new int[1024];
        int top = 0;
        int[] out = new int[1024];
        int count = 0;
        stack[top++] = y * w + x;
        seen.set(y * w + x);
        box[0] = x;
        box[1] = y;
        box[2] = x;
        box[3] = y;
        while (top > 0) {
            int p = stack[--top];
            if (count == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[count++] = p;
            int px = p % w;
            int py = p / w;
            box[0] = Math.min(box[0], px);
            box[1] = Math.min(box[1], py);
            box[2] = Math.max(box[2], px);
            box[3] = Math.max(box[3], py);
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if ((dx == 0 && dy == 0) || (!eightConnected && dx != 0 && dy != 0)) {
                        continue;
                    }
                    int nx = px + dx;
                    int ny = py + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                        continue;
                    }
                    int q = ny * w + nx;
                    if (!seen.get(q) && bits[q] == value) {
                        seen.set(q);
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, stack.length * 2);
                        }
                        stack[top++] = q;
                    }
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Sets every pixel of a region (as found by {@link #region}) to {@code on}. */
    static PixelRect setRegion(MaskRaster r, EditRecorder rec, int[] pixels, int[] box, boolean on) {
        PixelRect c = rec.touch(PixelRect.spanning(box[0], box[1], box[2], box[3]));
        byte v = on ? (byte) 1 : 0;
        byte[] bits = r.bits();
        for (int p : pixels) {
            bits[p] = v;
        }
        return c;
    }

    /** Flips every pixel inside the box. */
    static PixelRect invert(MaskRaster r, EditRecorder rec, PixelRect box) {
        PixelRect c = rec.touch(box);
        byte[] bits = r.bits();
        for (int y = c.y(); y < c.bottom(); y++) {
            int base = y * r.width();
            for (int x = c.x(); x < c.right(); x++) {
                bits[base + x] ^= 1;
            }
        }
        return c;
    }

    /** Replaces the whole mask by another of the same size. */
    static PixelRect replace(MaskRaster r, EditRecorder rec, MaskRaster with) {
        PixelRect c = rec.touch(r.bounds());
        System.arraycopy(with.bits(), 0, r.bits(), 0, r.bits().length);
        return c;
    }
}
