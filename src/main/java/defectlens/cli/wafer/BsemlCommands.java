package defectlens.cli.wafer;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferEvaluation;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferMetrics;
import defectlens.wafer.WaferPredictionCsv;
import defectlens.wafer.WaferPredictionTally;
import defectlens.wafer.WaferTrainingJob;
import defectlens.wafer.WaferTrainingPlan;
import defectlens.wafer.stacking.BsemlModel;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code wafer evaluate} and {@code wafer classify} for a BSEML bundle ({@link BsemlModel}): the same maps, the same
 * held-out selection and the same CSV as for the CNN bundles; the symmetry and augmentation options of the CNN do
 * not apply.
 */
final class BsemlCommands {
    private static final int BATCH = 2048;

    private BsemlCommands() {
    }

    /** The rows the BSEML training held out of this file (the file's SHA-256 must match model.json). */
    static List<Integer> heldOut(BsemlModel model, Path modelDir, WaferDataset dataset, Path file) throws IOException {
        Map<String, Object> p = model.provenance();
        if (!(p.get("split") instanceof Map<?, ?> split) || !(split.get("testFraction") instanceof Number fraction)
                || !(split.get("testSeed") instanceof Number seed) || p.get("classSet") == null) {
            throw new DefectLensException(modelDir, "--heldout needs a model with a held-out split in model.json");
        }
        if (p.get("data") instanceof Map<?, ?> facts && facts.get("sha256") instanceof String expected
                && !expected.equals(WaferTrainingJob.fileFacts(file, dataset.size()).get("sha256"))) {
            throw new DefectLensException(file, "--heldout: not the file the model was trained on (SHA-256 differs from "
                    + facts.get("file") + " in model.json)");
        }
        return WaferTrainingPlan.heldOut(dataset, WaferClassSet.parse(p.get("classSet").toString()),
                fraction.doubleValue(), seed.longValue());
    }

    /** Metrics of the model on the labelled maps of its classes among {@code candidates}. */
    static WaferMetrics evaluate(BsemlModel model, WaferDataset dataset, List<Integer> candidates, PrintWriter err) {
        WaferEvaluation.Selection selection = WaferEvaluation.select(dataset, candidates, model.classes());
        err.println("evaluating " + selection.rows().size() + " maps with BSEML, skipped " + selection.skipped());
        err.flush();
        List<Integer> rows = selection.rows();
        int[] truth = new int[rows.size()];
        int[] predicted = new int[rows.size()];
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Integer> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            float[][] p = model.predict(maps(dataset, batch));
            for (int i = 0; i < batch.size(); i++) {
                truth[from + i] = model.classes().indexOf(dataset.get(batch.get(i)).label());
                predicted[from + i] = argMax(p[i]);
            }
        }
        return WaferMetrics.of(model.classes(), truth, predicted);
    }

    /** Writes every row's probabilities as CSV into {@code out} (stdout when null) and returns the tally. */
    static WaferPredictionTally classify(BsemlModel model, WaferDataset dataset, List<Integer> rows, Path out,
            boolean force, PrintWriter stdout) throws IOException {
        WaferPredictionTally tally = new WaferPredictionTally(model.classes());
        try (OutputFile.Pending pending = out == null ? null : OutputFile.begin(out, force)) {
            Writer sink = pending == null ? stdout : new OutputStreamWriter(pending.stream(), StandardCharsets.UTF_8);
            WaferPredictionCsv csv = new WaferPredictionCsv(sink, model.classes());
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<Integer> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                float[][] p = model.predict(maps(dataset, batch));
                tally.add(dataset, batch, p);
                csv.write(dataset, batch, p);
            }
            csv.close();
            if (pending != null) {
                pending.commit();
            }
        } catch (IOException e) {
            if (out == null) {
                throw e;
            }
            throw OutputFile.problem(out, e);
        }
        return tally;
    }

    static String summary(WaferMetrics m) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "n %d  accuracy (micro F1) %.4f  macro F1 %.4f",
                m.count(), m.accuracy(), m.macroF1()));
        for (int c = 0; c < m.classes().size(); c++) {
            s.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                    "  %-10s precision %.4f  recall %.4f  f1 %.4f  support %d", m.classes().get(c), m.precision(c),
                    m.recall(c), m.f1(c), m.support(c)));
        }
        return s.toString();
    }

    private static List<WaferMap> maps(WaferDataset dataset, List<Integer> rows) {
        List<WaferMap> maps = new ArrayList<>(rows.size());
        rows.forEach(r -> maps.add(dataset.get(r)));
        return maps;
    }

    private static int argMax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
