package defectlens.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defectlens.core.DefectLensException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model bundle folder: {@code model.json} ({@link ModelManifest}) beside its weights - DJL
 * {@value #WEIGHTS} for EfficientNetV2, {@code features.pt} + {@code head.pt} for TorchScript
 * imports. Every problem with a bundle a user points at ends in a {@link DefectLensException} naming
 * the file.
 */
public final class ModelBundle {
    public static final String MANIFEST = ManifestFile.NAME;
    public static final String WEIGHTS = "weights.params";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelBundle() {
    }

    /** Reads and checks {@code DIR/model.json}. */
    public static ModelManifest readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        JsonNode root = ManifestFile.read(dir);
        ManifestRules rules = new ManifestRules(dir, file);
        rules.architecture(root, "architecture", ModelBundle::knownArchitecture,
                ModelManifest.TORCHSCRIPT + ", efficientnetv2-s, -m, -l or -tiny");
        rules.classNames(root, "classes", 1);
        rules.input(root, "input", true);
        rules.weightFiles(root, "weights");
        rules.slidingWindow(root, "sliding_window", "input");
        try {
            return MAPPER.treeToValue(root, ModelManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new DefectLensException(file, "not a valid model.json (" + ManifestFile.firstLine(e) + ")", e);
        }
    }

    private static boolean knownArchitecture(String name) {
        if (ModelManifest.TORCHSCRIPT.equals(name)) {
            return true;
        }
        try {
            EfficientNetV2Config.named(name);
            return true;
        } catch (DefectLensException e) {
            return false;
        }
    }

    /** Opens the bundle in {@code dir} as a classifier (the caller closes it). */
    public static SplitClassifier load(Path dir) {
        ModelManifest m = readManifest(dir);
        if (m.isTorchScript()) {
            return TorchScriptClassifier.load(dir, m);
        }
        return loadEfficientNet(dir, m);
    }

    /** Opens a DJL-native EfficientNetV2 bundle. */
    public static EfficientNetV2Classifier loadEfficientNet(Path dir, ModelManifest m) {
        EfficientNetV2Config config;
        try {
            config = EfficientNetV2Config.named(m.architecture());
        } catch (DefectLensException e) {
            throw new DefectLensException(dir.resolve(MANIFEST), e.getMessage());
        }
        Path weightsFile = dir.resolve(m.weights().get(0));
        if (!Files.isRegularFile(weightsFile)) {
            throw new DefectLensException(weightsFile, "missing: the weights named in model.json");
        }
        NDManager manager = NDManager.newBaseManager("PyTorch");
        try {
            EfficientNetV2 net = new EfficientNetV2(config, m.classes().size());
            InputSpec in = m.input();
            net.initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
            List<Shape> expected = shapes(net);
            try (InputStream raw = Files.newInputStream(weightsFile);
                    DataInputStream data = new DataInputStream(new BufferedInputStream(raw))) {
                net.loadParameters(manager, data);
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new DefectLensException(weightsFile, "cannot read these weights as " + config.name() + " with "
                        + m.classes().size() + " classes and " + in.channels() + " input channel(s) ("
                        + ManifestFile.firstLine(e) + ")", e);
            }
            List<Shape> loaded = shapes(net);
            if (!expected.equals(loaded)) {
                throw new DefectLensException(weightsFile, "weights do not fit model.json: it lists "
                        + m.classes().size() + " classes " + m.classes() + " and " + in.channels()
                        + " input channel(s), but the weights have other layer shapes (weights for other classes?)");
            }
            return new EfficientNetV2Classifier(manager, net, m.classes(), m.frameInput(), m.slidingWindow());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static List<Shape> shapes(EfficientNetV2 net) {
        List<Shape> out = new ArrayList<>();
        for (var p : net.getParameters()) {
            Parameter param = p.getValue();
            out.add(param.getArray().getShape());
        }
        return out;
    }

    /** Writes {@code model.json} and {@value #WEIGHTS} of an EfficientNetV2 into {@code dir}. */
    public static void save(Path dir, ModelManifest manifest, EfficientNetV2 network) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(WEIGHTS + ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp);
                    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(raw))) {
                network.saveParameters(data);
            }
            Files.move(tmp, dir.resolve(WEIGHTS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            writeManifest(dir, manifest);
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot write model bundle (" + e.getMessage() + ")", e);
        }
    }

    /** Writes {@code DIR/model.json}. */
    public static void writeManifest(Path dir, ModelManifest manifest) {
        Path file = dir.resolve(MANIFEST);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, MAPPER.writeValueAsString(manifest) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write model.json", e);
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** The manifest of a freshly trained or converted EfficientNetV2. */
    public static ModelManifest manifestFor(String name, EfficientNetV2 net, List<String> classes, InputSpec input,
            Provenance provenance) {
        return manifestFor(name, net, classes, input, provenance, null);
    }

    /**
     * The manifest of a freshly trained EfficientNetV2; with a {@code window}, {@code input} is the window and the
     * explainable layers are listed for the whole frame the model is explained on.
     */
    public static ModelManifest manifestFor(String name, EfficientNetV2 net, List<String> classes, InputSpec input,
            Provenance provenance, SlidingWindow window) {
        ModelManifest m = new ModelManifest(name, net.config().name(), classes, input, EfficientNetV2.SPLIT_LAYER,
                net.trainableParameterCount(), List.of(WEIGHTS), provenance, null, window);
        return new ModelManifest(name, m.architecture(), classes, input, m.splitLayer(), m.parameters(), m.weights(),
                provenance, net.explainableLayers(m.frameInput()), window);
    }
}
