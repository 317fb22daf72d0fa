package defectlens.mask.candidate;

import defectlens.core.DefectLensException;
import defectlens.explain.Heatmap;
import defectlens.explain.metrics.MaskAgreement;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.OpenCv;

/**
 * The {@code heatmap} generator: the selected explanation, brought to the image's size and normalised, thresholded
 * as the explanation metrics do (Algorithm 2: normalised value {@code >=} {@link MaskAgreement#DEFAULT_THRESHOLD}),
 * then either its largest connected component or every component of at least a given share of the image.
 */
public final class HeatmapCandidate implements CandidateGenerator {
    /** The name the user picks this generator by. */
    public static final String NAME = "heatmap";

    private final double threshold;
    private final boolean largestOnly;
    private final double minShare;

    /** The largest component above the metrics' threshold. */
    public HeatmapCandidate() {
        this(MaskAgreement.DEFAULT_THRESHOLD, true, 0);
    }

    /**
     * Components of the map at or above {@code threshold} (in [0, 1]): only the largest, or all covering at least
     * {@code minShare} of the image.
     */
    public HeatmapCandidate(double threshold, boolean largestOnly, double minShare) {
        if (!(threshold >= 0 && threshold <= 1) || !(minShare >= 0 && minShare < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1] and minShare in [0, 1): " + threshold
                    + ", " + minShare);
        }
        this.threshold = threshold;
        this.largestOnly = largestOnly;
        this.minShare = minShare;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BinaryMask generate(ImageRaster image, CandidateHints hints) {
        Heatmap heatmap = hints.heatmapHint().orElseThrow(() -> new DefectLensException(
                "the heatmap candidate needs an explanation's heatmap (explain the image first; the CLI needs --model)"));
        int w = image.width();
        int h = image.height();
        if (heatmap.isDegenerate()) {
            return GrayPlane.empty(w, h);
        }
        OpenCv.ensureLoaded();
        Heatmap fitted = heatmap.width() == w && heatmap.height() == h ? heatmap : heatmap.atSize(w, h);
        int minArea = (int) Math.max(1, Math.round(minShare * w * h));
        return new ComponentFilter(threshold, threshold, minArea, 1.0, largestOnly, 0, 0)
                .apply(fitted.normalized(), w, h);
    }
}
