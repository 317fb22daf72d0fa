package defectlens.mask.candidate;

import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;

/** No defect at all: the right answer for a no-defect image and a clean start for drawing by hand. */
public final class EmptyCandidate implements CandidateGenerator {
    /** The generator's name. */
    public static final String NAME = "empty";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BinaryMask generate(ImageRaster image, CandidateHints hints) {
        return new BinaryMask(image.width(), image.height(), new boolean[image.width() * image.height()]);
    }
}
