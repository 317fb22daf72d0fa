package defectlens.explain;

/**
 * Bilinear resampling of a float map stored row by row, with pixel centres at half-integers and
 * edges clamped: the convention of OpenCV's {@code INTER_LINEAR} and PyTorch's
 * {@code interpolate(mode="bilinear", align_corners=False)}.
 */
public final class MapResampling {
    private MapResampling() {
    }

    /** The {@code (srcH, srcW)} map {@code src} resampled to {@code (dstH, dstW)}. */
    public static float[] bilinear(float[] src, int srcW, int srcH, int dstW, int dstH) {
        if (src.length != srcW * srcH) {
            throw new IllegalArgumentException("map of " + src.length + " values is not " + srcW + "x" + srcH);
        }
        if (srcW == dstW && srcH == dstH) {
            return src.clone();
        }
        float[] out = new float[dstW * dstH];
        double sx = (double) srcW / dstW;
        double sy = (double) srcH / dstH;
        for (int y = 0; y < dstH; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, srcH - 1);
            int y1 = Math.min(y0 + 1, srcH - 1);
            double wy = Math.min(fy - y0, 1.0);
            for (int x = 0; x < dstW; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, srcW - 1);
                int x1 = Math.min(x0 + 1, srcW - 1);
                double wx = Math.min(fx - x0, 1.0);
                double top = src[y0 * srcW + x0] * (1 - wx) + src[y0 * srcW + x1] * wx;
                double bottom = src[y1 * srcW + x0] * (1 - wx) + src[y1 * srcW + x1] * wx;
                out[y * dstW + x] = (float) (top * (1 - wy) + bottom * wy);
            }
        }
        return out;
    }
}
