package defectlens.wafer.features;

/**
 * The largest 4-connected region of failing dies of a map, as a mask over the whole grid: labels follow the
 * raster order of each region's first die (as scikit-image's {@code label} numbers them), the region with the most
 * dies wins and a tie goes to the lowest label. A map without a failing die gives the whole grid as one region.
 *
 * @param mask row-major {@code rows x cols}, true on the region's dies
 * @param size number of dies in the region
 */
public record FailRegion(boolean[] mask, int rows, int cols, int size) {

    /** The largest failing region of a row-major {@code h x w} die grid. */
    public static FailRegion largest(byte[] dies, int h, int w) {
        int[] label = new int[h * w];
        int[] queue = new int[h * w];
        int bestLabel = 0;
        int bestSize = 0;
        int next = 0;
        for (int start = 0; start < dies.length; start++) {
            if (dies[start] != 2 || label[start] != 0) {
                continue;
            }
            int id = ++next;
            int size = fill(dies, h, w, start, id, label, queue);
            if (size > bestSize) {
                bestSize = size;
                bestLabel = id;
            }
        }
        boolean[] mask = new boolean[h * w];
        if (bestLabel == 0) {
            java.util.Arrays.fill(mask, true);
            return new FailRegion(mask, h, w, h * w);
        }
        for (int i = 0; i < mask.length; i++) {
            mask[i] = label[i] == bestLabel;
        }
        return new FailRegion(mask, h, w, bestSize);
    }

    /** Breadth-first flood fill of the failing dies 4-connected to {@code start}; returns their count. */
    private static int fill(byte[] dies, int h, int w, int start, int id, int[] label, int[] queue) {
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        label[start] = id;
        while (head < tail) {
            int p = queue[head++];
            int r = p / w;
            int c = p % w;
            if (r > 0 && dies[p - w] == 2 && label[p - w] == 0) {
                label[p - w] = id;
                queue[tail++] = p - w;
            }
            if (r < h - 1 && dies[p + w] == 2 && label[p + w] == 0) {
                label[p + w] = id;
                queue[tail++] = p + w;
            }
            if (c > 0 && dies[p - 1] == 2 && label[p - 1] == 0) {
                label[p - 1] = id;
                queue[tail++] = p - 1;
            }
            if (c < w - 1 && dies[p + 1] == 2 && label[p + 1] == 0) {
                label[p + 1] = id;
                queue[tail++] = p + 1;
            }
        }
        return tail;
    }

    /** Whether die {@code (r, c)} belongs to the region; false outside the grid. */
    public boolean contains(int r, int c) {
        return r >= 0 && r < rows && c >= 0 && c < cols && mask[r * cols + c];
    }
}
