package defectlens.mask.candidate;

import java.util.List;

/** The candidate generators the validation queue cycles through with {@code G}, in that order. */
public final class CandidateGenerators {
    private CandidateGenerators() {
    }

    /** The generators that need no model and no prompt: the data set's own mask, then an empty mask. */
    public static List<CandidateGenerator> basic() {
        return List.of(new ExistingMaskCandidate(), new EmptyCandidate());
    }
}
