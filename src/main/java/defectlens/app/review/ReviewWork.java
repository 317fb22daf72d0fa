package defectlens.app.review;

import defectlens.app.common.LoadedModel;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.model.SemClassifier;
import defectlens.review.DataFingerprint;
import defectlens.review.ModelFingerprint;
import defectlens.review.OpenReview;
import defectlens.review.PredictionRun;
import defectlens.review.PredictionTable;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewItems;
import defectlens.review.ReviewKind;
import defectlens.review.ReviewPredictions;
import defectlens.review.ReviewSetup;
import defectlens.review.novelty.ReviewNovelty;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.stacking.BsemlModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The slow steps of the review desk, run off the UI thread by {@link ReviewViewModel}: opening a review with its
 * data (read again unless the window has it open already) and its cached predictions checked against the data
 * and model as they are now, and classifying the items that have no prediction yet with the review's model (then
 * scoring the novelty of the wafer maps without a score when the model bundle has a novelty fit).
 */
final class ReviewWork {
    private ReviewWork() {
    }

    /**
     * Opens the review in {@code dir} from its folder alone when its cached predictions still hold (data file's
     * stamp and model weights unchanged): no data is read, so 811,457 wafer maps show their queue at once. The
     * data comes with it only when the window has it open already ({@code semOpen} / {@code waferOpen}); else
     * {@link #withData} reads it afterwards. Empty when the predictions must be checked against the data first.
     */
    static java.util.Optional<OpenedReview> openCached(Path dir, String reviewer, SemDataset semOpen,
            WaferDataset waferOpen, Clock clock) {
        ReviewFolder.checkReviewer(reviewer);
        return OpenReview.fromCache(dir).map(o -> {
            Path data = o.folder().dataPath();
            ReviewSession s = ReviewSession.open(o.folder(), o.table(), null, reviewer, clock);
            boolean sem = o.folder().definition().kind() == ReviewKind.SEM;
            return new OpenedReview(s, sem && semOpen != null && same(semOpen.root(), data) ? semOpen : null,
                    !sem && waferOpen != null && same(waferOpen.source(), data) ? waferOpen : null);
        });
    }

    /** The opened review with its data read (as the review's items are numbered: invalid wafer rows left out). */
    static OpenedReview withData(OpenedReview o, Progress progress) {
        Path data = o.session().folder().dataPath();
        if (o.session().folder().definition().kind() == ReviewKind.SEM) {
            return new OpenedReview(o.session(), DatasetOpener.open(data), null);
        }
        if (!Files.isRegularFile(data)) {
            throw new DefectLensException(data, "the review's wafer file is missing");
        }
        WaferDataset d = WaferPickleReader.read(data, progress, InvalidRows.SKIP);
        if (d.size() != o.session().table().size()) {
            throw new DefectLensException(data, "holds " + d.size() + " maps now, the review " + o.session().table()
                    .size() + ": open the review again to check its predictions");
        }
        return new OpenedReview(o.session(), null, d);
    }

    /**
     * Opens the review in {@code dir} for {@code reviewer}. {@code semOpen} / {@code waferOpen} are the data sets
     * the window shows (or null); they are used when they are the review's data, else the data is read.
     */
    static OpenedReview open(Path dir, String reviewer, SemDataset semOpen, WaferDataset waferOpen, Clock clock,
            Progress progress) {
        ReviewFolder.checkReviewer(reviewer);
        ReviewFolder f = ReviewFolder.open(dir);
        Path data = f.dataPath();
        String modelSha = ModelFingerprint.of(f.modelPath());
        if (f.definition().kind() == ReviewKind.SEM) {
            SemDataset d = semOpen != null && same(semOpen.root(), data) ? semOpen : DatasetOpener.open(data);
            ReviewPredictions p = ReviewPredictions.open(f, ReviewItems.of(d, f.definition().classes()), modelSha,
                    DataFingerprint.stamp(d), () -> DataFingerprint.of(d));
            return new OpenedReview(ReviewSession.open(f, p.table(), p.stale(), reviewer, clock), d, null);
        }
        if (!Files.isRegularFile(data)) {
            throw new DefectLensException(data, "the review's wafer file is missing");
        }
        WaferDataset d = waferOpen != null && same(waferOpen.source(), data) ? waferOpen
                : WaferPickleReader.read(data, progress, InvalidRows.SKIP);
        ReviewPredictions p = ReviewPredictions.open(f, ReviewSetup.items(d, f.definition().classes()), modelSha,
                DataFingerprint.stamp(data), () -> DataFingerprint.of(data));
        return new OpenedReview(ReviewSession.open(f, p.table(), p.stale(), reviewer, clock), null, d);
    }

    private static boolean same(Path a, Path b) {
        return a != null && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** Classifies the review's items without a prediction, saving every few seconds and at the end. */
    static PredictionRun.Result classifyMissing(OpenedReview o, PredictionRun.RowsDone rowsDone, Progress progress) {
        ReviewFolder f = o.session().folder();
        PredictionTable table = o.session().table();
        PredictionRun run = new PredictionRun(f::savePredictions, rowsDone);
        if (o.sem() != null) {
            try (LoadedModel model = LoadedModel.load(f.modelPath());
                    SemClassifier classifier = new SemClassifier(model.classifier())) {
                requireClasses(f, model.classifier().classes());
                PredictionRun.Result r = run.sem(classifier, o.sem(), table, progress);
                if (!r.cancelled() && ReviewNovelty.hasFit(f)) {
                    o.session().setNovelty(defectlens.review.novelty.SemNovelty.scoreReview(f, model.classifier(),
                            o.sem(), ReviewNovelty.requireFit(f), progress));
                }
                return r;
            }
        }
        if (BsemlModel.isBundle(f.modelPath())) {
            BsemlModel model = BsemlModel.load(f.modelPath());
            requireClasses(f, model.classes());
            return run.wafer(model, o.wafer(), table, progress); // one pass from the 59 features, no novelty fit
        }
        try (WaferModel model = WaferModelBundle.load(f.modelPath())) {
            requireClasses(f, model.classes());
            Boolean recorded = f.definition().averageOverSymmetries();
            PredictionRun.Result r = run.wafer(model, o.wafer(), recorded != null ? recorded
                    : model.averageOverSymmetries(), table, progress);
            if (!r.cancelled() && ReviewNovelty.hasFit(f)) {
                o.session().setNovelty(ReviewNovelty.scoreMissing(f, model, o.wafer(), ReviewNovelty.requireFit(f),
                        progress));
            }
            return r;
        }
    }

    private static void requireClasses(ReviewFolder f, java.util.List<String> classes) {
        if (!classes.equals(f.definition().classes())) {
            throw new DefectLensException(f.modelPath(), "the model's classes " + classes + " are not the review's "
                    + f.definition().classes());
        }
    }
}
