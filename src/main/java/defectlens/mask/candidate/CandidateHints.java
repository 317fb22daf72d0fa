package defectlens.mask.candidate;

import defectlens.explain.Heatmap;
import java.util.Optional;

/**
 * What a generator may use besides the image: the selected explanation's heatmap and a box the expert dragged
 * around the defect (either may be absent).
 */
public record CandidateHints(Heatmap heatmap, SeedBox box) {
    /** No hints: the image alone. */
    public static final CandidateHints NONE = new CandidateHints(null, null);

    public Optional<Heatmap> heatmapHint() {
        return Optional.ofNullable(heatmap);
    }

    public Optional<SeedBox> boxHint() {
        return Optional.ofNullable(box);
    }

    /** A box around the defect in image pixels: left, top, width, height. */
    public record SeedBox(int x, int y, int width, int height) {
        public SeedBox {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("a box needs a positive size: " + width + "x" + height);
            }
        }
    }
}
