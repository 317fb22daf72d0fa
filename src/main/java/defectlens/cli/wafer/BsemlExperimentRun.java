package defectlens.cli.wafer;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.TerminalProgress;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferTrainingJob;
import defectlens.wafer.stacking.BsemlExperiment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** {@code wafer experiment --method bseml}: case 1 of the stacking-ensemble paper ({@link BsemlExperiment}). */
final class BsemlExperimentRun {
    /** The seed of the base models, folds and meta level. */
    static final long SEED = 21;

    private BsemlExperimentRun() {
    }

    static int run(Path data, Path out, long testSeed, CommandLine.Model.CommandSpec spec) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        WaferDataset dataset = WaferPickleReader.read(data);
        Map<String, Object> facts = WaferTrainingJob.fileFacts(data, dataset.size());
        Map<String, Object> doc;
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "wafer experiment bseml", cancel)) {
            doc = BsemlExperiment.run(dataset, facts, testSeed, SEED, out, progress::println, progress);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(Json.write(doc.get("models") instanceof Map<?, ?> ? Map.of("models", summary(doc)) : doc));
        o.println("results in " + out.resolve("case-1.json") + ", BSEML bundle in " + out.resolve("wafer-bseml-all9"));
        o.flush();
        return 0;
    }

    private static Map<String, Object> summary(Map<String, Object> doc) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) doc.get("models")).forEach((name, m) -> {
            Map<?, ?> mm = (Map<?, ?>) m;
            s.put(name.toString(), Map.of("macroF1", mm.get("macroF1"), "microF1", mm.get("microF1")));
        });
        return s;
    }
}
