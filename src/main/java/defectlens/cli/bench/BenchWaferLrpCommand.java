package defectlens.cli.bench;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.explain.lrp.LrpComposite;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferPreprocessing;
import defectlens.wafer.WaferSampling;
import defectlens.wafer.explain.WaferRelevanceCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code bench wafer-lrp --data FILE --model DIR... [--classes Center,Loc,Edge-Loc] [--per-class N]
 * [--test-fraction F] [--split-seed S] [--rule-set NAME...] [--json]}: the LRP checks of meaning behind
 * {@code docs/experiments/wafer-lrp.md} on held-out maps. The held-out maps are the test part of
 * {@code WaferSampling.stratified(data, paper7, F, S)} (what the models were not trained on when trained
 * from the other part with the same F and S), the first N of each class in file order.
 */
@Command(name = "wafer-lrp", mixinStandardHelpOptions = true,
        description = "LRP checks of meaning on held-out wafer maps: relevance on failed dies, rotation, conservation.")
public final class BenchWaferLrpCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "A WM-811K pickle with labelled maps.")
    Path data;

    @Option(names = "--model", required = true, description = "Wafer model bundle folders (repeat the option).")
    List<Path> models;

    @Option(names = "--classes", split = ",", defaultValue = "Center,Loc,Edge-Loc",
            description = "Classes of the held-out maps (default ${DEFAULT-VALUE}).")
    List<String> classes;

    @Option(names = "--per-class", defaultValue = "100", description = "Held-out maps per class (default ${DEFAULT-VALUE}).")
    int perClass;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Held-out share of each class (default ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--split-seed", defaultValue = "0", description = "Seed of the split (default ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--rule-set", defaultValue = "epsilon-zplus,epsilon-zplus-zbox", split = ",",
            description = "LRP composites (default ${DEFAULT-VALUE}).")
    List<String> ruleSets;

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (perClass < 1) {
            throw new DefectLensException("--per-class must be positive: " + perClass);
        }
        List<LrpComposite> composites = ruleSets.stream().map(LrpComposite::named).toList();
        PrintWriter err = spec.commandLine().getErr();
        WaferDataset dataset = WaferPickleReader.read(data);
        List<Integer> heldOut = WaferSampling.stratified(dataset, WaferClassSet.PAPER7, testFraction, splitSeed).second();
        Map<String, Integer> taken = new LinkedHashMap<>();
        List<Integer> chosen = new ArrayList<>();
        for (int i : heldOut) {
            String label = dataset.get(i).label();
            if (classes.contains(label) && taken.getOrDefault(label, 0) < perClass) {
                taken.merge(label, 1, Integer::sum);
                chosen.add(i);
            }
        }
        float[][] maps = new float[chosen.size()][];
        float[][] wafers = new float[chosen.size()][];
        String[] names = new String[chosen.size()];
        for (int k = 0; k < chosen.size(); k++) {
            WaferMap m = dataset.get(chosen.get(k));
            maps[k] = WaferPreprocessing.toNetworkMap(m.dies(), m.rows(), m.cols());
            names[k] = m.label();
            byte[] grid = WaferPreprocessing.resizeNearest(m.dies(), m.rows(), m.cols(), WaferPreprocessing.SIZE,
                    WaferPreprocessing.SIZE);
            wafers[k] = new float[grid.length];
            for (int p = 0; p < grid.length; p++) {
                wafers[k][p] = grid[p] != WaferMap.NO_DIE ? 1f : 0f;
            }
        }
        err.println("held-out maps: " + taken);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "wafer-lrp");
        doc.put("data", data.toString());
        doc.put("held_out", Map.of("test_fraction", testFraction, "split_seed", splitSeed, "maps", taken));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Path dir : models) {
            try (WaferModel model = WaferModelBundle.load(dir)) {
                int[] labels = new int[names.length];
                for (int k = 0; k < names.length; k++) {
                    labels[k] = model.classes().indexOf(names[k]);
                    if (labels[k] < 0) {
                        throw new DefectLensException(dir, "the model has no class '" + names[k] + "'");
                    }
                }
                for (LrpComposite composite : composites) {
                    long t0 = System.nanoTime();
                    Map<String, WaferRelevanceCheck.Figures> figures;
                    try (TerminalProgress progress = new TerminalProgress(err,
                            model.variant().id() + " " + composite.name())) {
                        figures = WaferRelevanceCheck.run(model, composite, maps, wafers, labels, names, progress);
                    }
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("model", dir.toString());
                    entry.put("variant", model.variant().id());
                    entry.put("rule_set", composite.name());
                    entry.put("seconds", (System.nanoTime() - t0) / 1e9);
                    entry.put("figures", figures);
                    results.add(entry);
                    print(entry, figures);
                }
            }
        }
        doc.put("results", results);
        if (json.on()) {
            spec.commandLine().getOut().println(Json.write(doc));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private void print(Map<String, Object> entry, Map<String, WaferRelevanceCheck.Figures> figures) {
        if (json.on()) {
            return;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s  %s%n", entry.get("variant"), entry.get("rule_set"));
        out.printf("  %-9s %5s %8s %11s %11s %11s %12s %10s %10s %10s%n", "class", "maps", "correct", "share mean",
                "share med", "failed/grid", "failed/wafer", "rot corr", "cons mean", "cons med");
        figures.forEach((k, f) -> out.printf("  %-9s %5d %8d %11.3f %11.3f %11.3f %12.3f %10.3f %10.3f %10.3f%n", k,
                f.maps(), f.correct(), f.meanShareOnFailedDies(), f.medianShareOnFailedDies(), f.meanFailedArea(),
                f.meanFailedShareOfWafer(), f.meanRotationCorrelation(), f.meanConservation(), f.medianConservation()));
        out.flush();
    }
}
