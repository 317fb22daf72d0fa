package defectlens.model;

/**
 * Training on native-resolution crops for a sliding-window classifier: frames are read at {@code frame} pixels
 * (0 = the side of the data's first image; frames of another size are resized to it), and every epoch each image
 * gives one fresh {@code window}-pixel crop - around its defect mask for a defect class, anywhere for the background
 * class, and with probability {@code backgroundShare} a crop of a defect image clear of its defect, labelled as the
 * background class (so windows that miss a defect learn to say so). The trained bundle records
 * {@link SlidingWindow#of(int, int, int, String) windows} of {@code window} pixels every {@code stride} pixels.
 */
public record CropTraining(int window, int stride, int frame, double backgroundShare, String background) {
    /** The class a window without a defect belongs to (Carinthia class 6). */
    public static final String NO_DEFECT = "no_defect";

    public CropTraining {
        if (window < 32 || stride < 1 || stride > window || frame < 0 || (frame > 0 && frame < window)) {
            throw new IllegalArgumentException("crop training needs window >= 32, 1 <= stride <= window and a frame "
                    + "of 0 or at least the window: window " + window + ", stride " + stride + ", frame " + frame);
        }
        if (!(backgroundShare >= 0 && backgroundShare < 1)) {
            throw new IllegalArgumentException("background share must be in [0, 1): " + backgroundShare);
        }
    }

    /** Windows of {@code window} px every {@code stride} px, 20 % background crops of defect images. */
    public static CropTraining of(int window, int stride) {
        return new CropTraining(window, stride, 0, 0.2, NO_DEFECT);
    }

    /** The same settings for frames of {@code side} pixels. */
    public CropTraining withFrame(int side) {
        return new CropTraining(window, stride, side, backgroundShare, background);
    }
}
