package defectlens.cli.review;

import defectlens.cli.ModelOpener;
import defectlens.cli.TerminalProgress;
import defectlens.cli.wafer.SymmetryAveragingOption;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.model.SemClassifier;
import defectlens.model.SplitClassifier;
import defectlens.review.DataFingerprint;
import defectlens.review.ModelFingerprint;
import defectlens.review.PredictionRun;
import defectlens.review.PredictionTable;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewKind;
import defectlens.review.ReviewPredictions;
import defectlens.review.ReviewSetup;
import defectlens.review.ReviewItems;
import defectlens.review.novelty.ReviewNovelty;
import defectlens.review.novelty.SemNovelty;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.stacking.BsemlModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The data and model of a review as the review commands open them: a SEM data set (folder or CSV) or a wafer
 * file (any other file), read the way the window reads them (wafer rows with an invalid map left out), and the
 * review's predictions checked against the data and model as they are now; classifying a wafer review also scores
 * the novelty of its maps when the model bundle has a novelty fit. A wafer review's model is a CNN bundle or a BSEML
 * bundle; both classify through {@link defectlens.wafer.WaferRowClassifier}.
 */
final class ReviewData {
    private ReviewData() {
    }

    /** True when {@code data} is a wafer file rather than a SEM data-set folder or CSV. */
    static boolean isWaferFile(Path data) {
        return Files.isRegularFile(data) && !data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    static SemDataset sem(Path data) {
        return DatasetOpener.open(data);
    }

    static WaferDataset wafer(Path data, Progress progress) {
        return WaferPickleReader.read(data, progress, InvalidRows.SKIP);
    }

    /**
     * The review's items with their ids and labels, for commands that need no fresh prediction (merge, export):
     * the cached table when there is one (no data file is read, which for 811,457 maps saves half a minute), else
     * the items as the data set is now.
     */
    static PredictionTable items(ReviewFolder f) {
        return f.predictions().orElseGet(() -> predictions(f, Progress.NONE).table());
    }

    /** The review's predictions, checked against its data and model as they are now (reads the data). */
    static ReviewPredictions predictions(ReviewFolder f, Progress progress) {
        Path data = f.dataPath();
        String modelSha = ModelFingerprint.current(f);
        if (f.definition().kind() == ReviewKind.SEM) {
            SemDataset d = sem(data);
            return ReviewPredictions.open(f, ReviewItems.of(d, f.definition().classes()), modelSha,
                    DataFingerprint.stamp(d), () -> DataFingerprint.of(d));
        }
        if (!Files.isRegularFile(data)) {
            throw new DefectLensException(data, "the review's wafer file is missing");
        }
        WaferDataset d = wafer(data, progress);
        return ReviewPredictions.open(f, ReviewSetup.items(d, f.definition().classes()), modelSha,
                DataFingerprint.stamp(data), () -> DataFingerprint.of(data));
    }

    /**
     * Classifies the items of the review that have no prediction yet, saving every few seconds and at the end;
     * Ctrl+C stops between batches and keeps what is done.
     */
    static Classified classify(ReviewFolder f, PredictionTable table, ModelOpener models,
            SymmetryAveragingOption averaging, TerminalProgress progress, PrintWriter err) {
        PredictionRun run = new PredictionRun(f::savePredictions, null);
        if (f.definition().kind() == ReviewKind.SEM) {
            SemDataset d = sem(f.dataPath());
            try (SplitClassifier model = models.open(f.modelPath()); SemClassifier classifier = new SemClassifier(model)) {
                requireClasses(f, model.classes());
                PredictionRun.Result r = run.sem(classifier, d, table, progress);
                ReviewNovelty novelty = null;
                if (!r.cancelled() && ReviewNovelty.hasFit(f)) {
                    err.println("scoring the novelty of the images (the model's novelty fit)");
                    novelty = SemNovelty.scoreReview(f, model, d, ReviewNovelty.requireFit(f), progress);
                }
                return new Classified(r, novelty);
            }
        }
        WaferDataset d = wafer(f.dataPath(), Progress.NONE);
        if (BsemlModel.isBundle(f.modelPath())) {
            BsemlModel model = BsemlModel.load(f.modelPath());
            requireClasses(f, model.classes());
            requireSinglePass(f.modelPath(), averaging);
            err.println("classifying " + (table.size() - table.doneCount()) + " maps with BSEML");
            return new Classified(run.wafer(model, d, table, progress), null);
        }
        try (WaferModel model = WaferModelBundle.load(f.modelPath())) {
            requireClasses(f, model.classes());
            Boolean recorded = f.definition().averageOverSymmetries();
            boolean asked = averaging.applyTo(model);
            if (recorded != null && recorded != asked && averaging.averageSymmetries() != null) {
                throw new DefectLensException(f.dir(), "the review's predictions are " + (recorded ? "" : "not ")
                        + "averaged over the 8 turns / flips (review.json); --average-symmetries " + asked
                        + " would mix two kinds of prediction in one review");
            }
            boolean average = recorded != null ? recorded : asked;
            err.println("classifying " + (table.size() - table.doneCount()) + " maps" + (average
                    ? " (averaged over 8 turns / flips)" : ""));
            PredictionRun.Result r = run.wafer(model, d, average, table, progress);
            ReviewNovelty novelty = null;
            if (!r.cancelled() && ReviewNovelty.hasFit(f)) {
                err.println("scoring the novelty of the maps (the model's novelty fit)");
                novelty = ReviewNovelty.scoreMissing(f, model, d, ReviewNovelty.requireFit(f), progress);
            }
            return new Classified(r, novelty);
        }
    }

    /** A BSEML bundle classifies each map once: asking it to average over turns / flips is refused. */
    static void requireSinglePass(Path modelDir, SymmetryAveragingOption averaging) {
        if (Boolean.TRUE.equals(averaging.averageSymmetries())) {
            throw new DefectLensException(modelDir, "--average-symmetries is for the CNN bundles; a BSEML bundle "
                    + "classifies each map once from its 59 features");
        }
    }

    /** What classifying a review did: the prediction run, and the novelty scores (null: the model has no fit). */
    record Classified(PredictionRun.Result run, ReviewNovelty novelty) {
    }

    private static void requireClasses(ReviewFolder f, java.util.List<String> classes) {
        if (!classes.equals(f.definition().classes())) {
            throw new DefectLensException(f.modelPath(), "the model's classes " + classes + " are not the review's "
                    + f.definition().classes());
        }
    }
}
