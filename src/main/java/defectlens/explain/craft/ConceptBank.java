package defectlens.explain.craft;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defectlens.core.DefectLensException;
import defectlens.image.NpyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The concepts CRAFT found for one class of one model: {@code rank} non-negative directions in the
 * split layer's channel space ({@code concepts}, row-major {@code (rank, channels)}), their Sobol
 * total-index importances, the non-negativity policy with its per-channel offsets, and the fit's
 * provenance (crops, patch size, seed, NMF reconstruction error). Saved as a folder:
 * {@code bank.json} beside {@code concepts.npy}.
 */
public record ConceptBank(String model, String splitLayer, String className, int classIndex, ActivationPolicy policy,
        float[] offsets, int rank, int channels, float[] concepts, double[] importance, double reconstructionError,
        int nmfIterations, int patchSize, int crops, long seed, int sobolDesigns) {

    static final String JSON = "bank.json";
    static final String CONCEPTS = "concepts.npy";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ConceptBank {
        if (concepts.length != rank * channels || importance.length != rank || offsets.length != channels) {
            throw new IllegalArgumentException("concept bank of rank " + rank + " over " + channels
                    + " channels has inconsistent arrays");
        }
    }

    /** The folder of a model's bank for a class: {@code root/<model>/<class>}, names made file-safe. */
    public static Path folderFor(Path root, String model, String className) {
        return root.resolve(safe(model)).resolve(safe(className));
    }

    private static String safe(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
    }

    /** Concepts ordered by decreasing importance (indices). */
    public int[] byImportance() {
        return java.util.stream.IntStream.range(0, rank).boxed()
                .sorted((a, b) -> Double.compare(importance[b], importance[a])).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Non-negative activations as CRAFT sees them: {@code (channels, cells)} channel-major
     * activations to a {@code (cells, channels)} row-major matrix after the bank's policy.
     */
    public float[] nonNegative(float[] activations, int cells) {
        return apply(policy, offsets, activations, channels, cells);
    }

    static float[] apply(ActivationPolicy policy, float[] offsets, float[] activations, int channels, int cells) {
        float[] out = new float[cells * channels];
        for (int k = 0; k < channels; k++) {
            float off = policy == ActivationPolicy.SHIFT ? offsets[k] : 0f;
            for (int i = 0; i < cells; i++) {
                out[i * channels + k] = Math.max(activations[k * cells + i] - off, 0f);
            }
        }
        return out;
    }

    /** Writes {@code bank.json} and {@code concepts.npy} into {@code folder}. */
    public void save(Path folder) {
        try {
            Files.createDirectories(folder);
            NpyFile.write(folder.resolve(CONCEPTS), concepts, rank, channels);
            Meta meta = new Meta(model, splitLayer, className, classIndex, policy.name(), policy.describe(), offsets,
                    rank, channels, importance, reconstructionError, nmfIterations, patchSize, crops, seed, sobolDesigns);
            MAPPER.writeValue(folder.resolve(JSON).toFile(), meta);
        } catch (IOException e) {
            throw new DefectLensException(folder, "cannot save concept bank: " + e.getMessage(), e);
        }
    }

    /** Reads a bank saved by {@link #save}. */
    public static ConceptBank load(Path folder) {
        Path json = folder.resolve(JSON);
        if (!Files.isRegularFile(json)) {
            throw new DefectLensException(folder, "not a concept bank (" + JSON + " missing)");
        }
        try {
            Meta m = MAPPER.readValue(json.toFile(), Meta.class);
            NpyFile.Array c = NpyFile.read(folder.resolve(CONCEPTS));
            if (c.shape().length != 2 || c.shape()[0] != m.rank() || c.shape()[1] != m.channels()) {
                throw new DefectLensException(folder.resolve(CONCEPTS), "shape does not match " + JSON);
            }
            return new ConceptBank(m.model(), m.splitLayer(), m.className(), m.classIndex(),
                    ActivationPolicy.valueOf(m.policy()), m.offsets(), m.rank(), m.channels(), c.data(), m.importance(),
                    m.reconstructionError(), m.nmfIterations(), m.patchSize(), m.crops(), m.seed(), m.sobolDesigns());
        } catch (IOException | IllegalArgumentException e) {
            throw new DefectLensException(json, "cannot read concept bank: " + e.getMessage(), e);
        }
    }

    /** The JSON layout of {@code bank.json}. */
    record Meta(String model, String splitLayer, String className, int classIndex, String policy,
            String policyDescription, float[] offsets, int rank, int channels, double[] importance,
            double reconstructionError, int nmfIterations, int patchSize, int crops, long seed, int sobolDesigns) {
    }
}
