package defectlens.explain.metrics;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.core.DefectLensException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation table in the layout of the seed study's results table (method, then
 * "mean +- sd" of Accuracy, Precision, Recall, Dice, IoU), extended by the pointing game and the
 * deletion/insertion areas; as Markdown for reading and CSV for spreadsheets and pandas.
 */
public final class EvaluationReport {
    private static final String[] COLUMNS = {"method", "images", "degenerate", "accuracy_mean", "accuracy_sd",
        "precision_mean", "precision_sd", "recall_mean", "recall_sd", "dice_mean", "dice_sd", "iou_mean", "iou_sd",
        "pointing_game", "deletion_auc_mean", "deletion_auc_sd", "insertion_auc_mean", "insertion_auc_sd", "relevance_mass_mean",
        "relevance_mass_sd", "relevance_rank_mean", "relevance_rank_sd", "top_k_mean", "top_k_sd", "auc_mean", "auc_sd"};

    private EvaluationReport() {
    }

    /** The Markdown table with a one-line caption. */
    public static String markdown(List<ExplanationEvaluator.MethodResult> results, double threshold) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Heatmaps thresholded at %.2f of their normalised range; "
                + "mean +- standard deviation over images with a non-empty mask.%n%n", threshold));
        s.append("| Method | Accuracy | Precision | Recall | Dice | IoU | Pointing game | Deletion AUC | Insertion AUC | Images |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ExplanationEvaluator.MethodResult r : results) {
            s.append("| ").append(r.method()).append(" | ").append(pm(r.accuracy())).append(" | ").append(pm(r.precision()))
                    .append(" | ").append(pm(r.recall())).append(" | ").append(pm(r.dice())).append(" | ").append(pm(r.iou()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", r.pointingGame())).append(" | ")
                    .append(pm(r.deletionAuc())).append(" | ").append(pm(r.insertionAuc())).append(" | ").append(r.images())
                    .append(r.degenerate() > 0 ? " (" + r.degenerate() + " degenerate)" : "").append(" |\n");
        }
        return s.toString();
    }

    /** Quantus's localisation metrics, one row per method. */
    public static String localisationMarkdown(List<ExplanationEvaluator.MethodResult> results) {
        StringBuilder s = new StringBuilder("Localisation (Quantus): relevance mass accuracy, relevance rank accuracy, "
                + "top-k intersection, ROC AUC of the map against the mask.\n\n"
                + "| Method | Relevance mass | Relevance rank | Top-k intersection | AUC |\n|---|---|---|---|---|\n");
        for (ExplanationEvaluator.MethodResult r : results) {
            s.append("| ").append(r.method()).append(" | ").append(pm(r.relevanceMass())).append(" | ")
                    .append(pm(r.relevanceRank())).append(" | ").append(pm(r.topK())).append(" | ").append(pm(r.auc()))
                    .append(" |\n");
        }
        return s.toString();
    }

    /** The whole report: the seed study's table, the localisation table and the method correlations. */
    public static String markdown(ExplanationEvaluator.Evaluation e, double threshold) {
        return markdown(e.methods(), threshold) + "\n" + localisationMarkdown(e.methods()) + "\n"
                + e.correlations().markdown();
    }

    /** Writes the whole report ({@link #markdown(ExplanationEvaluator.Evaluation, double)}) and the CSV. */
    public static void write(Path folder, ExplanationEvaluator.Evaluation e, double threshold) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("explain-evaluation.md"), "# Explanations against expert masks\n\n"
                    + markdown(e, threshold));
            Files.writeString(folder.resolve("explain-evaluation.csv"), csv(e.methods()));
        } catch (IOException x) {
            throw new DefectLensException(folder, "cannot write the evaluation report: " + x.getMessage(), x);
        }
    }

    private static String pm(MetricSummary m) {
        return m.n() == 0 ? "-" : String.format(Locale.ROOT, "%.3f +- %.3f", m.mean(), m.sd());
    }

    /** The CSV table, one row per method. */
    public static String csv(List<ExplanationEvaluator.MethodResult> results) {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        for (String c : COLUMNS) {
            b.addColumn(c);
        }
        StringWriter out = new StringWriter();
        try (SequenceWriter w = new CsvMapper().writer(b.build()).writeValues(out)) {
            for (ExplanationEvaluator.MethodResult r : results) {
                w.write(new Object[] {r.method(), r.images(), r.degenerate(), r.accuracy().mean(), r.accuracy().sd(),
                    r.precision().mean(), r.precision().sd(), r.recall().mean(), r.recall().sd(), r.dice().mean(),
                    r.dice().sd(), r.iou().mean(), r.iou().sd(), r.pointingGame(), r.deletionAuc().mean(),
                    r.deletionAuc().sd(), r.insertionAuc().mean(), r.insertionAuc().sd(), r.relevanceMass().mean(),
                    r.relevanceMass().sd(), r.relevanceRank().mean(), r.relevanceRank().sd(), r.topK().mean(),
                    r.topK().sd(), r.auc().mean(), r.auc().sd()});
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
        return out.toString();
    }

    /** Writes {@code explain-evaluation.md} and {@code explain-evaluation.csv} into {@code folder}. */
    public static void write(Path folder, List<ExplanationEvaluator.MethodResult> results, double threshold) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("explain-evaluation.md"), "# Explanations against expert masks\n\n"
                    + markdown(results, threshold));
            Files.writeString(folder.resolve("explain-evaluation.csv"), csv(results));
        } catch (IOException e) {
            throw new DefectLensException(folder, "cannot write the evaluation report: " + e.getMessage(), e);
        }
    }
}
