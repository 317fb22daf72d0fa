package defectlens.image;

/**
 * A pixel-exact defect mask: true where the expert marked the defect. Made from a mask image by the
 * Carinthia-S rule (foreground > 127 at 8 bits, after turning RGB into gray and applying alpha).
 */
public final class BinaryMask {
    private final int width;
    private final int height;
    private final boolean[] foreground;

    public BinaryMask(int width, int height, boolean[] foreground) {
        if (foreground.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + foreground.length);
        }
        this.width = width;
        this.height = height;
        this.foreground = foreground;
    }

    /**
     * Thresholds a mask image: gray value (max of R, G, B for colour masks), scaled by alpha when
     * there is an alpha channel, brought to 8 bits, foreground when > 127. Anti-aliased edges thus
     * count as foreground where they are more than half on.
     */
    public static BinaryMask fromRaster(ImageRaster r) {
        int n = r.width() * r.height();
        boolean[] fg = new boolean[n];
        short[] s = r.samples();
        int ch = r.channels();
        double to8 = 255.0 / r.maxValue();
        for (int i = 0; i < n; i++) {
            int base = i * ch;
            double v = s[base] & 0xFFFF;
            if (ch >= 3) {
                v = Math.max(v, Math.max(s[base + 1] & 0xFFFF, s[base + 2] & 0xFFFF));
            }
            if (ch == 4) {
                v = v * (s[base + 3] & 0xFFFF) / r.maxValue();
            }
            fg[i] = v * to8 > 127.0;
        }
        return new BinaryMask(r.width(), r.height(), fg);
    }

    /** Reads a mask image file (PNG usually) and thresholds it with {@link #fromRaster}. */
    public static BinaryMask read(java.nio.file.Path file) {
        return fromRaster(SemImageReader.read(file));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean get(int x, int y) {
        return foreground[y * width + x];
    }

    /** Number of foreground pixels. */
    public int area() {
        int a = 0;
        for (boolean b : foreground) {
            if (b) {
                a++;
            }
        }
        return a;
    }

    public boolean isEmpty() {
        return area() == 0;
    }

    /** True for foreground pixels with at least one 4-neighbour in the background or on the image border. */
    public boolean isEdge(int x, int y) {
        if (!get(x, y)) {
            return false;
        }
        return x == 0 || y == 0 || x == width - 1 || y == height - 1
                || !get(x - 1, y) || !get(x + 1, y) || !get(x, y - 1) || !get(x, y + 1);
    }
}
