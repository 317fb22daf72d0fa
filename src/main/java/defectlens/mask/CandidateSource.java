package defectlens.mask;

import defectlens.core.DefectLensException;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.mask.candidate.CandidateGenerator;
import defectlens.mask.candidate.CandidateHints;
import defectlens.mask.candidate.EmptyCandidate;

/**
 * Where the validation queue takes an image's candidate mask from: a {@link CandidateGenerator} run on the image,
 * or the mask the data set already lists for it ({@code existing mask}, which needs the sample, not only its
 * pixels). {@code G} in the queue moves to the next source.
 */
public interface CandidateSource {
    /** The name shown to the expert and written in the validation journal. */
    String name();

    /** The candidate mask of a sample whose pixels are {@code image}, of the image's size. */
    BinaryMask propose(SemSample sample, ImageRaster image);

    /**
     * The candidate given hints (the selected explanation's heatmap, a box); sources that use none ignore them.
     */
    default BinaryMask propose(SemSample sample, ImageRaster image, CandidateHints hints) {
        return propose(sample, image);
    }

    /** The name of {@link #existingMask()}. */
    String EXISTING_MASK = "existing mask";

    /** A generator: given the image alone, or with the hints the window has. */
    static CandidateSource of(CandidateGenerator g) {
        return new CandidateSource() {
            @Override
            public String name() {
                return g.name();
            }

            @Override
            public BinaryMask propose(SemSample sample, ImageRaster image) {
                return g.generate(image, CandidateHints.NONE);
            }

            @Override
            public BinaryMask propose(SemSample sample, ImageRaster image, CandidateHints hints) {
                return g.generate(image, hints);
            }
        };
    }

    /** The data set's own mask of the image (Carinthia-S {@code mask_path}); empty when it has none. */
    static CandidateSource existingMask() {
        return new CandidateSource() {
            @Override
            public String name() {
                return EXISTING_MASK;
            }

            @Override
            public BinaryMask propose(SemSample sample, ImageRaster image) {
                if (sample.mask() == null) {
                    return new EmptyCandidate().generate(image, CandidateHints.NONE);
                }
                BinaryMask m = BinaryMask.read(sample.mask());
                if (m.width() != image.width() || m.height() != image.height()) {
                    throw new DefectLensException(sample.mask(), "mask is " + m.width() + "x" + m.height()
                            + " but its image is " + image.width() + "x" + image.height());
                }
                return m;
            }
        };
    }

    /**
     * The sources that need no model and no prompt, in the order {@code G} cycles through them: the data set's own
     * mask, the line/space analysis ({@code lines}), GrabCut seeded by it ({@code grabcut}), then an empty mask.
     */
    static java.util.List<CandidateSource> basic() {
        return java.util.List.of(existingMask(), of(new defectlens.mask.candidate.LineSpaceCandidate()),
                of(new defectlens.mask.candidate.GrabCutCandidate()), of(new EmptyCandidate()));
    }
}
