package defectlens.cli.wafer;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.core.ShippedFiles;
import defectlens.wafer.HeldOutMaps;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferDefaultModels;
import defectlens.wafer.WaferEvaluation;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPredictionCsv;
import defectlens.wafer.WaferPredictionTally;
import defectlens.wafer.WaferPredictions;
import defectlens.wafer.stacking.BsemlModel;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code defectlens wafer classify}: the class probabilities a wafer model bundle gives every map of a pickle
 * (or the maps its training held out), as CSV written batch by batch - into {@code --out} or on stdout - or as
 * one JSON document with the top classes per map. Progress on stderr; Ctrl-C stops after the current batch and
 * keeps the rows written so far (exit code 130).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify every map of a WM-811K pickle with a wafer model bundle (CSV or JSON).")
public final class WaferClassifyCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "MODEL_DIR",
            description = "wafer model bundle folder (default: the shipped fast student models/wafer-student-paper7, "
                    + "else models/wafer-proposed-paper7; name models/wafer-proposed-paper7 for the accurate ensemble)")
    Path modelDir;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "WM-811K pickle")
    Path data;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "write the CSV here (one row per map, flushed per batch) and print a summary on stdout; "
                    + "without it the CSV goes to stdout and the summary to stderr")
    Path out;

    @Option(names = "--force", description = "Replace the --out file if it exists.")
    boolean force;

    @Mixin
    JsonOption json;

    @Option(names = "--top", defaultValue = "3", description = "classes per map in the JSON document (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--heldout", description = "Only the test maps the model's training held out of this file.")
    boolean heldout;

    @CommandLine.Mixin
    SymmetryAveragingOption averaging;

    @CommandLine.Mixin
    InvalidRowsOption invalidRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new DefectLensException(data, "--top must be at least 1");
        }
        if (out != null) {
            OutputFile.checkTarget(out, force);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        boolean byDefault = modelDir == null;
        if (byDefault) {
            modelDir = ShippedFiles.find(WaferDefaultModels.FOLDER)
                    .flatMap(m -> WaferDefaultModels.forWholeFiles(m, WaferClassSet.PAPER7))
                    .orElseThrow(() -> new DefectLensException(Path.of(WaferDefaultModels.FOLDER),
                            "no shipped wafer model found (wafer-student-paper7 or wafer-proposed-paper7): "
                                    + "give --model"));
            err.println("model: " + modelDir + " (the default for whole files; --model "
                    + WaferDefaultModels.ensemble(modelDir.getParent(), WaferClassSet.PAPER7)
                    + " for the accurate ensemble)");
        }
        if (BsemlModel.isBundle(modelDir)) {
            return classifyBseml(err, stdout);
        }
        try (WaferModel model = WaferModelBundle.load(modelDir)) {
            boolean average = averaging.applyTo(model);
            WaferDataset dataset = invalidRows.read(data, err);
            List<Integer> rows = heldout ? HeldOutMaps.rows(model, modelDir, dataset, data) : WaferEvaluation.allRows(dataset);
            err.println(String.format(Locale.ROOT, "classifying %d maps of %s with %s%s", rows.size(), data, modelDir,
                    average ? " (averaged over 8 turns / flips)" : ""));
            err.flush();
            WaferPredictionTally tally = new WaferPredictionTally(model.classes());
            List<Map<String, Object>> listed = new ArrayList<>();
            boolean csvOnStdout = out == null && !json.on();
            try (InterruptCancellation cancel = new InterruptCancellation();
                    TerminalProgress progress = new TerminalProgress(err, "wafer classify", cancel);
                    OutputFile.Pending pending = out == null ? null : OutputFile.begin(out, force)) {
                Writer file = pending == null ? null : new OutputStreamWriter(pending.stream(), StandardCharsets.UTF_8);
                Writer csvSink = file != null ? file : csvOnStdout ? stdout : null;
                WaferPredictionCsv csv = csvSink == null ? null : new WaferPredictionCsv(csvSink, model.classes());
                WaferPredictions.classifyRows(model, dataset, rows, average, (batch, p) -> {
                    tally.add(dataset, batch, p);
                    if (csv != null) {
                        csv.write(dataset, batch, p);
                    } else {
                        listTop(dataset, batch, p, model.classes(), listed);
                    }
                }, progress);
                progress.close(); // the summary below starts on a line of its own
                if (csv != null) {
                    csv.close();
                }
                if (pending != null) {
                    pending.commit();
                }
                boolean cancelled = tally.classified() < rows.size();
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("model", modelDir.toString());
                summary.put("default_model", byDefault);
                summary.put("data", data.toString());
                summary.put("classes", model.classes());
                summary.put("average_over_symmetries", average);
                summary.put("maps", rows.size());
                summary.put("cancelled", cancelled);
                summary.putAll(tally.toJson());
                invalidRows.addTo(summary, dataset);
                if (out != null) {
                    summary.put("csv", out.toString());
                }
                if (json.on() && out == null) {
                    summary.put("predictions", listed);
                }
                PrintWriter report = csvOnStdout ? err : stdout;
                if (json.on()) {
                    report.println(Json.write(summary));
                } else {
                    report.println(text(summary, tally));
                }
                if (cancelled) {
                    err.println(String.format(Locale.ROOT, "cancelled: %d of %d maps classified%s", tally.classified(),
                            rows.size(), out != null ? ", their rows are in " + out : ""));
                }
                report.flush();
                err.flush();
                return cancelled ? 130 : 0;
            } catch (IOException e) {
                if (out == null) {
                    throw e;
                }
                throw OutputFile.problem(out, e);
            }
        }
    }

    /** CSV of a BSEML bundle's probabilities (the --json top list is the CNN's only). */
    private int classifyBseml(PrintWriter err, PrintWriter stdout) throws IOException {
        if (json.on() && out == null) {
            throw new DefectLensException(modelDir, "a BSEML bundle writes CSV: give --out (with --json for the summary)");
        }
        BsemlModel model = BsemlModel.load(modelDir);
        WaferDataset dataset = invalidRows.read(data, err);
        List<Integer> rows = heldout ? BsemlCommands.heldOut(model, modelDir, dataset, data)
                : WaferEvaluation.allRows(dataset);
        err.println(String.format(Locale.ROOT, "classifying %d maps of %s with %s (BSEML)", rows.size(), data, modelDir));
        err.flush();
        WaferPredictionTally tally = BsemlCommands.classify(model, dataset, rows, out, force, stdout);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", modelDir.toString());
        summary.put("data", data.toString());
        summary.put("classes", model.classes());
        summary.put("maps", rows.size());
        summary.putAll(tally.toJson());
        if (out != null) {
            summary.put("csv", out.toString());
        }
        PrintWriter report = out == null ? err : stdout;
        report.println(json.on() ? Json.write(summary) : text(summary, tally));
        report.flush();
        return 0;
    }

    private void listTop(WaferDataset dataset, List<Integer> batch, float[][] p, List<String> classes,
            List<Map<String, Object>> listed) {
        for (int i = 0; i < batch.size(); i++) {
            float[] pi = p[i];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", batch.get(i));
            String label = dataset.get(batch.get(i)).label();
            if (label != null) {
                row.put("label", label);
            }
            List<Map<String, Object>> best = new ArrayList<>();
            IntStream.range(0, pi.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer c) -> -pi[c]))
                    .limit(top)
                    .forEach(c -> best.add(Map.of("class", classes.get(c), "probability", pi[c])));
            row.put("top", best);
            listed.add(row);
        }
    }

    private static String text(Map<String, Object> summary, WaferPredictionTally tally) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "classified %d of %d maps%s", tally.classified(), (Integer) summary.get("maps"),
                Boolean.TRUE.equals(summary.get("average_over_symmetries")) ? " (averaged over 8 turns / flips)" : ""));
        if (tally.scored() > 0) {
            s.append(String.format(Locale.ROOT, "; labelled maps of the model's classes: %d, accuracy %.4f",
                    tally.scored(), tally.accuracy()));
        }
        s.append(System.lineSeparator()).append("predicted: ").append(tally.toJson().get("predicted"));
        if (summary.get("csv") != null) {
            s.append(System.lineSeparator()).append("written: ").append(summary.get("csv"));
        }
        return s.toString();
    }
}
