package defectlens.explain;

import defectlens.image.ImageRaster;

/**
 * A test-time augmentation that suits SEM images: the identity, flips and rotations by multiples of
 * 90 degrees (counter-clockwise, as NumPy's {@code rot90}). Each one transforms an image and maps an
 * explanation of the transformed image back to the original frame.
 */
public enum Augmentation {
    IDENTITY, FLIP_HORIZONTAL, FLIP_VERTICAL, ROTATE_90, ROTATE_180, ROTATE_270;

    /** True when the transform swaps width and height. */
    public boolean swapsAxes() {
        return this == ROTATE_90 || this == ROTATE_270;
    }

    /**
     * For every pixel of the transformed {@code w x h} grid (row by row), the index of the original
     * pixel it comes from; the transformed grid is {@code h x w} for rotations by 90 and 270 degrees.
     */
    public int[] sourceIndex(int w, int h) {
        int tw = swapsAxes() ? h : w;
        int th = swapsAxes() ? w : h;
        int[] idx = new int[w * h];
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                idx[ty * tw + tx] = switch (this) {
                    case FLIP_HORIZONTAL -> ty * w + (w - 1 - tx);
                    case FLIP_VERTICAL -> (h - 1 - ty) * w + tx;
                    case ROTATE_90 -> tx * w + (w - 1 - ty);
                    case ROTATE_180 -> (h - 1 - ty) * w + (w - 1 - tx);
                    case ROTATE_270 -> (h - 1 - tx) * w + ty;
                    default -> ty * w + tx;
                };
            }
        }
        return idx;
    }

    /** The transformed image. */
    public ImageRaster apply(ImageRaster image) {
        int w = image.width();
        int h = image.height();
        int c = image.channels();
        int[] src = sourceIndex(w, h);
        short[] in = image.samples();
        short[] out = new short[in.length];
        for (int i = 0; i < src.length; i++) {
            System.arraycopy(in, src[i] * c, out, i * c, c);
        }
        return new ImageRaster(swapsAxes() ? h : w, swapsAxes() ? w : h, c, image.bitDepth(), out);
    }

    /**
     * A map made on the transformed image ({@code mapWidth x mapHeight}) brought back to the original
     * frame, whose size is {@code mapHeight x mapWidth} for 90/270-degree rotations.
     */
    public float[] invert(float[] map, int mapWidth, int mapHeight) {
        int w = swapsAxes() ? mapHeight : mapWidth;
        int h = swapsAxes() ? mapWidth : mapHeight;
        int[] src = sourceIndex(w, h);
        float[] out = new float[map.length];
        for (int i = 0; i < src.length; i++) {
            out[src[i]] = map[i];
        }
        return out;
    }
}
