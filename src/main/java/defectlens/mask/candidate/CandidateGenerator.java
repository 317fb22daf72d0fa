package defectlens.mask.candidate;

import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;

/**
 * Proposes a defect mask for one image, for an expert to accept, correct or reject. A generator has a short name
 * the user picks it by ({@code lines}, {@code heatmap}, {@code grabcut}, {@code sam2}) and may use the hints it
 * is given (an explanation's heatmap, a box around the defect); one that needs a hint it lacks says so with a
 * {@link defectlens.core.DefectLensException}. The mask has the image's size; an empty mask means "no defect".
 */
public interface CandidateGenerator {
    /** The name the user picks the generator by. */
    String name();

    /** The candidate mask of {@code image}, of the image's size. */
    BinaryMask generate(ImageRaster image, CandidateHints hints);
}
