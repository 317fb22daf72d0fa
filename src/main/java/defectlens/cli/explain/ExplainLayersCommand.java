package defectlens.cli.explain;

import defectlens.cli.CommandFactory;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.LayerTable;
import defectlens.cli.ModelOpener;
import defectlens.model.ExplainableLayer;
import defectlens.model.SplitClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code explain layers}: the layers of a model that {@code --layer} accepts, with map sizes and the default. */
@Command(name = "layers", mixinStandardHelpOptions = true,
        description = "Lists the layers a model can be explained at (map size each) and the default one.")
public final class ExplainLayersCommand implements Callable<Integer> {
    private final ModelOpener models;

    /** A command that opens {@code --model} with {@code models} (see {@link CommandFactory}). */
    public ExplainLayersCommand(ModelOpener models) {
        this.models = models;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model folder.")
    Path model;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        try (SplitClassifier classifier = models.open(model)) {
            PrintWriter out = spec.commandLine().getOut();
            if (json.on()) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("model", model.toString());
                root.put("input", classifier.input().width());
                root.put("rule", ExplainableLayer.DEFAULT_RULE);
                root.put("layers", LayerTable.json(classifier));
                out.println(Json.write(root));
            } else {
                out.print(LayerTable.text(classifier));
            }
            out.flush();
        }
        return 0;
    }
}
