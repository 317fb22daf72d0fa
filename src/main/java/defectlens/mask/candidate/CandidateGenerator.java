package defectlens.mask.candidate;

import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;

/**
 * A named way to propose a defect mask for an image, which the expert then accepts, edits or rejects
 * ({@code G} in the validation queue moves to the next generator). Implementations run off the FX thread and
 * return a mask of the image's size (empty when they find nothing).
 */
public interface CandidateGenerator {
    /** The name shown to the expert and written in the validation journal, e.g. {@code existing mask}. */
    String name();

    /** A candidate mask for {@code sample}, whose pixels are {@code image}. */
    BinaryMask propose(SemSample sample, ImageRaster image);
}
