package defectlens.cli.wafer;

import defectlens.cli.Json;
import defectlens.core.DefectLensException;
import defectlens.wafer.HeldOutMaps;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferEnsemble;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code defectlens wafer ensemble}: one bundle from several trained wafer bundles of the same variant and class
 * set that averages their class probabilities ({@link WaferEnsemble}); with {@code --data}, its figures on the
 * held-out maps go into its provenance as {@code wafer train} records them.
 */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = "Join trained wafer model bundles (same variant and classes) into one that averages their probabilities.")
public final class WaferEnsembleCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "MODEL_DIR", description = "the member bundles (at least two)")
    List<Path> members;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the ensemble bundle folder to write")
    Path out;

    @Option(names = "--data", paramLabel = "FILE",
            description = "the pickle the members were trained on: measure the ensemble on their held-out maps")
    Path data;

    @Option(names = "--half-precision", description = "store the weights as 16-bit floats (half the size; "
            + "computing stays 32-bit)")
    boolean halfPrecision;

    @CommandLine.Mixin
    SymmetryAveragingOption averaging;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (members.stream().anyMatch(m -> m.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))) {
            throw new DefectLensException(out, "--out must not be one of the member bundles");
        }
        List<WaferModel> parts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        WaferModel ensemble;
        try {
            for (Path m : members) {
                parts.add(WaferModelBundle.load(m));
                sources.add(m.getFileName().toString());
            }
            ensemble = WaferEnsemble.assemble(parts, sources);
        } catch (IllegalArgumentException e) {
            parts.forEach(WaferModel::close);
            throw new DefectLensException(e.getMessage());
        } catch (RuntimeException e) {
            parts.forEach(WaferModel::close);
            throw e;
        }
        try (WaferModel model = ensemble) {
            averaging.applyTo(model);
            model.setHalfPrecisionWeights(halfPrecision);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", out.toString());
            doc.put("members", sources);
            doc.put("variant", model.variant().id());
            doc.put("classes", model.classes());
            doc.put("average_over_symmetries", model.averageOverSymmetries());
            doc.put("weights_dtype", halfPrecision ? WaferModelBundle.FLOAT16 : "float32");
            if (data != null) {
                WaferDataset dataset = WaferPickleReader.read(data);
                List<Integer> heldOut = HeldOutMaps.rows(model, members.get(0), dataset, data);
                spec.commandLine().getErr().println("measuring the ensemble on " + heldOut.size() + " held-out maps (single pass)");
                spec.commandLine().getErr().flush();
                doc.put("held_out_test", WaferEnsemble.measureHeldOut(model, dataset, heldOut));
            }
            WaferModelBundle.save(model, out);
            spec.commandLine().getOut().println(Json.write(doc));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
