package defectlens.mask;

/**
 * Where an image's mask stands: a candidate a generator proposed, accepted as proposed, accepted after the expert
 * edited it, or rejected. Accepted and edited masks go into the output data set.
 */
public enum MaskState {
    CANDIDATE, ACCEPTED, EDITED, REJECTED;

    /** True for the states whose mask is written to the output data set. */
    public boolean isValidated() {
        return this == ACCEPTED || this == EDITED;
    }

    /** The word shown in the window ("accepted"). */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
