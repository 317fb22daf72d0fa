package defectlens.cli.model;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.LayerTable;
import defectlens.model.InputSpec;
import defectlens.model.ModelBundle;
import defectlens.model.ModelManifest;
import defectlens.model.SlidingWindow;
import defectlens.model.SplitClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code model info DIR}: what a bundle holds; opens its weights to check that they load. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Shows a model bundle's name, classes, input and split layer.")
public final class ModelInfoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Model bundle folder.")
    Path dir;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ModelManifest m = ModelBundle.readManifest(dir);
        try (SplitClassifier model = ModelBundle.load(dir)) {
            InputSpec in = model.input();
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("name", m.name());
            root.put("architecture", m.architecture());
            root.put("classes", model.classes());
            root.put("input_size", List.of(in.channels(), in.height(), in.width()));
            root.put("parameters", m.parameters());
            root.put("split_layer", model.splitLayer());
            root.put("explainable_layers", LayerTable.json(model));
            SlidingWindow w = m.slidingWindow();
            if (w != null) {
                root.put("sliding_window", w);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.on()) {
                out.println(Json.write(root));
            } else {
                out.printf(Locale.ROOT, "%s (%s, %,d parameters)%nclasses: %s%ninput: %d x %d x %d%nsplit layer: %s%n",
                        m.name(), m.architecture(), m.parameters(), model.classes(), in.channels(), in.height(),
                        in.width(), model.splitLayer());
                if (w != null) {
                    out.printf(Locale.ROOT, "sliding window: %d px every %d px over %d px frames (%d windows), %s; "
                            + "explained on the whole frame%n", w.window(), w.stride(), w.frame(), w.count(),
                            w.aggregation());
                }
                out.print(LayerTable.text(model));
            }
            out.flush();
        }
        return 0;
    }
}
