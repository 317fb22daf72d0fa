package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import defectlens.core.DefectLensException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Makes a model bundle from two traced TorchScript modules ({@code features} and {@code head}, see
 * {@code docs/export_torchscript.py}): copies them as {@code features.pt} and {@code head.pt}, writes
 * {@code model.json} and checks that the pair loads and gives one logit per class.
 */
public final class TorchScriptImporter {
    private TorchScriptImporter() {
    }

    public static ModelManifest importBundle(Path features, Path head, List<String> classes, InputSpec input,
            String splitLayer, String name, Path out) {
        requireFile(features);
        requireFile(head);
        if (classes.isEmpty() || classes.stream().anyMatch(String::isBlank)) {
            throw new DefectLensException(out, "--classes needs one non-empty name per logit");
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw new DefectLensException(out, "--classes lists a name twice: " + classes);
        }
        try {
            Files.createDirectories(out);
            copy(features, out.resolve(TorchScriptClassifier.FEATURES + ".pt"));
            copy(head, out.resolve(TorchScriptClassifier.HEAD + ".pt"));
        } catch (IOException e) {
            throw new DefectLensException(out, "cannot write bundle (" + e.getMessage() + ")", e);
        }
        String source;
        try {
            source = "imported from " + FileDigest.describe(features) + " and " + FileDigest.describe(head);
        } catch (IOException e) {
            throw new DefectLensException(out, "cannot read " + features + " or " + head + " (" + e.getMessage() + ")", e);
        }
        Provenance provenance = new Provenance(source, null, null, null, null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), null);
        ModelManifest manifest = new ModelManifest(name, ModelManifest.TORCHSCRIPT, classes, input,
                splitLayer == null ? TorchScriptClassifier.FEATURES : splitLayer, 0,
                List.of(TorchScriptClassifier.FEATURES + ".pt", TorchScriptClassifier.HEAD + ".pt"), provenance);
        long logits;
        try (TorchScriptClassifier model = TorchScriptClassifier.load(out, manifest);
                NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = m.zeros(new Shape(1, input.channels(), input.height(), input.width()));
            logits = model.logits(x).getShape().get(1);
        } catch (DefectLensException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DefectLensException(out, "features.pt and head.pt do not run on a " + input.channels() + "x"
                    + input.height() + "x" + input.width() + " input (" + e.getMessage() + ")", e);
        }
        if (logits != classes.size()) {
            throw new DefectLensException(head, "gives " + logits + " logits but --classes lists " + classes.size()
                    + " classes " + classes);
        }
        ModelManifest counted = new ModelManifest(name, manifest.architecture(), classes, input, manifest.splitLayer(),
                TorchScriptParameters.count(features, head), manifest.weights(), provenance);
        ModelBundle.writeManifest(out, counted);
        return counted;
    }

    private static void requireFile(Path f) {
        if (!Files.isRegularFile(f)) {
            throw new DefectLensException(f, "missing: no such TorchScript file");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
