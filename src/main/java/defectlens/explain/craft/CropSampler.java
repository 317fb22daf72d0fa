package defectlens.explain.craft;

import defectlens.image.ImageRaster;
import java.util.ArrayList;
import java.util.List;

/**
 * CRAFT's crops: square patches of {@code patch} pixels on a grid with stride
 * {@code round(strideFraction * patch)} (0.8 in Fel et al.), plus a last row and column flush with
 * the image edge so that every pixel is covered. An image smaller than the patch gives itself.
 */
public final class CropSampler {
    private final int patch;
    private final int stride;

    public CropSampler(int patch, double strideFraction) {
        if (patch < 1 || strideFraction <= 0) {
            throw new IllegalArgumentException("patch size and stride fraction must be positive");
        }
        this.patch = patch;
        this.stride = Math.max(1, (int) Math.round(strideFraction * patch));
    }

    public int patch() {
        return patch;
    }

    public int stride() {
        return stride;
    }

    /** Top-left corners along one axis of the given length. */
    List<Integer> offsets(int length) {
        List<Integer> out = new ArrayList<>();
        if (length <= patch) {
            out.add(0);
            return out;
        }
        for (int o = 0; o + patch <= length; o += stride) {
            out.add(o);
        }
        if (out.get(out.size() - 1) + patch < length) {
            out.add(length - patch);
        }
        return out;
    }

    /** The crops of one image, row by row. */
    public List<ImageRaster> crops(ImageRaster image) {
        List<ImageRaster> out = new ArrayList<>();
        int pw = Math.min(patch, image.width());
        int ph = Math.min(patch, image.height());
        for (int y : offsets(image.height())) {
            for (int x : offsets(image.width())) {
                out.add(crop(image, x, y, pw, ph));
            }
        }
        return out;
    }

    static ImageRaster crop(ImageRaster image, int x0, int y0, int w, int h) {
        int c = image.channels();
        short[] src = image.samples();
        short[] dst = new short[w * h * c];
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, ((y0 + y) * image.width() + x0) * c, dst, y * w * c, w * c);
        }
        return new ImageRaster(w, h, c, image.bitDepth(), dst);
    }
}
