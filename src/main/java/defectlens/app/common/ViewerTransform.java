package defectlens.app.common;

/**
 * Where the image sits in the viewer: screen = image * scale + (tx, ty). Zooming keeps the image
 * point under the cursor in place; panning moves by screen pixels. Plain Java, so it is tested
 * without a window.
 */
public final class ViewerTransform {
    public static final double MIN_SCALE = 1.0 / 64;
    public static final double MAX_SCALE = 64;

    private double scale = 1;
    private double tx;
    private double ty;

    public double scale() {
        return scale;
    }

    public double tx() {
        return tx;
    }

    public double ty() {
        return ty;
    }

    /** Multiplies the scale by {@code factor} keeping the screen point (sx, sy) on the same image point. */
    public void zoomAt(double sx, double sy, double factor) {
        double target = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double ix = (sx - tx) / scale;
        double iy = (sy - ty) / scale;
        scale = target;
        tx = sx - ix * scale;
        ty = sy - iy * scale;
    }

    public void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
    }

    /** Scales the whole image into the view, centred. */
    public void fit(double viewW, double viewH, int imageW, int imageH) {
        if (viewW <= 0 || viewH <= 0) {
            return;
        }
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, Math.min(viewW / imageW, viewH / imageH)));
        tx = (viewW - imageW * scale) / 2;
        ty = (viewH - imageH * scale) / 2;
    }

    /** One image pixel per screen pixel, keeping the image point at the view centre in place. */
    public void actualSize(double viewW, double viewH) {
        zoomAt(viewW / 2, viewH / 2, 1.0 / scale);
    }

    /** The image x coordinate (in pixels, fractional) under screen x. */
    public double imageX(double sx) {
        return (sx - tx) / scale;
    }

    public double imageY(double sy) {
        return (sy - ty) / scale;
    }
}
