package defectlens.app;

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

/** A tiny, untrained EfficientNetV2 bundle over the six Carinthia classes, for window tests. */
public final class TinySemBundle {
    public static final List<String> CLASSES =
            List.of("single_bridge", "thin_bridge", "line_collapse", "line_break", "multi_bridge", "no_defect");

    private TinySemBundle() {
    }

    /** Saves the bundle (input 64x64 gray, seeded initialisation) into {@code dir}. */
    public static Path save(Path dir) {
        ai.djl.engine.Engine.getInstance().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EfficientNetV2 net = new EfficientNetV2(EfficientNetV2Config.tiny(), CLASSES.size());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            Provenance p = new Provenance("test", 3L, 0, "none", Map.of(), "2026-01-01T00:00:00Z", "test");
            ModelBundle.save(dir, ModelBundle.manifestFor("tiny-window-test", net, CLASSES, InputSpec.gray(64), p), net);
        }
        return dir;
    }
}
