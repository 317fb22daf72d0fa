package defectlens.app;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import defectlens.model.EfficientNetV2;
import defectlens.model.EfficientNetV2Config;
import defectlens.model.InputSpec;
import defectlens.model.ModelBundle;
import defectlens.model.Provenance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A seeded, untrained tiny EfficientNetV2 bundle (64x64 gray input) for window tests: fast, not accurate. */
public final class TinySemModel {
    private TinySemModel() {
    }

    public static Path save(Path dir, List<String> classes, int seed) {
        Engine.getInstance().setRandomSeed(seed);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EfficientNetV2 net = new EfficientNetV2(EfficientNetV2Config.tiny(), classes.size());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            Provenance p = new Provenance("test", (long) seed, 0, "none", Map.of(), "2026-01-01T00:00:00Z", "test");
            ModelBundle.save(dir, ModelBundle.manifestFor("tiny-window-test", net, classes, InputSpec.gray(64), p), net);
        }
        return dir;
    }
}
