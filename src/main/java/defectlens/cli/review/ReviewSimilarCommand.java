package defectlens.cli.review;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.ModelOpener;
import defectlens.cli.TerminalProgress;
import defectlens.cli.wafer.SymmetryAveragingOption;
import defectlens.core.DefectLensException;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.model.SplitClassifier;
import defectlens.review.PredictionTable;
import defectlens.review.ReviewSetup;
import defectlens.review.embedding.EmbeddingTable;
import defectlens.review.embedding.Neighbour;
import defectlens.review.embedding.SemSimilarity;
import defectlens.review.embedding.SimilarItems;
import defectlens.review.embedding.WaferSimilarity;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPredictions;
import java.io.PrintWriter;
import java.nio.file.Files;
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
 * {@code review similar --model M --data D --item I}: the wafer maps of D most like map I in the model's embedding
 * space (cosine; exact up to 50k maps; above, the embeddings kept projected to 128 values by PCA and searched in an
 * HNSW graph), with their labels and the model's predictions; for a SEM data set (folder or CSV) and a SEM model,
 * the images most like image I (its id or file name; the pooled features at the explanation split, exact cosine).
 * The embeddings of D are computed once and cached beside the predictions.
 */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "More like this: the wafer maps (or SEM images) most like one item in the model's embedding "
                + "space.")
final class ReviewSimilarCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR",
            description = "wafer or SEM model bundle")
    Path modelDir;
    @Option(names = "--data", required = true, paramLabel = "DATA",
            description = "WM-811K pickle, or SEM data set (folder or CSV)")
    Path data;
    @Option(names = "--item", required = true, paramLabel = "ROW",
            description = "the item to match: a map's row in the file, as the window and the review show it; "
                    + "a SEM image's id or file name")
    String item;
    @Option(names = "--k", defaultValue = "10", description = "items to list (default ${DEFAULT-VALUE})")
    int k;
    @Mixin
    SymmetryAveragingOption averaging;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (k < 1) {
            throw new DefectLensException(data, "--k must be at least 1");
        }
        Map<String, Object> doc = ReviewData.isWaferFile(data) || !Files.exists(data) ? waferDoc(err) : semDoc(err);
        if (doc == null) {
            err.println("cancelled: the embeddings done so far are kept; run again to go on");
            return 130;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            out.println(Json.write(doc));
        } else {
            boolean sem = doc.containsKey("file");
            out.println((sem ? "images most like image " : "maps most like map ") + doc.get("item") + " ("
                    + doc.get("label") + "):");
            for (Object o : (List<?>) doc.get("similar")) {
                Map<?, ?> r = (Map<?, ?>) o;
                out.println(String.format(Locale.ROOT, "  %8s  cos %.3f  label %-10s predicted %s", r.get("item"),
                        (Float) r.get("similarity"), r.get("label"), r.get("predicted")));
            }
        }
        return 0;
    }

    /** The SEM images most like {@code --item}; null when cancelled. */
    private Map<String, Object> semDoc(PrintWriter err) {
        SemDataset d = ReviewData.sem(data);
        Map<String, Object> doc = new LinkedHashMap<>();
        try (SplitClassifier model = ModelOpener.BUNDLES.open(modelDir);
                InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "review similar", cancel)) {
            SemSimilarity similarity;
            try {
                similarity = SemSimilarity.open(model, modelDir, d, progress);
            } catch (java.util.concurrent.CancellationException e) {
                return null;
            }
            int index = similarity.indexOf(item);
            if (index < 0) {
                throw new DefectLensException(data, "--item " + item + " is no image of the data set (give its id "
                        + "or file name, e.g. " + d.samples().get(0).id() + ")");
            }
            if (!similarity.table().isDone(index)) {
                throw new DefectLensException(d.samples().get(index).image(), "the image cannot be read");
            }
            SemSample s = d.samples().get(index);
            doc.put("exact", true);
            doc.put("item", s.id());
            doc.put("file", s.fileName());
            doc.put("label", s.label());
            doc.put("unreadable", similarity.unreadable());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Neighbour n : similarity.nearest(index, k)) {
                SemSample o = d.samples().get(n.item());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("item", o.id());
                r.put("file", o.fileName());
                r.put("similarity", n.similarity());
                r.put("label", o.label());
                r.put("predicted", model.classes().get(
                        WaferPredictions.argMax(similarity.table().probabilities(n.item()))));
                rows.add(r);
            }
            doc.put("similar", rows);
        }
        return doc;
    }

    /** The wafer maps most like {@code --item}; null when cancelled. */
    private Map<String, Object> waferDoc(PrintWriter err) {
        if (!Files.isRegularFile(data)) {
            throw new DefectLensException(data, "no such wafer file or SEM data set");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        try (WaferModel model = WaferModelBundle.load(modelDir);
                InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "review similar", cancel)) {
            WaferDataset d = ReviewData.wafer(data, progress);
            PredictionTable items = ReviewSetup.items(d, model.classes());
            int index = rowIndex(d, items);
            long start = System.nanoTime();
            WaferSimilarity similarity;
            try {
                similarity = WaferSimilarity.open(model, modelDir, d, averaging.averageSymmetries(), progress);
            } catch (java.util.concurrent.CancellationException e) {
                return null;
            }
            doc.put("index_seconds", (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            List<Neighbour> found = similarity.nearest(index, k);
            doc.put("query_millis", (System.nanoTime() - start) / 1e6);
            EmbeddingTable table = similarity.table();
            SimilarItems.Search search = similarity.search();
            doc.put("exact", search.index().exact());
            doc.put("item", items.id(index));
            doc.put("label", d.get(index).label());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Neighbour n : found) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("item", items.id(n.item()));
                r.put("similarity", n.similarity());
                r.put("label", d.get(n.item()).label());
                r.put("predicted", model.classes().get(WaferPredictions.argMax(table.probabilities(n.item()))));
                rows.add(r);
            }
            doc.put("similar", rows);
        }
        return doc;
    }

    /** The position of the map whose file row is {@code --item}; an error naming the row when there is none. */
    private int rowIndex(WaferDataset d, PredictionTable items) {
        int at = items.indexOf(item.strip());
        if (at >= 0) {
            return at;
        }
        boolean invalid = d.invalidRows().stream().anyMatch(r -> Integer.toString(r.row()).equals(item.strip()));
        throw new DefectLensException(data, "--item " + item + (invalid ? " is an invalid row of the file, left out "
                + "while reading it" : " is not a row of the file (" + d.size() + " readable maps, rows "
                + items.id(0) + " to " + items.id(d.size() - 1) + ")"));
    }
}
