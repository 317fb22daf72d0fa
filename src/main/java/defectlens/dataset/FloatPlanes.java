package defectlens.dataset;

/**
 * Small filters on single-channel float images stored row-major in a {@code float[]}: separable
 * Gaussian blur and gradient magnitude. Plain Java so that rendering is exact and thread-safe.
 */
final class FloatPlanes {
    private FloatPlanes() {
    }

    /** A Gaussian blur with standard deviation {@code sigma} (pixels), borders replicated. */
    static float[] gaussianBlur(float[] src, int width, int height, double sigma) {
        if (sigma <= 0) {
            return src.clone();
        }
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            double v = Math.exp(-(i * i) / (2 * sigma * sigma));
            k[i + r] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        float[] tmp = new float[src.length];
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = Math.max(0, Math.min(width - 1, x + i));
                    acc += k[i + r] * src[base + xx];
                }
                tmp[base + x] = acc;
            }
        }
        float[] out = new float[src.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int i = -r; i <= r; i++) {
                    int yy = Math.max(0, Math.min(height - 1, y + i));
                    acc += k[i + r] * tmp[yy * width + x];
                }
                out[y * width + x] = acc;
            }
        }
        return out;
    }

    /** The magnitude of the central-difference gradient, borders replicated. */
    static float[] gradientMagnitude(float[] src, int width, int height) {
        float[] out = new float[src.length];
        for (int y = 0; y < height; y++) {
            int up = Math.max(0, y - 1) * width;
            int down = Math.min(height - 1, y + 1) * width;
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int xl = Math.max(0, x - 1);
                int xr = Math.min(width - 1, x + 1);
                float gx = (src[base + xr] - src[base + xl]) * 0.5f;
                float gy = (src[down + x] - src[up + x]) * 0.5f;
                out[base + x] = (float) Math.sqrt(gx * gx + gy * gy);
            }
        }
        return out;
    }

    /** Swaps rows and columns (turns vertical lines into horizontal ones). */
    static float[] transpose(float[] src, int width, int height) {
        float[] out = new float[src.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[x * height + y] = src[y * width + x];
            }
        }
        return out;
    }

    /** Swaps rows and columns of a byte image. */
    static byte[] transpose(byte[] src, int width, int height) {
        byte[] out = new byte[src.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[x * height + y] = src[y * width + x];
            }
        }
        return out;
    }
}
