package defectlens.wafer;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import defectlens.model.InferenceWorkers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wafer classifier of one {@link WaferVariant}: its network, class names in output order, the Radon
 * angles of its sinogram input and the provenance written to {@code model.json}. Classifies 64x64 maps
 * (background removed). It may be an ensemble ({@link #ensemble}): several networks of the same variant and
 * classes whose class probabilities are averaged; network 0 is the one {@link #block()} gives. Owns its DJL
 * {@link Model}s; close it when done. Inference runs each network through its own inference graph, or all of
 * them through one fused graph ({@link FusedWaferNetworks}, {@link #setFuseMembers}), whose weights are copied at
 * the first prediction: predict with a model only
 * once its weights are final (after loading or training). Thread-safe for inference (each call works under
 * its own {@link NDManager}).
 */
public final class WaferModel implements AutoCloseable {
    /**
     * Network inputs per forward call by default: 2 maps x 8 symmetric copies when averaging. Measured best
     * for the fused graph (docs/benchmarks.md, "Fab scale") and for one graph per network (idle rerun: 8 and 32
     * gave 39.6 and 28.7 maps/s against 40.6-42.3 at 16): larger calls make intermediate tensors of 32 MB
     * and more (the kernel-flip stage of two networks holds 1 MB per input), which the C allocator maps and
     * unmaps afresh at every call, and the per-map CPU time grows 2-5 times.
     */
    public static final int FORWARD_BATCH = 16;
    /**
     * Whether an ensemble's networks run as one fused graph by default ({@link #setFuseMembers}): no. Measured on
     * the idle 2-core machine (docs/benchmarks.md, "Fab scale", idle rerun): two workers end to end gave 35.3 maps/s
     * fused and 40.6-42.3 with one graph per network; a fused call's intermediate tensors (two networks' worth)
     * overflow the 64 MB heaps glibc gives each worker thread, which are then mapped and unmapped at every call.
     */
    public static final boolean FUSE_MEMBERS = false;

    private final Model model;
    private final List<Model> networks = new java.util.ArrayList<>();
    private final WaferVariant variant;
    private final WaferWidths widths;
    private final List<String> classes;
    private final int angles;
    private final Map<String, Object> provenance;
    private final WaferInputEncoder encoder;
    private volatile boolean averageOverSymmetries;
    private volatile boolean halfPrecisionWeights;
    private volatile int forwardBatch = FORWARD_BATCH;
    private volatile int inferenceWorkers = InferenceWorkers.byDefault();
    private volatile boolean fuseMembers = FUSE_MEMBERS;
    private List<FusedWaferNetworks> graphs;

    WaferModel(Model model, WaferVariant variant, WaferWidths widths, List<String> classes, int angles,
            Map<String, Object> provenance) {
        this.model = model;
        this.networks.add(model);
        this.variant = variant;
        this.widths = widths;
        this.classes = List.copyOf(classes);
        this.angles = angles;
        this.provenance = new LinkedHashMap<>(provenance);
        this.encoder = new WaferInputEncoder(variant, angles);
    }

    /** A new, randomly initialised network of the variant (the trainer's starting point). */
    static WaferModel create(WaferVariant variant, List<String> classes, int angles, Map<String, Object> provenance) {
        return create(variant, WaferWidths.PAPER, classes, angles, provenance);
    }

    /** A new, randomly initialised network of the variant at the given widths. */
    static WaferModel create(WaferVariant variant, WaferWidths widths, List<String> classes, int angles,
            Map<String, Object> provenance) {
        return new WaferModel(network(variant, widths, classes.size()), variant, widths, classes, angles, provenance);
    }

    private static Model network(WaferVariant variant, WaferWidths widths, int classCount) {
        Model model = Model.newInstance("wafer-" + variant.id());
        model.setBlock(WaferNetworks.build(variant, classCount, widths));
        return model;
    }

    private static void initialize(Model network) {
        network.getBlock().initialize(network.getNDManager(), DataType.FLOAT32, WaferNetworks.INPUT_SHAPE);
    }

    /** Initialises the parameters (loading or a standalone model; the trainer initialises via DJL's Trainer). */
    void initialize() {
        initialize(model);
    }

    /**
     * One model that averages the class probabilities of the networks of {@code parts} (same variant, classes
     * and Radon angles, else IllegalArgumentException), with the symmetry averaging, weight precision and
     * the given provenance. Takes ownership: close the ensemble, not the parts.
     */
    public static WaferModel ensemble(List<WaferModel> parts, Map<String, Object> provenance) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two models, got " + parts.size());
        }
        WaferModel first = parts.get(0);
        for (WaferModel m : parts) {
            if (m.variant != first.variant || !m.classes.equals(first.classes) || m.angles != first.angles
                    || !m.widths.equals(first.widths)) {
                throw new IllegalArgumentException("ensemble members differ: " + first.variant.id() + " " + first.classes
                        + " " + first.angles + " angles " + first.widths + " vs " + m.variant.id() + " " + m.classes
                        + " " + m.angles + " angles " + m.widths);
            }
        }
        WaferModel joined = new WaferModel(first.model, first.variant, first.widths, first.classes, first.angles,
                provenance);
        for (WaferModel m : parts) {
            for (Model net : m.networks) {
                if (net != first.model) {
                    joined.networks.add(net);
                }
            }
        }
        joined.averageOverSymmetries = first.averageOverSymmetries;
        joined.halfPrecisionWeights = first.halfPrecisionWeights;
        joined.forwardBatch = first.forwardBatch;
        joined.inferenceWorkers = first.inferenceWorkers;
        joined.fuseMembers = first.fuseMembers;
        return joined;
    }

    /** Adds a network loaded for an ensemble bundle (same variant and classes, initialised, weights set). */
    synchronized void addNetwork(Model network) {
        networks.add(network);
        closeGraphs();
    }

    /** A new, initialised network of this model's variant and classes, to load ensemble weights into. */
    Model newNetwork() {
        Model net = network(variant, widths, classes.size());
        initialize(net);
        return net;
    }

    /** How many networks average their probabilities (1 unless an ensemble). */
    public int networkCount() {
        return networks.size();
    }

    /** The block of network {@code i} ({@code 0 <= i < networkCount()}). */
    public Block networkBlock(int i) {
        return networks.get(i).getBlock();
    }

    /** Whether a bundle stores the weights as 16-bit floats (half the file; computing stays 32-bit). */
    public boolean halfPrecisionWeights() {
        return halfPrecisionWeights;
    }

    public void setHalfPrecisionWeights(boolean on) {
        this.halfPrecisionWeights = on;
    }

    public WaferVariant variant() {
        return variant;
    }

    /** The layer widths of the networks ({@link WaferWidths#PAPER} unless a narrowed student). */
    public WaferWidths widths() {
        return widths;
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
     * Same as {@code predict(encode(maps, averageOverSymmetries))}.
     */
    public float[][] predict(float[][] maps, boolean averageOverSymmetries) {
        return predict(encode(maps, averageOverSymmetries));
    }

    /**
     * The network inputs of {@code maps}: one per map, or each map and its seven turned / flipped copies when
     * averaging (for sinogram variants one Radon transform per map, permuted: {@link
     * WaferInputEncoder#encodeWithSymmetries}). No network work: a pipeline encodes the next batch on another
     * thread while {@link #predict(EncodedMaps)} runs the current one.
     */
    public EncodedMaps encode(float[][] maps, boolean averageOverSymmetries) {
        int copies = averageOverSymmetries ? WaferInputEncoder.SYMMETRIES : 1;
        float[][] inputs = copies == 1 ? encoder.encode(maps) : encoder.encodeWithSymmetries(maps);
        return new EncodedMaps(flatten(inputs, 0, inputs.length), maps.length, copies);
    }

    /**
     * Class probabilities of encoded maps (averaged over their copies): {@code forwardBatch() / copies} maps
     * and all their copies go through the networks of the model in one forward call per graph (one graph per
     * network, or one fused graph of all: {@link #fuseMembers()}).
     */
    public float[][] predict(EncodedMaps encoded) {
        int size = WaferInputEncoder.SIZE * WaferInputEncoder.SIZE;
        int copies = encoded.copies();
        int step = Math.max(1, forwardBatch / copies);
        float[][] out = new float[encoded.maps()][];
        List<FusedWaferNetworks> parts = graphs();
        for (int start = 0; start < encoded.maps(); start += step) {
            int n = Math.min(step, encoded.maps() - start);
            float[] chunk = java.util.Arrays.copyOfRange(encoded.inputs(), start * copies * size,
                    (start + n) * copies * size);
            float[][] p = parts.get(0).probabilities(chunk, n * copies, copies, classes.size());
            for (int g = 1; g < parts.size(); g++) {
                addInto(p, parts.get(g).probabilities(chunk, n * copies, copies, classes.size()));
            }
            System.arraycopy(parts.size() > 1 ? divide(p, parts.size()) : p, 0, out, start, n);
        }
        return out;
    }

    /** Network inputs back to back ({@code maps * copies} row-major 64x64 arrays), map-major. */
    public record EncodedMaps(float[] inputs, int maps, int copies) {}

    private static float[] flatten(float[][] inputs, int from, int to) {
        int size = WaferInputEncoder.SIZE * WaferInputEncoder.SIZE;
        float[] flat = new float[(to - from) * size];
        for (int i = from; i < to; i++) {
            System.arraycopy(inputs[i], 0, flat, (i - from) * size, size);
        }
        return flat;
    }

    /**
     * The inference graphs of the networks, built at first use (weights copied then): one graph of all networks
     * when {@link #fuseMembers()}, else one graph per network.
     */
    private synchronized List<FusedWaferNetworks> graphs() {
        if (graphs == null) {
            List<Block> blocks = new java.util.ArrayList<>();
            for (Model net : networks) {
                blocks.add(net.getBlock());
            }
            List<FusedWaferNetworks> made = new java.util.ArrayList<>();
            if (fuseMembers) {
                made.add(new FusedWaferNetworks(blocks, model.getNDManager()));
            } else {
                for (Block block : blocks) {
                    made.add(new FusedWaferNetworks(List.of(block), model.getNDManager()));
                }
            }
            graphs = List.copyOf(made);
        }
        return graphs;
    }

    private synchronized void closeGraphs() {
        if (graphs != null) {
            graphs.forEach(FusedWaferNetworks::close);
            graphs = null;
        }
    }

    /**
     * Whether the networks of an ensemble run as ONE fused graph (grouped convolutions over the members'
     * stacked channels) or each as its own graph, one forward call after the other ({@link #FUSE_MEMBERS} by
     * default; the same probabilities to float rounding).
     */
    public boolean fuseMembers() {
        return fuseMembers;
    }

    /** Chooses the fused or the per-network graphs (rebuilt at the next prediction). */
    public synchronized void setFuseMembers(boolean on) {
        if (on != fuseMembers) {
            fuseMembers = on;
            closeGraphs();
        }
    }

    /** Network inputs per forward call (a batch of maps times their symmetric copies when averaging). */
    public int forwardBatch() {
        return forwardBatch;
    }

    /** Sets the network inputs per forward call (memory against speed; {@link #FORWARD_BATCH} by default). */
    public void setForwardBatch(int inputs) {
        if (inputs < 1) {
            throw new IllegalArgumentException("forward batch must be >= 1, got " + inputs);
        }
        this.forwardBatch = inputs;
    }

    /**
     * Threads that run forward calls at once when a whole file is classified ({@link
     * WaferPredictions#classifyRows}); {@link InferenceWorkers#byDefault()} unless set.
     */
    public int inferenceWorkers() {
        return inferenceWorkers;
    }

    /** Sets the threads that run forward calls at once when a whole file is classified (at least one). */
    public void setInferenceWorkers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("inference workers must be >= 1, got " + workers);
        }
        this.inferenceWorkers = workers;
    }

    /**
     * Class probabilities of inputs already encoded by {@link WaferInputEncoder} (for an ensemble, the mean of
     * its networks' probabilities).
     */
    public float[][] predictEncoded(float[][] inputs) {
        return predict(new EncodedMaps(flatten(inputs, 0, inputs.length), inputs.length, 1));
    }

    /**
     * The same through each network's own DJL block, one forward call per network and batch (the reference
     * the fused graph is tested against).
     */
    float[][] predictEncodedPerNetwork(float[][] inputs) {
        return perNetwork(inputs);
    }

    /**
     * {@link #predict(float[][], boolean)} the way it ran before the fused graph: the same inputs, but each
     * network's own DJL block, one forward call per network and {@code forwardBatch()} inputs, and the
     * averages taken in Java. Kept as the reference that {@code bench wafer --reference-batch} times beside
     * the fused path in the same run.
     */
    public float[][] predictPerNetwork(float[][] maps, boolean averageOverSymmetries) {
        int copies = averageOverSymmetries ? WaferInputEncoder.SYMMETRIES : 1;
        int step = Math.max(1, forwardBatch / copies);
        float[][] out = new float[maps.length][];
        for (int start = 0; start < maps.length; start += step) {
            float[][] chunk = java.util.Arrays.copyOfRange(maps, start, Math.min(start + step, maps.length));
            float[][] p = perNetwork(copies == 1 ? encoder.encode(chunk) : encoder.encodeWithSymmetries(chunk));
            for (int i = 0; i < chunk.length; i++) {
                float[] row = p[i * copies];
                for (int k = 1; k < copies; k++) {
                    for (int c = 0; c < row.length; c++) {
                        row[c] += p[i * copies + k][c];
                    }
                }
                for (int c = 0; c < row.length && copies > 1; c++) {
                    row[c] /= copies;
                }
                out[start + i] = row;
            }
        }
        return out;
    }

    private float[][] perNetwork(float[][] inputs) {
        float[][] sum = predictEncoded(model, inputs);
        for (int k = 1; k < networks.size(); k++) {
            addInto(sum, predictEncoded(networks.get(k), inputs));
        }
        return networks.size() > 1 ? divide(sum, networks.size()) : sum;
    }

    private static void addInto(float[][] sum, float[][] p) {
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < p[i].length; c++) {
                sum[i][c] += p[i][c];
            }
        }
    }

    private static float[][] divide(float[][] sum, int n) {
        for (float[] row : sum) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= n;
            }
        }
        return sum;
    }

    private float[][] predictEncoded(Model network, float[][] inputs) {
        float[][] out = new float[inputs.length][];
        int size = WaferInputEncoder.SIZE * WaferInputEncoder.SIZE;
        for (int start = 0; start < inputs.length; start += forwardBatch) {
            int n = Math.min(forwardBatch, inputs.length - start);
            float[] flat = new float[n * size];
            for (int i = 0; i < n; i++) {
                System.arraycopy(inputs[start + i], 0, flat, i * size, size);
            }
            try (NDManager manager = network.getNDManager().newSubManager()) {
                NDArray x = manager.create(flat, new Shape(n, 1, WaferInputEncoder.SIZE, WaferInputEncoder.SIZE));
                NDArray logits = network.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false)
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
    public synchronized void close() {
        closeGraphs();
        networks.forEach(Model::close);
    }
}
