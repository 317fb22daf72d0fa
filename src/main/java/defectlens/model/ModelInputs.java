package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import defectlens.image.ImageConversions;
import defectlens.image.ImageRaster;
import defectlens.image.OpenCv;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Turns an image into the normalised (1, C, H, W) tensor a model's {@link InputSpec} asks for. */
public final class ModelInputs {
    private ModelInputs() {
    }

    /** Resizes (area interpolation when shrinking, linear when enlarging), scales to [0, 1], normalises. */
    public static NDArray tensor(ImageRaster image, InputSpec spec, NDManager manager) {
        ImageRaster sized = resize(image, spec.width(), spec.height());
        NDArray x = ImageConversions.toTensor(sized, manager, spec.channels());
        float[] mean = new float[spec.channels()];
        float[] std = new float[spec.channels()];
        for (int c = 0; c < spec.channels(); c++) {
            mean[c] = spec.mean().get(c);
            std[c] = spec.std().get(c);
        }
        NDArray m = manager.create(mean).reshape(spec.channels(), 1, 1);
        NDArray s = manager.create(std).reshape(spec.channels(), 1, 1);
        return x.sub(m).div(s).expandDims(0);
    }

    /** The raster at the given size (the same raster when it already has it). */
    public static ImageRaster resize(ImageRaster image, int width, int height) {
        if (image.width() == width && image.height() == height) {
            return image;
        }
        OpenCv.ensureLoaded();
        Mat src = ImageConversions.toMat(image);
        Mat dst = new Mat();
        try {
            int interp = width < image.width() ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
            Imgproc.resize(src, dst, new Size(width, height), 0, 0, interp);
            return ImageConversions.fromMat(dst);
        } finally {
            src.release();
            dst.release();
        }
    }
}
