package defectlens.mask;

import defectlens.image.BinaryMask;

/**
 * The mask being edited, at the image's full resolution: one byte per pixel, 1 for defect and 0 for background.
 * Changed only through a {@link MaskEditor}, which records every change as an undoable {@link MaskEdit}.
 */
public final class MaskRaster {
    private final int width;
    private final int height;
    private final byte[] bits;

    /** An empty (all background) mask. */
    public MaskRaster(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("mask size must be positive: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.bits = new byte[Math.multiplyExact(width, height)];
    }

    /** A copy of a binary mask. */
    public static MaskRaster of(BinaryMask m) {
        MaskRaster r = new MaskRaster(m.width(), m.height());
        for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
                if (m.get(x, y)) {
                    r.bits[y * r.width + x] = 1;
                }
            }
        }
        return r;
    }

    /** A snapshot as a binary mask (later edits do not change it). */
    public BinaryMask toBinaryMask() {
        boolean[] fg = new boolean[bits.length];
        for (int i = 0; i < bits.length; i++) {
            fg[i] = bits[i] != 0;
        }
        return new BinaryMask(width, height, fg);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean contains(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    public boolean get(int x, int y) {
        return bits[y * width + x] != 0;
    }

    /** Sets one pixel; callers inside this package record the change first. */
    void set(int x, int y, boolean on) {
        bits[y * width + x] = on ? (byte) 1 : 0;
    }

    /** The pixels, row by row (read-only use outside the editor). */
    byte[] bits() {
        return bits;
    }

    /** Number of defect pixels. */
    public long area() {
        long a = 0;
        for (byte b : bits) {
            a += b;
        }
        return a;
    }

    /** The whole image as a rectangle. */
    public PixelRect bounds() {
        return new PixelRect(0, 0, width, height);
    }
}
