package defectlens.mask.candidate;

import defectlens.core.DefectLensException;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;

/** The mask the data set already has for the image (Carinthia-S {@code mask_path}); empty when it has none. */
public final class ExistingMaskCandidate implements CandidateGenerator {
    /** The generator's name. */
    public static final String NAME = "existing mask";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BinaryMask propose(SemSample sample, ImageRaster image) {
        if (sample.mask() == null) {
            return EmptyCandidate.empty(image);
        }
        BinaryMask m = BinaryMask.read(sample.mask());
        if (m.width() != image.width() || m.height() != image.height()) {
            throw new DefectLensException(sample.mask(), "mask is " + m.width() + "x" + m.height()
                    + " but its image is " + image.width() + "x" + image.height());
        }
        return m;
    }
}
