package defectlens.cli.wafer;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.explain.lrp.LrpComposite;
import defectlens.explain.lrp.LrpExplanation;
import defectlens.image.NpyFile;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferPreprocessing;
import defectlens.wafer.explain.WaferLrpExplainer;
import defectlens.wafer.explain.WaferRelevance;
import defectlens.wafer.explain.WaferRelevanceOverlay;
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
 * {@code wafer explain --model DIR --data FILE --index I [--class C] [--rule-set NAME] --out DIR [--json]}:
 * layer-wise relevance propagation of one wafer map. Writes the network-input relevance and the
 * wafer-grid relevance as {@code .npy} (float32, 64x64), the map and the network input beside them, PNG
 * overlays of both relevances, and {@code explanation.json}; prints the predicted and explained class and
 * the conservation figure (input relevance total against the explained logit).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a wafer model's decision on one map with layer-wise relevance propagation (LRP).")
public final class WaferExplainCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "A wafer model bundle folder (model.json + model.params).")
    Path model;

    @Option(names = "--data", required = true, description = "A WM-811K pickle (.pkl, .pkl.gz, .pkl.xz).")
    Path data;

    @Option(names = "--index", required = true, description = "Row of the map in the file (0-based).")
    int index;

    @Option(names = "--class", description = "Class to explain, by name or output index (default: the predicted class).")
    String explainedClass;

    @Option(names = "--rule-set", defaultValue = "epsilon-zplus",
            description = "LRP composite: epsilon-zplus, epsilon-alpha1beta0, epsilon-alpha2beta1, epsilon-zplus-zbox "
                    + "(default ${DEFAULT-VALUE}).")
    String ruleSet;

    @Option(names = "--out", required = true, description = "Folder for the .npy, PNG and JSON files.")
    Path out;

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--force", description = "Replace files of an earlier explanation in --out.")
    boolean force;

    /** The files written into --out. */
    static final List<String> OUTPUTS = List.of("map.npy", "input.npy", "input-relevance.npy", "wafer-relevance.npy",
            "input-overlay.png", "wafer-overlay.png", "explanation.json");

    @Override
    public Integer call() {
        LrpComposite composite = LrpComposite.named(ruleSet);
        for (String name : OUTPUTS) {
            OutputFile.checkTarget(out.resolve(name), force);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("reading " + data.getFileName());
        err.flush();
        WaferDataset dataset = WaferPickleReader.read(data);
        if (index < 0 || index >= dataset.size()) {
            throw new DefectLensException(data, "--index " + index + " is outside the file's " + dataset.size() + " maps");
        }
        WaferMap wafer = dataset.get(index);
        float[] map = WaferPreprocessing.toNetworkMap(wafer.dies(), wafer.rows(), wafer.cols());
        Map<String, Object> doc;
        try (WaferModel loaded = WaferModelBundle.load(model); WaferLrpExplainer explainer = new WaferLrpExplainer(loaded)) {
            WaferRelevance result = explainer.explain(map, classIndex(explainer, loaded), composite);
            doc = summary(result, wafer, loaded);
            doc.put("files", write(result));
        }
        Path report = out.resolve("explanation.json");
        OutputFile.writeString(report, true, Json.write(doc));
        PrintWriter stdout = spec.commandLine().getOut();
        if (json.on()) {
            stdout.println(Json.write(doc));
        } else {
            for (String key : List.of("label", "predicted_class", "explained_class", "explained_logit", "relevance_sum",
                    "conservation", "wafer_relevance_sum", "positive_share_on_failed_dies")) {
                stdout.println(key + ": " + doc.get(key));
            }
            stdout.println("written to " + out);
        }
        stdout.flush();
        return 0;
    }

    private int classIndex(WaferLrpExplainer explainer, WaferModel loaded) {
        if (explainedClass == null) {
            return -1;
        }
        if (explainedClass.matches("\\d+")) {
            int i = Integer.parseInt(explainedClass);
            if (i >= loaded.classes().size()) {
                throw new DefectLensException(model, "--class " + i + " is outside the model's classes " + loaded.classes());
            }
            return i;
        }
        return explainer.classIndex(explainedClass);
    }

    static Map<String, Object> summary(WaferRelevance r, WaferMap wafer, WaferModel loaded) {
        LrpExplanation lrp = r.lrp();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("variant", loaded.variant().id());
        doc.put("label", wafer.label());
        doc.put("predicted_class", r.predictedClass());
        doc.put("explained_class", r.explainedClass());
        doc.put("rule_set", lrp.composite());
        doc.put("explained_logit", lrp.explainedLogit());
        doc.put("relevance_sum", lrp.relevanceSum());
        doc.put("conservation", lrp.conservation());
        doc.put("wafer_space", r.sinogramInput() ? "filtered back-projection of the sinogram relevance" : "input relevance");
        doc.put("wafer_relevance_sum", r.waferRelevanceSum());
        doc.put("positive_share_on_failed_dies", r.positiveShareOnFailedDies());
        Map<String, Double> logits = new LinkedHashMap<>();
        for (int i = 0; i < lrp.logits().length; i++) {
            logits.put(r.classes().get(i), (double) lrp.logits()[i]);
        }
        doc.put("logits", logits);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LrpExplanation.LayerSum s : lrp.layerSums()) {
            layers.add(Map.of("layer", s.layer(), "relevance_sum", s.sum()));
        }
        doc.put("layer_relevance", layers);
        return doc;
    }

    private Map<String, String> write(WaferRelevance r) {
        int side = WaferPreprocessing.SIZE;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("map", npy("map.npy", r.map()));
        files.put("input", npy("input.npy", r.input()));
        files.put("input_relevance", npy("input-relevance.npy", r.lrp().relevance()));
        files.put("wafer_relevance", npy("wafer-relevance.npy", r.waferRelevance()));
        Path inputPng = out.resolve("input-overlay.png");
        WaferRelevanceOverlay.writePng(WaferRelevanceOverlay.render(r.input(), r.lrp().relevance(), side, 8, 0.85), inputPng);
        files.put("input_overlay", inputPng.toString());
        Path waferPng = out.resolve("wafer-overlay.png");
        WaferRelevanceOverlay.writePng(WaferRelevanceOverlay.render(r.map(), r.waferRelevance(), side, 8, 0.85), waferPng);
        files.put("wafer_overlay", waferPng.toString());
        return files;
    }

    private String npy(String name, float[] values) {
        Path file = out.resolve(name);
        NpyFile.write(file, values, WaferPreprocessing.SIZE, WaferPreprocessing.SIZE);
        return file.toString();
    }
}
