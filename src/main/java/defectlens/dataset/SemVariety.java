package defectlens.dataset;

import defectlens.core.DefectLensException;
import java.util.Locale;

/**
 * How varied generated SEM frames are. {@link #STANDARD} is the look of every earlier {@code sem generate} run
 * (same seed, same bytes); {@link #WIDE} draws geometry, appearance and defect sizes from much wider ranges
 * ({@link SynthesisRanges#wide()}) and adds charging gradients and partial frames, so that a model trained on it
 * must learn line/space defects rather than one generator's look.
 */
public enum SemVariety {
    /** The original ranges. */
    STANDARD(SynthesisRanges.standard()),
    /** Wider ranges of everything, for training models that generalise. */
    WIDE(SynthesisRanges.wide());

    private final SynthesisRanges ranges;

    SemVariety(SynthesisRanges ranges) {
        this.ranges = ranges;
    }

    SynthesisRanges ranges() {
        return ranges;
    }

    /** The lower-case name used on the command line ({@code standard}, {@code wide}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The variety named {@code key} (case-insensitive). */
    public static SemVariety parse(String key) {
        for (SemVariety v : values()) {
            if (v.key().equalsIgnoreCase(key.trim())) {
                return v;
            }
        }
        throw new DefectLensException("unknown variety '" + key + "': standard or wide");
    }
}
