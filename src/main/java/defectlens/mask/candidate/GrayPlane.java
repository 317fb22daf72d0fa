package defectlens.mask.candidate;

import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.OpenCv;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Conversions the generators share: an image as a float plane in [0, 1] (colour averaged, 8 or 16 bits scaled by
 * the bit depth), float and byte planes to and from OpenCV {@link Mat}s, a 0/255 byte plane to a {@link BinaryMask}.
 */
final class GrayPlane {
    private GrayPlane() {
    }

    /** The intensity of every pixel, row by row, scaled to [0, 1]. */
    static float[] of(ImageRaster image) {
        int w = image.width();
        int h = image.height();
        float[] v = new float[w * h];
        float scale = 1f / image.maxValue();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = image.intensity(x, y) * scale;
            }
        }
        return v;
    }

    /** A single-channel float Mat holding {@code values} (copied). */
    static Mat floatMat(float[] values, int width, int height) {
        OpenCv.ensureLoaded();
        Mat m = new Mat(height, width, CvType.CV_32FC1);
        m.put(0, 0, values);
        return m;
    }

    /** The values of a single-channel float Mat, row by row. */
    static float[] floats(Mat m) {
        Mat f = m;
        if (m.type() != CvType.CV_32FC1) {
            f = new Mat();
            m.convertTo(f, CvType.CV_32FC1);
        }
        float[] v = new float[(int) f.total()];
        f.get(0, 0, v);
        return v;
    }

    /** A single-channel 8-bit Mat holding 255 where {@code mask} is set. */
    static Mat byteMat(BinaryMask mask) {
        OpenCv.ensureLoaded();
        byte[] b = new byte[mask.width() * mask.height()];
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y)) {
                    b[y * mask.width() + x] = (byte) 255;
                }
            }
        }
        Mat m = new Mat(mask.height(), mask.width(), CvType.CV_8UC1);
        m.put(0, 0, b);
        return m;
    }

    /** A mask from a single-channel 8-bit Mat: foreground where the value is not 0. */
    static BinaryMask mask(Mat m) {
        byte[] b = new byte[(int) m.total()];
        m.get(0, 0, b);
        boolean[] fg = new boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            fg[i] = b[i] != 0;
        }
        return new BinaryMask(m.cols(), m.rows(), fg);
    }

    /** An empty mask of the given size. */
    static BinaryMask empty(int width, int height) {
        return new BinaryMask(width, height, new boolean[width * height]);
    }
}
