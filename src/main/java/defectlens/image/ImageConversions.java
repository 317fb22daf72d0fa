package defectlens.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The one place where pixels cross between OpenCV {@link Mat}, {@link ImageRaster} and DJL
 * {@link NDArray}. (The JavaFX end is {@code defectlens.app.common.FxImages}, which only wraps the ARGB
 * buffers made by {@link DisplayWindow}: nothing outside the app package imports JavaFX.)
 */
public final class ImageConversions {
    private ImageConversions() {
    }

    /** Copies an 8- or 16-bit unsigned Mat with 1, 3 (BGR) or 4 (BGRA) channels into a raster in RGB(A) order. */
    public static ImageRaster fromMat(Mat mat) {
        OpenCv.ensureLoaded();
        int depth = CvType.depth(mat.type());
        int channels = mat.channels();
        if (depth != CvType.CV_8U && depth != CvType.CV_16U) {
            throw new IllegalArgumentException("unsupported sample type " + CvType.typeToString(mat.type())
                    + " (8- or 16-bit unsigned expected)");
        }
        if (channels == 2) {
            throw new IllegalArgumentException("two-channel images (gray + alpha) are not supported");
        }
        Mat rgb = mat;
        if (channels == 3) {
            rgb = new Mat();
            Imgproc.cvtColor(mat, rgb, Imgproc.COLOR_BGR2RGB);
        } else if (channels == 4) {
            rgb = new Mat();
            Imgproc.cvtColor(mat, rgb, Imgproc.COLOR_BGRA2RGBA);
        }
        try {
            Mat cont = rgb.isContinuous() ? rgb : rgb.clone();
            long count = cont.total() * channels;
            if (count > PixelBudget.MAX_SAMPLES) {
                throw new IllegalArgumentException("image of " + mat.cols() + " x " + mat.rows() + " pixels with "
                        + channels + " channels has " + count + " samples, more than one raster can hold");
            }
            int n = (int) count;
            short[] samples = new short[n];
            int bitDepth;
            if (depth == CvType.CV_8U) {
                byte[] buf = new byte[n];
                cont.get(0, 0, buf);
                for (int i = 0; i < n; i++) {
                    samples[i] = (short) (buf[i] & 0xFF);
                }
                bitDepth = 8;
            } else {
                cont.get(0, 0, samples);
                bitDepth = 16;
            }
            if (cont != rgb) {
                cont.release();
            }
            return new ImageRaster(mat.cols(), mat.rows(), channels, bitDepth, samples);
        } finally {
            if (rgb != mat) {
                rgb.release();
            }
        }
    }

    /** A new Mat (BGR(A) channel order, CV_8U or CV_16U) holding the raster; the caller releases it. */
    public static Mat toMat(ImageRaster r) {
        OpenCv.ensureLoaded();
        int ch = r.channels();
        Mat m;
        if (r.bitDepth() == 8) {
            m = new Mat(r.height(), r.width(), CvType.makeType(CvType.CV_8U, ch));
            short[] s = r.samples();
            byte[] buf = new byte[s.length];
            for (int i = 0; i < s.length; i++) {
                buf[i] = (byte) s[i];
            }
            m.put(0, 0, buf);
        } else {
            m = new Mat(r.height(), r.width(), CvType.makeType(CvType.CV_16U, ch));
            m.put(0, 0, r.samples());
        }
        if (ch == 3) {
            Imgproc.cvtColor(m, m, Imgproc.COLOR_RGB2BGR);
        } else if (ch == 4) {
            Imgproc.cvtColor(m, m, Imgproc.COLOR_RGBA2BGRA);
        }
        return m;
    }

    /**
     * A float32 tensor of shape (C, H, W) with values in [0, 1] (samples divided by the bit depth's
     * maximum), alpha dropped. {@code channels} 1 gives gray (RGB averaged), 3 gives RGB (gray replicated).
     */
    public static NDArray toTensor(ImageRaster r, NDManager manager, int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("model input channels must be 1 or 3: " + channels);
        }
        int w = r.width();
        int h = r.height();
        int plane = w * h;
        float[] out = new float[Math.toIntExact((long) channels * plane)];
        float scale = 1f / r.maxValue();
        short[] s = r.samples();
        int ch = r.channels();
        for (int i = 0; i < plane; i++) {
            int base = i * ch;
            if (channels == 1) {
                float v = ch == 1 ? (s[base] & 0xFFFF)
                        : ((s[base] & 0xFFFF) + (s[base + 1] & 0xFFFF) + (s[base + 2] & 0xFFFF)) / 3f;
                out[i] = v * scale;
            } else {
                for (int c = 0; c < 3; c++) {
                    int src = ch == 1 ? base : base + c;
                    out[c * plane + i] = (s[src] & 0xFFFF) * scale;
                }
            }
        }
        return manager.create(out, new Shape(channels, h, w));
    }

    /** A raster from a (C, H, W) or (H, W) tensor with values in [0, 1], clamped and rounded to the bit depth. */
    public static ImageRaster fromTensor(NDArray t, int bitDepth) {
        Shape shape = t.getShape();
        int c = shape.dimension() == 2 ? 1 : (int) shape.get(0);
        int h = (int) shape.get(shape.dimension() - 2);
        int w = (int) shape.get(shape.dimension() - 1);
        float[] v = t.toType(DataType.FLOAT32, false).toFloatArray();
        int max = (1 << bitDepth) - 1;
        short[] s = new short[Math.toIntExact((long) c * h * w)];
        int plane = h * w;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < plane; i++) {
                float x = Math.max(0f, Math.min(1f, v[ch * plane + i]));
                s[i * c + ch] = (short) Math.round(x * max);
            }
        }
        return new ImageRaster(w, h, c, bitDepth, s);
    }
}
