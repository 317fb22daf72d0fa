package defectlens.cli.explain;

import defectlens.cli.CommandFactory;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.LayerOption;
import defectlens.cli.ModelOpener;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.explain.Explainer;
import defectlens.explain.Explainers;
import defectlens.explain.ExplanationLayer;
import defectlens.explain.Heatmap;
import defectlens.image.Colormap;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.model.SplitClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code explain heatmap}: one heatmap of one image, written as {@code .npy} (the normalised map at
 * image size; optionally the raw map at feature resolution) and optionally as a colour PNG. CRAFT
 * reads the class's concept bank from {@code --banks}.
 */
@Command(name = "heatmap", mixinStandardHelpOptions = true,
        description = "Explains one image with one method and writes the heatmap as .npy (and PNG).")
public class ExplainHeatmapCommand implements Callable<Integer> {
    private final ModelOpener models;

    /** A command that opens {@code --model} with {@code models} (see {@link CommandFactory}). */
    public ExplainHeatmapCommand(ModelOpener models) {
        this.models = models;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model folder.")
    Path model;

    @Option(names = "--image", required = true, description = "Image file.")
    Path image;

    @Option(names = "--method", defaultValue = "gradcam",
            description = "gradcam, gradcam++, hirescam, xgradcam, layercam, eigencam, scorecam, multilayercam "
                    + "(NAME+tta smooths), "
                    + "craft (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--class", description = "Class name or index to explain (default: the predicted class).")
    String targetClass;

    @Option(names = "--out", required = true, description = "The normalised map at image size, .npy.")
    Path out;

    @Option(names = "--raw", description = "Also write the raw map at feature resolution, .npy.")
    Path raw;

    @Option(names = "--png", description = "Also write the map as a colour PNG.")
    Path png;

    @Option(names = "--colormap", defaultValue = "viridis", description = "viridis, inferno or jet (default: ${DEFAULT-VALUE}).")
    String colormap;

    @Option(names = "--scale", defaultValue = "image",
            description = "image (min-max of this map) or absolute (0 .. --vmax in raw units, the same on every image; "
                    + "default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--vmax", description = "Raw value drawn as 1 on the absolute scale (default: this map's maximum).")
    Double vmax;

    @Option(names = "--banks", description = "Folder of CRAFT concept banks (needed by --method craft).")
    Path banks;

    @Mixin
    JsonOption json;

    @Mixin
    LayerOption layerOption;

    @Option(names = "--force", description = "Replace output files that exist.")
    boolean force;

    @Override
    public Integer call() {
        for (Path target : new Path[] {out, raw, png}) {
            if (target != null) {
                OutputFile.checkTarget(target, force);
            }
        }
        Colormap cmap;
        try {
            cmap = Colormap.valueOf(colormap.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DefectLensException("unknown colormap '" + colormap + "' (viridis, inferno or jet)");
        }
        ImageRaster raster = SemImageReader.read(image);
        try (SplitClassifier whole = models.open(model)) {
            ExplanationLayer layer = layerOption.choose(whole, model);
            SplitClassifier classifier = layer.model();
            int target = resolveClass(classifier);
            Explainer explainer = explainer(classifier);
            Heatmap h = explainer.explain(classifier, raster, target);
            if (scale.equals("absolute")) {
                double top = vmax != null ? vmax : h.rawMax();
                if (!(top > 0) || Double.isInfinite(top)) {
                    throw new DefectLensException(image, "no positive value to anchor the absolute scale; give --vmax");
                }
                h = h.onAbsoluteScale(top);
            } else if (!scale.equals("image")) {
                throw new DefectLensException("--scale must be 'image' or 'absolute', not '" + scale + "'");
            }
            h.saveNpy(out);
            if (raw != null) {
                h.saveRawNpy(raw);
            }
            if (png != null) {
                h.savePng(png, cmap);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            if (h.isDegenerate()) {
                spec.commandLine().getErr().println("warning: " + h.degenerateReason().orElse("degenerate map"));
            }
            if (json.on()) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("image", image.toString());
                root.put("method", h.method());
                root.put("class", h.className());
                root.put("classIndex", h.targetClass());
                root.put("score", h.score());
                root.put("layer", layer.layer().name());
                root.put("layerByRule", layer.byRule());
                root.put("rawWidth", h.rawWidth());
                root.put("rawHeight", h.rawHeight());
                root.put("width", h.width());
                root.put("height", h.height());
                root.put("degenerate", h.degenerateReason().orElse(null));
                root.put("scale", h.absoluteMax().isPresent() ? "absolute" : "image");
                root.put("vmax", h.absoluteMax().isPresent() ? h.absoluteMax().getAsDouble() : null);
                root.put("npy", out.toString());
                root.put("raw", raw == null ? null : raw.toString());
                root.put("png", png == null ? null : png.toString());
                stdout.println(Json.write(root));
            } else {
                stdout.println(h);
                stdout.println(layer.describe());
            }
            stdout.flush();
            return 0;
        }
    }

    private int resolveClass(SplitClassifier classifier) {
        if (targetClass == null) {
            return Explainer.PREDICTED;
        }
        int byName = classifier.classes().indexOf(targetClass);
        if (byName >= 0) {
            return byName;
        }
        try {
            int i = Integer.parseInt(targetClass);
            if (i >= 0 && i < classifier.classes().size()) {
                return i;
            }
        } catch (NumberFormatException e) {
            // not an index either: reported below
        }
        throw new DefectLensException(model, "the model has no class '" + targetClass + "'; its classes: " + classifier.classes());
    }

    private Explainer explainer(SplitClassifier classifier) {
        String modelName = model.toAbsolutePath().normalize().getFileName().toString();
        return Explainers.byName(method, banks, modelName, classifier.classes());
    }
}
