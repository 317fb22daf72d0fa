package defectlens.cli.review;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.ModelOpener;
import defectlens.cli.TerminalProgress;
import defectlens.cli.wafer.SymmetryAveragingOption;
import defectlens.core.DefectLensException;
import defectlens.review.DataFingerprint;
import defectlens.review.ModelFingerprint;
import defectlens.review.embedding.EmbeddingCache;
import defectlens.review.embedding.EmbeddingLayer;
import defectlens.review.embedding.EmbeddingTable;
import defectlens.review.novelty.DriftReference;
import defectlens.review.novelty.NoveltyModel;
import defectlens.review.novelty.NoveltyRows;
import defectlens.review.novelty.NoveltyScore;
import defectlens.review.novelty.NoveltyStore;
import defectlens.review.novelty.WaferNovelty;
import defectlens.wafer.HeldOutMaps;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code review novelty --model M --data D}: how novel each wafer map is for the model (Mahalanobis, k-NN, energy,
 * softmax), with each score's AUROC where labels tell the model's classes from others. {@code --fit} first fits the
 * scorer on the model's training rows of D (the file it was trained on), chooses thresholds on its held-out rows and
 * keeps the fit in {@code <bundle>/novelty/}.
 */
@Command(name = "novelty", mixinStandardHelpOptions = true,
        description = "Novelty scores of wafer maps for a model (and AUROC where labels allow); --fit fits them first.")
final class ReviewNoveltyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "wafer model bundle")
    Path modelDir;
    @Option(names = "--data", required = true, paramLabel = "DATA",
            description = "WM-811K pickle, or SEM data-set folder or CSV")
    Path data;
    @Option(names = "--novel-data", paramLabel = "SEM_DATA", description = "SEM only: a data set of images of "
            + "another source (e.g. another generator or tool); all its images count as novel in the AUROC")
    Path novelData;
    @Option(names = "--fit", description = "Fit the scorer on the model's training rows of --data (the file it "
            + "was trained on) and choose thresholds on its held-out rows; kept in MODEL_DIR/novelty/.")
    boolean fit;
    @Option(names = "--heldout", description = "Score only the rows the model's training held out and the rows of "
            + "classes it does not know (always so with --fit).")
    boolean heldout;
    @Option(names = "--score", defaultValue = "energy", paramLabel = "NAME",
            description = "with --fit: the novelty score that flags maps: mahalanobis, knn, energy, msp (default "
                    + "${DEFAULT-VALUE}, the best on held-out WM-811K maps: docs/experiments/novelty.md)")
    String score;
    @Option(names = "--false-alarms", defaultValue = "0.05", paramLabel = "RATE",
            description = "share of held-out known maps flagged at the chosen threshold (default ${DEFAULT-VALUE})")
    double falseAlarms;
    @Option(names = "--k", defaultValue = "10", description = "k of the k-NN distance (default ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--novel-sample", paramLabel = "N", description = "with --fit or --heldout: a seeded random "
            + "sample of at most N maps of the classes the model does not know (default: all of them)")
    Integer novelSample;
    @Option(names = "--keep-reference", description = "with --heldout and the stored fit: keep the held-out scores "
            + "and the training class shares in the fit, for the drift view (review drift); --fit always keeps them")
    boolean keepReference;
    @Mixin
    SymmetryAveragingOption averaging;
    @Option(names = "--list", description = "List every scored map in the JSON document (item, label, scores).")
    boolean list;
    @Mixin
    JsonOption json;

    private final ModelOpener models;

    ReviewNoveltyCommand(ModelOpener models) {
        this.models = models;
    }

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter err = spec.commandLine().getErr();
        NoveltyScore chosen = NoveltyScore.of(score);
        if (!(falseAlarms > 0 && falseAlarms < 1) || k < 1) {
            throw new DefectLensException(modelDir, "--false-alarms must lie in (0, 1) and --k be at least 1");
        }
        if (!ReviewData.isWaferFile(data)) {
            Map<String, Object> doc = new SemNoveltyRun(this, models).run(err);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json.on() ? Json.write(doc) : text(doc));
            return 0;
        }
        if (novelData != null) {
            throw new DefectLensException(novelData, "--novel-data is for SEM models; for a wafer model the maps "
                    + "labelled with classes it does not know are the novel ones");
        }
        if (keepReference && (fit || !heldout)) {
            throw new DefectLensException(modelDir, "--keep-reference goes with --heldout (without --fit, which "
                    + "keeps the reference anyway)");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        try (WaferModel model = WaferModelBundle.load(modelDir);
                InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "review novelty", cancel)) {
            String modelSha = ModelFingerprint.of(modelDir);
            EmbeddingLayer layer = EmbeddingLayer.wafer(modelDir, model.averageOverSymmetries());
            if (averaging.averageSymmetries() != null) {
                layer = new EmbeddingLayer(layer.layer(), averaging.averageSymmetries());
            }
            NoveltyStore.Stored stored = fit ? null : NoveltyStore.load(modelDir, modelSha).orElseThrow(() ->
                    new DefectLensException(modelDir, "no novelty fit for these weights: run 'review novelty "
                            + "--fit --model " + modelDir + " --data <its training file>' first"));
            if (stored != null && averaging.averageSymmetries() == null) {
                layer = EmbeddingLayer.ofKey(stored.info().layer()); // the embedding the fit was made with
            }
            WaferDataset d = ReviewData.wafer(data, progress);
            String dataFp = DataFingerprint.of(data);
            Path cache = EmbeddingCache.userCacheDir(dataFp, modelSha);
            List<Integer> held = fit || heldout ? HeldOutMaps.rows(model, modelDir, d, data) : List.of();
            int[] rows = fit || heldout ? WaferNovelty.evaluationRows(d, model.classes(), held,
                    novelSample == null ? Integer.MAX_VALUE : novelSample, 0) : null;
            int[] training = fit ? WaferNovelty.trainingRows(d, model.classes(), held) : new int[0];
            int[] all = fit ? concat(training, rows) : rows;
            long t0 = System.nanoTime();
            EmbeddingTable table = WaferNovelty.embeddings(model, layer, d, all, cache, modelSha, dataFp, progress);
            double embedSeconds = (System.nanoTime() - t0) / 1e9;
            if (cancel.getAsBoolean()) {
                err.println("cancelled: the embeddings done so far are kept in " + cache + "; run again to go on");
                return 130;
            }
            NoveltyModel scorer;
            double[][] scores;
            Boolean[] truth;
            int[] scored = rows == null ? java.util.stream.IntStream.range(0, d.size()).toArray() : rows;
            if (fit) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("file", data.getFileName().toString());
                source.put("dataFingerprint", dataFp);
                WaferNovelty.Fit f = WaferNovelty.fit(table, d, training, rows, modelSha, layer, chosen, falseAlarms,
                        k, source);
                Path saved = NoveltyStore.save(modelDir, f.model(), f.info());
                doc.put("fit_saved", saved.toString());
                scorer = f.model();
                scores = f.scores();
                truth = f.truth();
            } else {
                if (!stored.info().layer().equals(layer.key())) {
                    throw new DefectLensException(modelDir, "the novelty fit is of embedding " + stored.info().layer()
                            + ", the bundle now embeds at " + layer.key() + ": fit again");
                }
                scorer = stored.model();
                chosen = stored.info().chosen();
                scores = scorer.scores(table.rows(scored));
                truth = NoveltyRows.truth(d, scored, model.classes());
                if (keepReference) {
                    int[] trainingRows = WaferNovelty.trainingRows(d, model.classes(), held);
                    int[] labels = java.util.Arrays.stream(trainingRows)
                            .map(i -> model.classes().indexOf(d.get(i).label())).toArray();
                    NoveltyStore.saveInfo(modelDir, stored.info().withReference(
                            DriftReference.of(scores, truth, labels, model.classes())));
                    doc.put("reference_saved", modelDir.resolve(NoveltyStore.FOLDER).toString());
                }
            }
            report(doc, i -> d.get(scored[i]).label(), "maps", scored, scores, truth, scorer, chosen, layer, embedSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.on() ? Json.write(doc) : text(doc));
        return 0;
    }

    /**
     * Fills the report: the items scored, each score's AUROC, the chosen threshold and what it flags;
     * {@code labelAt} gives the label of the i-th scored item.
     */
    void report(Map<String, Object> doc, java.util.function.IntFunction<String> labelAt, String noun, int[] scored,
            double[][] scores, Boolean[] truth, NoveltyModel scorer, NoveltyScore chosen, EmbeddingLayer layer,
            double embedSeconds) {
        doc.put("model", modelDir.toString());
        doc.put("data", data.toString());
        doc.put("embedding", layer.key());
        doc.put("dimension", scorer.dimension());
        doc.put("embed_seconds", Math.round(embedSeconds * 10) / 10.0);
        doc.put("unit", noun);
        doc.put(noun, scored.length);
        int known = 0;
        int novel = 0;
        for (Boolean t : truth) {
            known += Boolean.FALSE.equals(t) ? 1 : 0;
            novel += Boolean.TRUE.equals(t) ? 1 : 0;
        }
        doc.put("known_" + noun, known);
        doc.put("novel_" + noun, novel);
        Map<String, Object> auroc = new LinkedHashMap<>();
        defectlens.review.novelty.NoveltyCalibration.aurocs(scores, truth).forEach((s, v) -> auroc.put(s.cliName(), v.isNaN() ? null
                : Math.round(v * 10000) / 10000.0));
        doc.put("auroc", auroc);
        doc.put("chosen", chosen.cliName());
        Double threshold = scorer.thresholds().get(chosen);
        doc.put("threshold", threshold);
        if (threshold != null) {
            double[] s = scores[chosen.ordinal()];
            int flagged = 0;
            int flaggedNovel = 0;
            int flaggedKnown = 0;
            for (int i = 0; i < s.length; i++) {
                if (s[i] > threshold) {
                    flagged++;
                    flaggedNovel += Boolean.TRUE.equals(truth[i]) ? 1 : 0;
                    flaggedKnown += Boolean.FALSE.equals(truth[i]) ? 1 : 0;
                }
            }
            doc.put("flagged", flagged);
            doc.put("detected_novel", novel == 0 ? null : Math.round(1000.0 * flaggedNovel / novel) / 1000.0);
            doc.put("false_alarms", known == 0 ? null : Math.round(1000.0 * flaggedKnown / known) / 1000.0);
        }
        if (list) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < scored.length; i++) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("item", scored[i]);
                item.put("label", labelAt.apply(i));
                for (NoveltyScore s : NoveltyScore.values()) {
                    item.put(s.cliName(), (float) scores[s.ordinal()][i]);
                }
                items.add(item);
            }
            doc.put("items", items);
        }
    }

    private static String text(Map<String, Object> doc) {
        StringBuilder b = new StringBuilder();
        Object noun = doc.get("unit");
        b.append(String.format(Locale.ROOT, "%s %s (%s known, %s novel), embedding %s (%s values)%n",
                doc.get(noun), noun, doc.get("known_" + noun), doc.get("novel_" + noun), doc.get("embedding"),
                doc.get("dimension")));
        b.append("AUROC ").append(doc.get("auroc")).append(System.lineSeparator());
        b.append("chosen ").append(doc.get("chosen")).append(", threshold ").append(doc.get("threshold"))
                .append(": ").append(doc.get("flagged")).append(" flagged, novel detected ")
                .append(doc.get("detected_novel")).append(", false alarms ").append(doc.get("false_alarms"));
        if (doc.containsKey("fit_saved")) {
            b.append(System.lineSeparator()).append("fit saved in ").append(doc.get("fit_saved"));
        }
        return b.toString();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
