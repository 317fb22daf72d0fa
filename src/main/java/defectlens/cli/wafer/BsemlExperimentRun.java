package defectlens.cli.wafer;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferTrainingJob;
import defectlens.wafer.augment.AutoEncoderTraining;
import defectlens.wafer.stacking.BsemlExperiment;
import defectlens.wafer.stacking.TrainingCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code wafer experiment --method bseml}: the cases of the stacking-ensemble paper ({@link BsemlExperiment}), each
 * written to {@code case-N.json} as it finishes, so an interrupted run resumes at the first missing case.
 */
final class BsemlExperimentRun {
    /** The seed of the base models, folds and meta level. */
    static final long SEED = 21;

    private BsemlExperimentRun() {
    }

    static int run(Path data, Path out, long testSeed, List<Integer> cases, AutoEncoderTraining cae,
            CommandLine.Model.CommandSpec spec) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        for (int c : cases) {
            if (c < 1 || c > 4) {
                throw new DefectLensException("--cases must list cases 1, 2, 3 or 4, not " + c);
            }
        }
        WaferDataset dataset = WaferPickleReader.read(data);
        Map<String, Object> facts = WaferTrainingJob.fileFacts(data, dataset.size());
        Map<Integer, Map<String, Object>> docs;
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "wafer experiment bseml", cancel)) {
            docs = BsemlExperiment.run(dataset, facts, testSeed, SEED, out, cases, cae, progress::println, progress);
        }
        PrintWriter o = spec.commandLine().getOut();
        Map<String, Object> all = new LinkedHashMap<>();
        docs.forEach((c, doc) -> all.put("case-" + c, doc.get("models") instanceof Map<?, ?> ? summary(doc) : doc));
        o.println(Json.write(Map.of("cases", all)));
        for (int c : docs.keySet()) {
            o.println("case " + c + ": results in " + out.resolve("case-" + c + ".json") + ", BSEML bundle in "
                    + out.resolve(BsemlExperiment.bundleName(TrainingCase.of(c))));
        }
        o.flush();
        return 0;
    }

    private static Map<String, Object> summary(Map<String, Object> doc) {
        Map<String, Object> s = new LinkedHashMap<>();
        ((Map<?, ?>) doc.get("models")).forEach((name, m) -> {
            Map<?, ?> mm = (Map<?, ?>) m;
            s.put(name.toString(), Map.of("macroF1", mm.get("macroF1"), "microF1", mm.get("microF1")));
        });
        if (doc.get("augmentation") instanceof Map<?, ?> a) {
            s.put("augmentation", Map.of("kept", a.get("kept"), "rejected", a.get("rejected"), "target",
                    a.get("target")));
        }
        return s;
    }
}
