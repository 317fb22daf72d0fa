package defectlens.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import defectlens.model.InputSpec;
import defectlens.model.SplitClassifier;
import java.util.List;

/**
 * A two-class test model whose evidence for class 0 is the summed input inside one square region:
 * logits {@code (gain * sum(x * region), 0)}; features are the input itself.
 */
public final class RegionEvidenceModel implements SplitClassifier {
    private final NDManager manager = NDManager.newBaseManager();
    private final NDArray region;
    private final int size;
    private final float gain;

    public RegionEvidenceModel(int size, int x0, int y0, int side, float gain) {
        this.size = size;
        this.gain = gain;
        float[] r = new float[size * size];
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                r[y * size + x] = 1f;
            }
        }
        region = manager.create(r, new Shape(1, 1, size, size));
    }

    @Override
    public List<String> classes() {
        return List.of("defect", "clean");
    }

    @Override
    public InputSpec input() {
        return new InputSpec(1, size, size, List.of(0f), List.of(1f));
    }

    @Override
    public String splitLayer() {
        return "input";
    }

    @Override
    public NDArray features(NDArray input) {
        return input;
    }

    @Override
    public NDArray head(NDArray features) {
        NDArray s = features.mul(region).sum(new int[] {1, 2, 3}).mul(gain).reshape(-1, 1);
        return s.concat(s.zerosLike(), 1);
    }

    @Override
    public void close() {
        manager.close();
    }
}
