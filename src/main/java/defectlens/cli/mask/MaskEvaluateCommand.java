package defectlens.cli.mask;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.SkippedImages;
import defectlens.cli.TerminalProgress;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.explain.metrics.MetricSummary;
import defectlens.mask.CandidateEvaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mask evaluate}: IoU, Dice, precision and recall of candidate masks against a data set's masks, per class,
 * overall and over the defect classes ({@link CandidateEvaluation}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measures candidate masks (from mask suggest, or a folder of ID.png) against a data set's masks.")
public final class MaskEvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--masks", required = true,
            description = "Candidates: a folder made by mask suggest, or of ID.png.")
    Path masks;

    @Option(names = "--data", required = true, description = "Data set with the masks to compare with.")
    Path data;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        CandidateEvaluation evaluation = new CandidateEvaluation(masks);
        SemDataset truth = DatasetOpener.open(data);
        PrintWriter err = spec.commandLine().getErr();
        SkippedImages skipped = new SkippedImages(err);
        CandidateEvaluation.Report report;
        try (TerminalProgress progress = new TerminalProgress(err, "mask evaluate")) {
            skipped.below(progress);
            report = evaluation.evaluate(truth, progress, skipped::add);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json.on()) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("masks", masks.toAbsolutePath().normalize().toString());
            root.put("data", data.toAbsolutePath().normalize().toString());
            root.put("images", report.images());
            Map<String, Object> classes = new LinkedHashMap<>();
            report.classes().forEach((c, s) -> classes.put(c, json(s)));
            root.put("classes", classes);
            root.put("overall", json(report.overall()));
            root.put("defect_classes", report.defectClasses());
            root.put("skipped", skipped.json());
            stdout.println(Json.write(root));
        } else {
            stdout.println("| class | images | IoU | Dice | precision | recall |");
            stdout.println("|---|---:|---:|---:|---:|---:|");
            report.classes().forEach((c, s) -> stdout.println(row(c, s)));
            stdout.println(row("all", report.overall()));
            Map<String, Double> d = report.defectClasses();
            stdout.printf(Locale.ROOT, "| defect classes (mean of class means) | | %.3f | %.3f | %.3f | %.3f |%n",
                    d.get("iou"), d.get("dice"), d.get("precision"), d.get("recall"));
        }
        stdout.flush();
        return 0;
    }

    private static Map<String, Object> json(CandidateEvaluation.Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", s.images());
        s.metrics().forEach((k, v) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("mean", v.mean());
            one.put("sd", v.sd());
            m.put(k, one);
        });
        return m;
    }

    private static String row(String name, CandidateEvaluation.Summary s) {
        StringBuilder b = new StringBuilder("| " + name + " | " + s.images() + " |");
        for (String k : CandidateEvaluation.METRICS) {
            MetricSummary m = s.metrics().get(k);
            b.append(String.format(Locale.ROOT, " %.3f +- %.3f |", m.mean(), m.sd()));
        }
        return b.toString();
    }
}
