package defectlens.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import defectlens.core.DefectLensException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An imported PyTorch model as a {@link SplitClassifier}: two traced TorchScript modules,
 * {@code features.pt} (input to split-layer maps) and {@code head.pt} (maps to logits). They are loaded
 * with {@code trainParam=true} and run with {@code training=true} so that gradients reach the split
 * (docs/sem-models.md, "Importing PyTorch models"); traced in eval mode, BatchNorm and dropout keep
 * their eval behaviour.
 */
public final class TorchScriptClassifier implements SplitClassifier {
    public static final String FEATURES = "features";
    public static final String HEAD = "head";

    private final Model features;
    private final Model head;
    private final ModelManifest manifest;
    private final ParameterStore featureStore;
    private final ParameterStore headStore;

    private TorchScriptClassifier(Model features, Model head, ModelManifest manifest) {
        this.features = features;
        this.head = head;
        this.manifest = manifest;
        this.featureStore = new ParameterStore(features.getNDManager(), false);
        this.headStore = new ParameterStore(head.getNDManager(), false);
    }

    static TorchScriptClassifier load(Path dir, ModelManifest manifest) {
        Model f = module(dir, FEATURES);
        try {
            return new TorchScriptClassifier(f, module(dir, HEAD), manifest);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    private static Model module(Path dir, String name) {
        Path file = dir.resolve(name + ".pt");
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, "missing: a TorchScript bundle needs features.pt and head.pt");
        }
        Model model = Model.newInstance(name, "PyTorch");
        try {
            model.load(dir, name, Map.of("trainParam", "true"));
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new DefectLensException(file, "not a loadable TorchScript module (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public List<String> classes() {
        return manifest.classes();
    }

    @Override
    public InputSpec input() {
        return manifest.input();
    }

    @Override
    public String splitLayer() {
        return manifest.splitLayer() == null ? FEATURES : manifest.splitLayer();
    }

    @Override
    public NDArray features(NDArray input) {
        return features.getBlock().forward(featureStore, new NDList(input), true).singletonOrThrow();
    }

    @Override
    public NDArray head(NDArray maps) {
        return head.getBlock().forward(headStore, new NDList(maps), true).singletonOrThrow();
    }

    @Override
    public void close() {
        features.close();
        head.close();
    }
}
