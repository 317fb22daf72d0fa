package defectlens.wafer;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defectlens.core.DefectLensException;
import defectlens.model.ManifestFile;
import defectlens.model.ManifestRules;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wafer model on disk: a folder with {@code model.json} (format, name, architecture, variant, class
 * names in output order, Radon angles, input description, training provenance) beside the DJL weights
 * {@code model.params} ({@code Block.saveParameters}, or 16-bit {@link HalfPrecisionWeights} when
 * {@code weights_dtype} is {@code float16}); an ensemble lists its further networks' weight files under
 * {@code ensemble.weights}; {@code inference} holds the symmetry averaging and, when not the default
 * {@link WaferModel#FORWARD_BATCH}, the network inputs per forward call measured best for the bundle
 * ({@code forward_batch}). Files are written to temporary names and moved into
 * place, so a failed save leaves an existing bundle intact.
 */
public final class WaferModelBundle {
    public static final String FORMAT = "defectlens-wafer-cnn";
    public static final String METADATA = ManifestFile.NAME;
    public static final String WEIGHTS = "model.params";
    /** {@code weights_dtype} of bundles stored by {@link HalfPrecisionWeights}; absent = DJL's 32-bit format. */
    public static final String FLOAT16 = "float16";
    /** The most Radon angles a bundle may ask for. */
    static final int MAX_ANGLES = 1024;
    /** The most network inputs per forward call a bundle may ask for ({@code inference.forward_batch}). */
    static final int MAX_FORWARD_BATCH = 4096;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private WaferModelBundle() {
    }

    /** Writes the bundle into {@code dir} (created if needed). */
    public static void save(WaferModel model, Path dir) {
        try {
            Files.createDirectories(dir);
            List<String> names = weightFiles(model);
            for (int k = 0; k < names.size(); k++) {
                Path params = dir.resolve(names.get(k) + ".tmp");
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(params));
                        DataOutputStream out = new DataOutputStream(os)) {
                    if (model.halfPrecisionWeights()) {
                        HalfPrecisionWeights.save(model.networkBlock(k), out);
                    } else {
                        model.networkBlock(k).saveParameters(out);
                    }
                }
            }
            Path json = dir.resolve(METADATA + ".tmp");
            JSON.writeValue(json.toFile(), metadata(model));
            for (String name : names) {
                Files.move(dir.resolve(name + ".tmp"), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(json, dir.resolve(METADATA), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot write the wafer model bundle: " + e.getMessage(), e);
        }
    }

    /** {@code model.params}, then {@code member-2.params}, ... for the further networks of an ensemble. */
    private static List<String> weightFiles(WaferModel model) {
        List<String> names = new ArrayList<>();
        names.add(WEIGHTS);
        for (int k = 1; k < model.networkCount(); k++) {
            names.add("member-" + (k + 1) + ".params");
        }
        return names;
    }

    static Map<String, Object> metadata(WaferModel model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        boolean narrowed = !model.widths().equals(WaferWidths.PAPER);
        m.put("name", "wafer-" + model.variant().id() + (narrowed ? "-student-" : "-") + model.classes().size()
                + "classes");
        m.put("architecture", "wafer-cnn");
        m.put("variant", model.variant().id());
        if (narrowed) {
            m.put("widths", model.widths().toJson());
        }
        m.put("classes", model.classes());
        m.put("angles", model.angles());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("channels", 1);
        input.put("height", WaferInputEncoder.SIZE);
        input.put("width", WaferInputEncoder.SIZE);
        input.put("encoding", model.variant().sinogramInput() ? "sinogram" : "map");
        input.put("preprocessing", "nearest resize to 64x64, 1 where a die failed else 0");
        m.put("input", input);
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("features", "flatten");
        split.put("head", "fc");
        m.put("split", split);
        m.put("weights", WEIGHTS);
        if (model.halfPrecisionWeights()) {
            m.put("weights_dtype", FLOAT16);
        }
        if (model.networkCount() > 1) {
            Map<String, Object> ensemble = new LinkedHashMap<>();
            ensemble.put("combine", "mean of the networks' class probabilities");
            ensemble.put("weights", weightFiles(model).subList(1, model.networkCount()));
            m.put("ensemble", ensemble);
        }
        Map<String, Object> inference = new LinkedHashMap<>();
        inference.put("average_over_symmetries", model.averageOverSymmetries());
        if (model.forwardBatch() != WaferModel.FORWARD_BATCH) {
            inference.put("forward_batch", model.forwardBatch());
        }
        m.put("inference", inference);
        m.put("provenance", model.provenance());
        return m;
    }

    /** Reads a bundle; errors name the file and the problem. */
    public static WaferModel load(Path dir) {
        Path json = dir.resolve(METADATA);
        JsonNode root = ManifestFile.read(dir);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new DefectLensException(json, "format is '" + root.path("format").asText() + "', expected " + FORMAT);
        }
        WaferVariant variant;
        try {
            variant = WaferVariant.parse(root.path("variant").asText());
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(json, e.getMessage());
        }
        ManifestRules rules = new ManifestRules(dir, json);
        List<String> classes = rules.classNames(root, "classes", 2);
        int angles = root.has("angles") ? rules.positive(root, "angles", MAX_ANGLES) : WaferPreprocessing.SIZE;
        if (root.has("input")) {
            rules.input(root, "input", false);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> provenance = root.has("provenance")
                ? JSON.convertValue(root.get("provenance"), LinkedHashMap.class) : new LinkedHashMap<>();
        Path params = root.has("weights") ? rules.weightFiles(root, "weights").get(0) : dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(params)) {
            throw new DefectLensException(params, "weights file is missing");
        }
        String dtype = root.path("weights_dtype").asText("float32");
        if (!dtype.equals("float32") && !dtype.equals(FLOAT16)) {
            throw new DefectLensException(json, "weights_dtype is '" + dtype + "', expected float32 or " + FLOAT16);
        }
        boolean half = dtype.equals(FLOAT16);
        List<Path> members = root.path("ensemble").has("weights")
                ? rules.weightFiles(root, "ensemble.weights") : List.of();
        WaferWidths widths = widths(root, json);
        WaferModel model = WaferModel.create(variant, widths, classes, angles, provenance);
        model.setAverageOverSymmetries(root.path("inference").path("average_over_symmetries").asBoolean(false));
        if (root.path("inference").has("forward_batch")) {
            JsonNode batch = root.path("inference").get("forward_batch");
            if (!batch.isInt() || batch.asInt() < 1 || batch.asInt() > MAX_FORWARD_BATCH) {
                model.close();
                throw new DefectLensException(json, "inference.forward_batch must be a whole number in 1.."
                        + MAX_FORWARD_BATCH + ", found " + batch);
            }
            model.setForwardBatch(batch.asInt());
        }
        model.setHalfPrecisionWeights(half);
        Path reading = params;
        try {
            model.initialize();
            Model djl = model.djlModel();
            readWeights(djl, params, half);
            for (Path member : members) {
                reading = member;
                Model net = model.newNetwork();
                model.addNetwork(net); // closed with the model from here on
                readWeights(net, member, half);
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new DefectLensException(reading, "weights do not fit a " + variant.id() + " network for "
                    + classes.size() + " classes: " + e.getMessage(), e);
        }
        return model;
    }

    /** {@code widths} of {@code model.json}, the paper's when absent. */
    private static WaferWidths widths(JsonNode root, Path json) {
        JsonNode w = root.get("widths");
        if (w == null) {
            return WaferWidths.PAPER;
        }
        try {
            return new WaferWidths(integers(w.get("filters"), "widths.filters"), integers(w.get("hidden"),
                    "widths.hidden"));
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(json, e.getMessage());
        }
    }

    private static List<Integer> integers(JsonNode array, String field) {
        if (array == null || !array.isArray() || array.size() > 16) {
            throw new IllegalArgumentException(field + " must be a short array of whole numbers");
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.isInt()) {
                throw new IllegalArgumentException(field + " must hold whole numbers, found " + n);
            }
            out.add(n.asInt());
        }
        return out;
    }

    private static void readWeights(Model network, Path file, boolean half) throws IOException, MalformedModelException {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
                DataInputStream in = new DataInputStream(is)) {
            if (half) {
                HalfPrecisionWeights.load(network.getBlock(), in);
            } else {
                network.getBlock().loadParameters(network.getNDManager(), in);
            }
        }
    }
}
