package defectlens.dataset;

/**
 * One generated SEM image with its defect mask: 8-bit grey levels and a binary mask (255 defect,
 * 0 background), both row-major {@code width x height}.
 */
public record SyntheticSemImage(CarinthiaClass type, int width, int height, byte[] image, byte[] mask) {

    /** The number of defect pixels in the mask. */
    public int defectPixels() {
        int n = 0;
        for (byte b : mask) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }
}
