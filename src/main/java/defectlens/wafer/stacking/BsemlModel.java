package defectlens.wafer.stacking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPredictions;
import defectlens.wafer.WaferRowClassifier;
import defectlens.wafer.features.FeatureExtractor;
import defectlens.wafer.features.WaferFeatures;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A BSEML wafer model bundle: the 59 features of a map, standardised, through the {@link StackingEnsemble} with
 * an XGBoost meta level. On disk a folder with {@code model.json} (format {@value #FORMAT}, classes, feature names,
 * scaler, learners, SHA-256 of every weight file, provenance) and the gzipped models: {@code base-rf.ubj.gz} and
 * {@code meta.ubj.gz} in XGBoost's binary JSON format, {@code base-dt.tribuo.gz} and {@code base-svm.tribuo.gz} in
 * Tribuo's protobuf format, {@code base-knn.bin.gz} the {@link NearestNeighbours} reference rows as float32.
 */
public final class BsemlModel implements WaferRowClassifier {
    /** The {@code format} of model.json. */
    public static final String FORMAT = "defectlens-wafer-bseml";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final List<String> classes;
    private final FeatureScaler scaler;
    private final StackingEnsemble ensemble;
    private final Map<String, Object> provenance;

    public BsemlModel(List<String> classes, FeatureScaler scaler, StackingEnsemble ensemble,
            Map<String, Object> provenance) {
        this.classes = List.copyOf(classes);
        this.scaler = scaler;
        this.ensemble = ensemble;
        this.provenance = new LinkedHashMap<>(provenance);
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    public Map<String, Object> provenance() {
        return provenance;
    }

    public StackingEnsemble ensemble() {
        return ensemble;
    }

    /** Class probabilities of each map. */
    public float[][] predict(List<WaferMap> maps) {
        double[][] p = ensemble.probabilities(scaler.apply(FeatureExtractor.all(maps)));
        float[][] out = new float[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = new float[p[i].length];
            for (int c = 0; c < p[i].length; c++) {
                out[i][c] = (float) p[i][c];
            }
        }
        return out;
    }

    @Override
    public int classifyRows(WaferDataset data, List<Integer> rows, int batchSize, WaferPredictions.BatchSink sink,
            Progress progress) throws IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        int n = rows.size();
        int done = 0;
        progress.update(0, n, "0/" + n + " maps");
        while (done < n && !progress.isCancelled()) {
            List<Integer> batch = rows.subList(done, Math.min(done + batchSize, n));
            List<WaferMap> maps = new ArrayList<>(batch.size());
            batch.forEach(r -> maps.add(data.get(r)));
            sink.accept(batch, predict(maps));
            done += batch.size();
            progress.update(done, n, done + "/" + n + " maps");
        }
        return done;
    }

    /** Whether a folder holds a BSEML bundle (its model.json says so). */
    public static boolean isBundle(Path dir) {
        Path json = dir.resolve("model.json");
        if (!Files.isRegularFile(json)) {
            return false;
        }
        try {
            return FORMAT.equals(JSON.readTree(json.toFile()).path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    private static String file(BaseLearner learner) {
        switch (learner) {
            case RANDOM_FOREST:
                return "base-rf.ubj.gz";
            case K_NEAREST_NEIGHBOURS:
                return "base-knn.bin.gz";
            default:
                return "base-" + learner.id() + ".tribuo.gz";
        }
    }

    /** Writes the bundle into {@code dir} (created if needed). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> hashes = new LinkedHashMap<>();
        List<String> learners = new ArrayList<>();
        for (int b = 0; b < ensemble.learners().size(); b++) {
            BaseLearner learner = ensemble.learners().get(b);
            Path f = dir.resolve(file(learner));
            ProbabilityClassifier base = ensemble.bases().get(b);
            if (base instanceof BoostedTrees t) {
                t.save(f);
            } else if (base instanceof NearestNeighbours knn) {
                try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(f)))) {
                    knn.write(out);
                }
            } else {
                ((TribuoClassifier) base).save(f);
            }
            learners.add(learner.id());
            hashes.put(f.getFileName().toString(), sha256(f));
        }
        ((BoostedTrees) ensemble.meta()).save(dir.resolve("meta.ubj.gz"));
        hashes.put("meta.ubj.gz", sha256(dir.resolve("meta.ubj.gz")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("name", dir.getFileName().toString());
        m.put("architecture", "BSEML: 59 wafer features -> RF, DT, k-NN, SVM (out-of-fold probabilities) -> XGBoost");
        m.put("classes", classes);
        m.put("features", WaferFeatures.featureNames());
        m.put("learners", learners);
        m.put("scaler", Map.of("mean", scaler.mean(), "scale", scaler.scale()));
        m.put("sha256", hashes);
        m.put("provenance", provenance);
        JSON.writeValue(dir.resolve("model.json").toFile(), m);
    }

    /** Reads a bundle written by {@link #save(Path)}; a broken or tampered bundle is a DefectLensException. */
    public static BsemlModel load(Path dir) {
        Path json = dir.resolve("model.json");
        try {
            JsonNode root = JSON.readTree(json.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new DefectLensException(json, "not a BSEML bundle (format " + root.path("format") + ")");
            }
            List<String> classes = new ArrayList<>();
            root.path("classes").forEach(c -> classes.add(c.asText()));
            if (!WaferFeatures.featureNames().equals(JSON.convertValue(root.path("features"), List.class))) {
                throw new DefectLensException(json, "made for other features than the 59 of this version");
            }
            double[] mean = JSON.convertValue(root.path("scaler").path("mean"), double[].class);
            double[] scale = JSON.convertValue(root.path("scaler").path("scale"), double[].class);
            if (classes.size() < 2 || mean == null || scale == null || mean.length != WaferFeatures.COUNT
                    || scale.length != WaferFeatures.COUNT) {
                throw new DefectLensException(json, "needs at least 2 classes and a scaler of 59 means and scales");
            }
            List<BaseLearner> learners = new ArrayList<>();
            List<ProbabilityClassifier> bases = new ArrayList<>();
            for (JsonNode id : root.path("learners")) {
                BaseLearner learner = parse(json, id.asText());
                Path f = checked(dir, root, file(learner));
                learners.add(learner);
                bases.add(loadBase(learner, f, classes));
            }
            BoostedTrees meta = BoostedTrees.load(checked(dir, root, "meta.ubj.gz"), classes);
            @SuppressWarnings("unchecked")
            Map<String, Object> provenance = root.has("provenance")
                    ? JSON.convertValue(root.get("provenance"), LinkedHashMap.class) : new LinkedHashMap<>();
            return new BsemlModel(classes, new FeatureScaler(mean, scale),
                    new StackingEnsemble(learners, bases, meta), provenance);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DefectLensException d) {
                throw d;
            }
            throw new DefectLensException(dir, "not a readable BSEML bundle: " + e.getMessage(), e);
        }
    }

    private static ProbabilityClassifier loadBase(BaseLearner learner, Path f, List<String> classes)
            throws IOException {
        switch (learner) {
            case RANDOM_FOREST:
                return BoostedTrees.load(f, classes);
            case K_NEAREST_NEIGHBOURS:
                try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(f)))) {
                    return NearestNeighbours.read(in, classes.size());
                }
            default:
                return TribuoClassifier.load(f, classes);
        }
    }

    private static BaseLearner parse(Path json, String id) {
        for (BaseLearner l : BaseLearner.values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new DefectLensException(json, "unknown base learner '" + id + "'");
    }

    private static Path checked(Path dir, JsonNode root, String name) throws IOException {
        Path f = dir.resolve(name);
        String expected = root.path("sha256").path(name).asText("");
        if (!Files.isRegularFile(f)) {
            throw new DefectLensException(f, "missing from the BSEML bundle");
        }
        if (!expected.equals(sha256(f))) {
            throw new DefectLensException(f, "SHA-256 differs from model.json: the file was changed or damaged");
        }
        return f;
    }

    /** SHA-256 of a file, hex. */
    static String sha256(Path f) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
