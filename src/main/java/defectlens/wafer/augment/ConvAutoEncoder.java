package defectlens.wafer.augment;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
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
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The convolutional auto-encoder of the stacking-ensemble paper (Choi, Suh and Otto 2023) for 32 x 32 wafer maps
 * coded by {@link DieStateCoding}. Encoder: 3 x 3 convolution (32 filters, padding 1) + ReLU + 2 x 2 max-pooling,
 * then 3 x 3 convolution (64 filters) + ReLU + 2 x 2 max-pooling: a latent code of 64 x 8 x 8. Decoder, the mirror:
 * 3 x 3 convolution (64) + ReLU + 2 x 2 nearest up-sampling, 3 x 3 convolution (32) + ReLU + 2 x 2 up-sampling,
 * 3 x 3 convolution to 16 channels, their mean (one channel; the mean of 16 convolutions is one convolution, so
 * this is the paper's single output convolution written so that oneDNN never runs a 32 -> 1 convolution, whose
 * AVX2 kernels made the training NaN on the shared machine) and a sigmoid. (The paper states the layer kinds, not the channel counts; 32 and
 * 64 are ours. Up-sampling rather than transposed convolution: DJL's PyTorch engine does not implement
 * deconvolution.)
 *
 * <p>A saved auto-encoder is a folder: {@code cae.json} (architecture, coding, training provenance) beside
 * {@code cae.params} ({@code Block.saveParameters}). Not thread-safe for training; encoding and decoding work under
 * their own sub-manager per call.
 */
public final class ConvAutoEncoder implements LatentCodec, AutoCloseable {
    /** The architecture name in {@code cae.json}. */
    public static final String ARCHITECTURE = "wafer-cae-32";
    /** The latent code's channels. */
    public static final int LATENT_CHANNELS = 64;
    /** The latent code's side. */
    public static final int LATENT_SIDE = DieStateCoding.SIZE / 4;
    /** The input shape of one batch of one map. */
    public static final Shape INPUT_SHAPE = new Shape(1, 1, DieStateCoding.SIZE, DieStateCoding.SIZE);
    static final String METADATA = "cae.json";
    static final String WEIGHTS = "cae.params";
    private static final int FIRST_CHANNELS = 32;
    /** Channels of the last convolution before their mean (oneDNN computed a 32 -> 1 convolution wrongly). */
    private static final int OUTPUT_CHANNELS = 16;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Model model;
    private final SequentialBlock encoder;
    private final SequentialBlock decoder;
    private final Map<String, Object> provenance = new LinkedHashMap<>();

    private ConvAutoEncoder() {
        encoder = new SequentialBlock()
                .add(conv(FIRST_CHANNELS)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(LATENT_CHANNELS)).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)));
        decoder = new SequentialBlock()
                .add(conv(LATENT_CHANNELS)).add(Activation.reluBlock()).add(upsample())
                .add(conv(FIRST_CHANNELS)).add(Activation.reluBlock()).add(upsample())
                .add(conv(OUTPUT_CHANNELS)).add(channelMean()).add(Activation.sigmoidBlock());
        model = Model.newInstance("wafer-cae");
        model.setBlock(new SequentialBlock().add(encoder).add(decoder));
    }

    /** A new, uninitialised auto-encoder (a DJL {@code Trainer} initialises it). */
    public static ConvAutoEncoder create() {
        return new ConvAutoEncoder();
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
    }

    /** The mean over the channels: one output channel (a fixed linear map, so still one 3 x 3 convolution). */
    private static Block channelMean() {
        return new LambdaBlock(x -> new NDList(x.singletonOrThrow().mean(new int[] {1}, true)), "channelMean");
    }

    /** 2 x 2 nearest up-sampling (every value repeated along height and width). */
    private static Block upsample() {
        return new LambdaBlock(x -> new NDList(x.singletonOrThrow().repeat(2, 2).repeat(3, 2)), "upsample2x");
    }

    /** The DJL model holding the whole network (encoder then decoder), for training. */
    Model djlModel() {
        return model;
    }

    /** Facts about the training, written into {@code cae.json}. */
    public Map<String, Object> provenance() {
        return provenance;
    }

    void putProvenance(String key, Object value) {
        provenance.put(key, value);
    }

    /** Latent codes ({@value #LATENT_CHANNELS} x 8 x 8, flattened) of coded 32 x 32 maps. */
    @Override
    public float[][] encode(float[][] coded) {
        return run(encoder, coded, new Shape(coded.length, 1, DieStateCoding.SIZE, DieStateCoding.SIZE));
    }

    /** Coded 32 x 32 maps (values in [0, 1]) decoded from flattened latent codes. */
    @Override
    public float[][] decode(float[][] latent) {
        return run(decoder, latent, new Shape(latent.length, LATENT_CHANNELS, LATENT_SIDE, LATENT_SIDE));
    }

    private float[][] run(Block block, float[][] rows, Shape shape) {
        if (rows.length == 0) {
            return new float[0][];
        }
        int width = (int) (shape.size() / rows.length);
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, not " + width);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(flat, shape);
            NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            float[] out = y.toType(DataType.FLOAT32, false).toFloatArray();
            int outWidth = out.length / rows.length;
            float[][] result = new float[rows.length][outWidth];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(out, i * outWidth, result[i], 0, outWidth);
            }
            return result;
        }
    }

    /** Writes {@code cae.json} and {@code cae.params} into {@code dir} (created if needed). */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Path params = dir.resolve(WEIGHTS + ".tmp");
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(params));
                    DataOutputStream out = new DataOutputStream(os)) {
                model.getBlock().saveParameters(out);
            }
            Path json = dir.resolve(METADATA + ".tmp");
            JSON.writeValue(json.toFile(), metadata());
            Files.move(params, dir.resolve(WEIGHTS), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(json, dir.resolve(METADATA), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot write the auto-encoder: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", ARCHITECTURE);
        m.put("input", Map.of("height", DieStateCoding.SIZE, "width", DieStateCoding.SIZE, "channels", 1,
                "coding", "nearest resize to 32x32; no die 0, pass 0.5, fail 1"));
        m.put("latent", new int[] {LATENT_CHANNELS, LATENT_SIDE, LATENT_SIDE});
        m.put("weights", WEIGHTS);
        m.put("provenance", provenance);
        return m;
    }

    /** Whether {@code dir} holds a saved auto-encoder ({@code cae.json}). */
    public static boolean isSaved(Path dir) {
        return Files.isRegularFile(dir.resolve(METADATA));
    }

    /** Reads a saved auto-encoder; every problem names the file. */
    @SuppressWarnings("unchecked")
    public static ConvAutoEncoder load(Path dir) {
        Path json = dir.resolve(METADATA);
        if (!Files.isRegularFile(json)) {
            throw new DefectLensException(dir, "not an auto-encoder folder: no " + METADATA);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new DefectLensException(json, "not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !ARCHITECTURE.equals(root.path("architecture").asText())) {
            throw new DefectLensException(json, "architecture is '" + (root == null ? "" : root.path("architecture")
                    .asText()) + "', expected " + ARCHITECTURE);
        }
        Path params = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(params)) {
            throw new DefectLensException(params, "weights file is missing");
        }
        ConvAutoEncoder cae = new ConvAutoEncoder();
        try (InputStream is = new BufferedInputStream(Files.newInputStream(params));
                DataInputStream in = new DataInputStream(is)) {
            cae.model.getBlock().initialize(cae.model.getNDManager(), DataType.FLOAT32, INPUT_SHAPE);
            cae.model.getBlock().loadParameters(cae.model.getNDManager(), in);
            if (in.read() != -1) {
                throw new MalformedModelException("bytes left after the last parameter");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            cae.close();
            throw new DefectLensException(params, "weights do not fit the " + ARCHITECTURE + " auto-encoder: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (root.path("provenance").isObject()) {
            cae.provenance.putAll(JSON.convertValue(root.path("provenance"), Map.class));
        }
        return cae;
    }

    @Override
    public void close() {
        model.close();
    }
}
