package defectlens.cli.spark;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.review.ModelFingerprint;
import defectlens.review.embedding.EmbeddingLayer;
import defectlens.review.embedding.EmbeddingRun;
import defectlens.review.embedding.WaferEmbedder;
import defectlens.review.novelty.NoveltyScore;
import defectlens.review.novelty.NoveltyStore;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferRowClassifier;
import defectlens.wafer.stacking.BsemlModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A wafer model bundle as the scoring job uses it, on the driver (to check the options and learn the classes)
 * and on each executor: a CNN bundle or a BSEML stacking bundle classified through {@link WaferRowClassifier},
 * the desktop's {@code wafer classify} path, and the bundle's novelty fit for its weights when it has one.
 */
final class WaferScoringBundle {
    private final WaferModel cnn;
    private final BsemlModel bseml;
    private final NoveltyStore.Stored fit;

    private WaferScoringBundle(WaferModel cnn, BsemlModel bseml, NoveltyStore.Stored fit) {
        this.cnn = cnn;
        this.bseml = bseml;
        this.fit = fit;
    }

    /** Loads the bundle folder with the desktop's loaders. */
    static WaferScoringBundle load(Path dir) {
        if (BsemlModel.isBundle(dir)) {
            return new WaferScoringBundle(null, BsemlModel.load(dir), null);
        }
        WaferModel model = WaferModelBundle.load(dir);
        Optional<NoveltyStore.Stored> fit = NoveltyStore.load(dir, ModelFingerprint.of(dir));
        return new WaferScoringBundle(model, null, fit.orElse(null));
    }

    List<String> classes() {
        return cnn != null ? cnn.classes() : bseml.classes();
    }

    /** The bundle's own averaging setting (model.json); false for BSEML, which has none. */
    boolean bundleAverages() {
        return cnn != null && cnn.averageOverSymmetries();
    }

    /** The classifier, averaging over the 8 turns / flips or not (a CNN setting; BSEML ignores it). */
    WaferRowClassifier classifier(boolean average) {
        return cnn != null ? WaferRowClassifier.cnn(cnn, average) : bseml;
    }

    /** An error naming {@code dir} when novelty scores are asked for and the bundle has no fit for its weights. */
    void requireNoveltyFit(Path dir) {
        if (fit == null) {
            throw new DefectLensException(dir, cnn == null ? "--novelty needs a CNN bundle (BSEML bundles have no "
                    + "novelty fit)" : "the bundle has no novelty fit for its weights: run 'review novelty --fit "
                    + "--model " + dir + " --data <its training file>' first");
        }
    }

    /** The score the fit chose, e.g. mahalanobis. */
    NoveltyScore noveltyScore() {
        return fit.info().chosen();
    }

    /** Above it a map is flagged as novel (the fit's held-out threshold for its chosen score). */
    double noveltyThreshold() {
        Double t = fit.model().thresholds().get(noveltyScore());
        return t == null ? Double.NaN : t;
    }

    /** The fit's chosen novelty score of every map of {@code data}, embedded as the fit was made. */
    float[] novelty(WaferDataset data) {
        EmbeddingLayer layer = EmbeddingLayer.ofKey(fit.info().layer());
        WaferEmbedder embedder = new WaferEmbedder(cnn, layer.averageOverSymmetries());
        float[] scores = new float[data.size()];
        int chosen = noveltyScore().ordinal();
        EmbeddingRun.batches(embedder, data, null, i -> false, (rows, e) -> {
            double[] s = fit.model().scores(e)[chosen];
            for (int k = 0; k < rows.length; k++) {
                scores[rows[k]] = (float) s[k];
            }
        }, () -> { }, Progress.NONE);
        return scores;
    }
}
