package defectlens.mask;

/**
 * A rectangle of image pixels, {@code [x, x + width) x [y, y + height)}: the part of a mask an edit touched and
 * the window has to redraw. An empty rectangle has no pixels.
 */
public record PixelRect(int x, int y, int width, int height) {
    /** The rectangle with no pixels. */
    public static final PixelRect EMPTY = new PixelRect(0, 0, 0, 0);

    public PixelRect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
    }

    /** The rectangle between two corners, both included. */
    public static PixelRect spanning(int x0, int y0, int x1, int y1) {
        int left = Math.min(x0, x1);
        int top = Math.min(y0, y1);
        return new PixelRect(left, top, Math.abs(x1 - x0) + 1, Math.abs(y1 - y0) + 1);
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    /** The smallest rectangle holding both. */
    public PixelRect union(PixelRect o) {
        if (isEmpty()) {
            return o;
        }
        if (o.isEmpty()) {
            return this;
        }
        int left = Math.min(x, o.x);
        int top = Math.min(y, o.y);
        return new PixelRect(left, top, Math.max(right(), o.right()) - left, Math.max(bottom(), o.bottom()) - top);
    }

    /** The part inside an image of the given size (empty when outside). */
    public PixelRect clip(int imageWidth, int imageHeight) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int r = Math.min(imageWidth, right());
        int b = Math.min(imageHeight, bottom());
        return r <= left || b <= top ? EMPTY : new PixelRect(left, top, r - left, b - top);
    }

    /** Grown by {@code n} pixels on every side. */
    public PixelRect grow(int n) {
        return isEmpty() ? this : new PixelRect(x - n, y - n, width + 2 * n, height + 2 * n);
    }

    public long area() {
        return (long) width * height;
    }
}
