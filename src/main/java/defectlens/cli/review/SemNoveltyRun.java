package defectlens.cli.review;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.ModelOpener;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.dataset.SemDataset;
import defectlens.model.SplitClassifier;
import defectlens.review.DataFingerprint;
import defectlens.review.ModelFingerprint;
import defectlens.review.embedding.EmbeddingLayer;
import defectlens.review.embedding.EmbeddingTable;
import defectlens.review.embedding.SemSimilarity;
import defectlens.review.novelty.NoveltyCalibration;
import defectlens.review.novelty.NoveltyModel;
import defectlens.review.novelty.NoveltyScore;
import defectlens.review.novelty.NoveltyStore;
import defectlens.review.novelty.SemNovelty;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code review novelty} for a SEM classifier: with {@code --fit}, the scorer fitted on a seeded per-class split of
 * the labelled images of {@code --data} (its training data set) and the thresholds chosen on the held-out part,
 * kept in the bundle; without, every image of {@code --data} scored with the kept fit. Images of
 * {@code --novel-data} all count as novel in the AUROC (with the fit: beside the held-out images).
 */
final class SemNoveltyRun {
    private final ReviewNoveltyCommand c;
    private final ModelOpener models;

    SemNoveltyRun(ReviewNoveltyCommand command, ModelOpener models) {
        this.c = command;
        this.models = models;
    }

    /** Runs it and returns the report. */
    Map<String, Object> run(PrintWriter err) {
        if (c.heldout || c.keepReference || c.novelSample != null || c.averaging.averageSymmetries() != null) {
            throw new DefectLensException(c.data, "--heldout, --keep-reference, --novel-sample and "
                    + "--average-symmetries are for wafer models");
        }
        NoveltyScore chosen = NoveltyScore.of(c.score);
        Map<String, Object> doc = new LinkedHashMap<>();
        SemDataset d = ReviewData.sem(c.data);
        SemDataset other = c.novelData == null ? null : ReviewData.sem(c.novelData);
        try (SplitClassifier model = models.open(c.modelDir);
                InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "review novelty", cancel)) {
            String modelSha = ModelFingerprint.of(c.modelDir);
            EmbeddingLayer layer = EmbeddingLayer.sem(c.modelDir);
            NoveltyStore.Stored stored = c.fit ? null : NoveltyStore.load(c.modelDir, modelSha).orElseThrow(() ->
                    new DefectLensException(c.modelDir, "no novelty fit for these weights: run 'review novelty "
                            + "--fit --model " + c.modelDir + " --data <its training data set>' first"));
            long t0 = System.nanoTime();
            EmbeddingTable table = SemSimilarity.open(model, c.modelDir, d, progress).table();
            EmbeddingTable novel = other == null ? null : SemSimilarity.open(model, c.modelDir, other, progress)
                    .table();
            double embedSeconds = (System.nanoTime() - t0) / 1e9;
            if (!table.classes().equals(model.classes())) {
                throw new DefectLensException(c.modelDir, "the embeddings' classes do not match the model's");
            }
            NoveltyModel scorer;
            double[][] scores;
            Boolean[] truth;
            int[] scored;
            if (c.fit) {
                SemNovelty.Split split = SemNovelty.split(d, table, model.classes(), SemNovelty.HELD_OUT, 0);
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("data", d.name());
                source.put("dataFingerprint", DataFingerprint.of(d));
                source.put("heldOutShare", SemNovelty.HELD_OUT);
                if (other != null) {
                    source.put("novelData", other.name());
                    source.put("novelDataFingerprint", DataFingerprint.of(other));
                }
                NoveltyCalibration.Calibrated f = SemNovelty.fit(d, table, split, novel, modelSha, layer, chosen,
                        c.falseAlarms, c.k, source);
                doc.put("fit_saved", NoveltyStore.save(c.modelDir, f.model(), f.info()).toString());
                scorer = f.model();
                scores = f.scores();
                truth = f.truth();
                scored = split.heldOut();
            } else {
                scorer = stored.model();
                chosen = stored.info().chosen();
                scored = IntStream.range(0, table.size()).filter(table::isDone).toArray();
                SemNovelty.Evaluation e = SemNovelty.withNovel(table.rows(scored),
                        SemNovelty.truth(d, scored, model.classes()), novel);
                scores = scorer.scores(e.items());
                truth = e.truth();
            }
            int own = scored.length;
            // the images of --novel-data are numbered after the data set's, in order
            int[] items = IntStream.range(0, truth.length).map(i -> i < own ? scored[i] : d.size() + i - own)
                    .toArray();
            c.report(doc, i -> i < own ? d.samples().get(scored[i]).label() : "novel-data", "images",
                    items, scores, truth, scorer, chosen, layer, embedSeconds);
            if (novel != null) {
                doc.put("novel_data", c.novelData.toString());
            }
            doc.put("unreadable", d.size() - table.doneCount()
                    + (novel == null ? 0 : novel.size() - novel.doneCount()));
        }
        return doc;
    }
}
