package defectlens.wafer;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wafer classifier of one {@link WaferVariant}: its network, class names in output order, the Radon
 * angles of its sinogram input and the provenance written to {@code model.json}. Classifies 64x64 maps
 * (background removed). Owns a DJL {@link Model}; close it when done. Thread-safe for inference (each
 * call works under its own {@link NDManager}).
 */
public final class WaferModel implements AutoCloseable {
    private static final int INFERENCE_BATCH = 256;

    private final Model model;
    private final WaferVariant variant;
    private final List<String> classes;
    private final int angles;
    private final Map<String, Object> provenance;
    private final WaferInputEncoder encoder;
    private boolean averageOverSymmetries;

    WaferModel(Model model, WaferVariant variant, List<String> classes, int angles, Map<String, Object> provenance) {
        this.model = model;
        this.variant = variant;
        this.classes = List.copyOf(classes);
        this.angles = angles;
        this.provenance = new LinkedHashMap<>(provenance);
        this.encoder = new WaferInputEncoder(variant, angles);
    }

    /** A new, randomly initialised network of the variant (the trainer's starting point). */
    static WaferModel create(WaferVariant variant, List<String> classes, int angles, Map<String, Object> provenance) {
        Model model = Model.newInstance("wafer-" + variant.id());
        model.setBlock(WaferNetworks.build(variant, classes.size()));
        return new WaferModel(model, variant, classes, angles, provenance);
    }

    /** Initialises the parameters (loading or a standalone model; the trainer initialises via DJL's Trainer). */
    void initialize() {
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, WaferNetworks.INPUT_SHAPE);
    }

    public WaferVariant variant() {
        return variant;
    }

    public List<String> classes() {
        return classes;
    }

    /** Radon angles of the sinogram input (also recorded for map variants, which ignore it). */
    public int angles() {
        return angles;
    }

    public Map<String, Object> provenance() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    void putProvenance(String key, Object value) {
        provenance.put(key, value);
    }

    Model djlModel() {
        return model;
    }

    public Block block() {
        return model.getBlock();
    }

    /** The encoder that turns 64x64 maps into this model's network input. */
    public WaferInputEncoder encoder() {
        return encoder;
    }

    /**
     * Whether {@link #predict} averages the class probabilities of each map over the eight symmetries of the
     * square (the map, its three rotations and four reflections): test-time augmentation, 8 times the work,
     * and answers that are exactly the same for a map and its rotated or mirrored copies. Off for a new
     * network; a bundle records it in {@code model.json} ({@code inference.average_over_symmetries}).
     */
    public boolean averageOverSymmetries() {
        return averageOverSymmetries;
    }

    public void setAverageOverSymmetries(boolean on) {
        this.averageOverSymmetries = on;
    }

    /** Class probabilities (softmax) of 64x64 maps, one row per map (averaged over symmetries if set). */
    public float[][] predict(float[][] maps) {
        return predict(maps, averageOverSymmetries);
    }

    /**
     * Class probabilities of 64x64 maps, averaged over the eight symmetries of the square or not as asked,
     * whatever the bundle's setting (the window lets a user choose per call without changing the model).
     */
    public float[][] predict(float[][] maps, boolean averageOverSymmetries) {
        float[][] sum = predictEncoded(encoder.encode(maps));
        if (!averageOverSymmetries) {
            return sum;
        }
        List<AugmentedTestSet.Transform> transforms = AugmentedTestSet.ROTFLIP.transforms();
        for (AugmentedTestSet.Transform t : transforms) {
            float[][] moved = new float[maps.length][];
            for (int i = 0; i < maps.length; i++) {
                moved[i] = t.apply(maps[i]);
            }
            float[][] p = predictEncoded(encoder.encode(moved));
            for (int i = 0; i < p.length; i++) {
                for (int c = 0; c < p[i].length; c++) {
                    sum[i][c] += p[i][c];
                }
            }
        }
        float views = transforms.size() + 1;
        for (float[] row : sum) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= views;
            }
        }
        return sum;
    }

    /** Class probabilities of inputs already encoded by {@link WaferInputEncoder}. */
    public float[][] predictEncoded(float[][] inputs) {
        float[][] out = new float[inputs.length][];
        int size = WaferInputEncoder.SIZE * WaferInputEncoder.SIZE;
        for (int start = 0; start < inputs.length; start += INFERENCE_BATCH) {
            int n = Math.min(INFERENCE_BATCH, inputs.length - start);
            float[] flat = new float[n * size];
            for (int i = 0; i < n; i++) {
                System.arraycopy(inputs[start + i], 0, flat, i * size, size);
            }
            try (NDManager manager = model.getNDManager().newSubManager()) {
                NDArray x = manager.create(flat, new Shape(n, 1, WaferInputEncoder.SIZE, WaferInputEncoder.SIZE));
                NDArray logits = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false)
                        .singletonOrThrow();
                float[] p = logits.softmax(1).toFloatArray();
                int k = classes.size();
                for (int i = 0; i < n; i++) {
                    float[] row = new float[k];
                    System.arraycopy(p, i * k, row, 0, k);
                    out[start + i] = row;
                }
            }
        }
        return out;
    }

    /** The index of the most probable class of each map. */
    public int[] classify(float[][] maps) {
        float[][] p = predict(maps);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = WaferPredictions.argMax(p[i]);
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
