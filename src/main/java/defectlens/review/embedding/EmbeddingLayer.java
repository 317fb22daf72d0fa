package defectlens.review.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import defectlens.core.DefectLensException;
import defectlens.review.ReviewJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which layer of a bundle's network is its embedding, as {@code model.json} names it in the optional field
 * {@code "embedding": {"layer": ..., "average_over_symmetries": ...}}. Wafer CNNs: {@value #WAFER_HIDDEN}, the input
 * of the last dense layer (the default), symmetry averaging as the bundle's inference setting unless the field says
 * otherwise. SEM classifiers: {@value #SEM_POOLED}, the feature maps at the explanation split averaged over their
 * positions (the default). Part of the cache key, so embeddings of another layer are never mixed up.
 *
 * @param layer the layer's name
 * @param averageOverSymmetries wafer only: whether each map's embedding is the mean over its 8 turned / mirrored copies
 */
public record EmbeddingLayer(String layer, boolean averageOverSymmetries) {
    public static final String WAFER_HIDDEN = "last-dense-input";
    public static final String SEM_POOLED = "pooled-split";

    /** The cache key: layer name and averaging. */
    public String key() {
        return layer + (averageOverSymmetries ? "+symmetries" : "");
    }

    /** The layer a {@link #key()} names. */
    public static EmbeddingLayer ofKey(String key) {
        boolean averaged = key.endsWith("+symmetries");
        return new EmbeddingLayer(averaged ? key.substring(0, key.length() - "+symmetries".length()) : key, averaged);
    }

    /** The embedding layer of a wafer bundle whose inference averages over symmetries or not. */
    public static EmbeddingLayer wafer(Path bundleDir, boolean bundleAverages) {
        JsonNode e = field(bundleDir);
        String layer = e.path("layer").asText(WAFER_HIDDEN);
        if (!WAFER_HIDDEN.equals(layer)) {
            throw new DefectLensException(bundleDir.resolve("model.json"), "embedding layer '" + layer
                    + "' is not one a wafer CNN offers (" + WAFER_HIDDEN + ")");
        }
        JsonNode avg = e.path("average_over_symmetries");
        return new EmbeddingLayer(layer, avg.isBoolean() ? avg.booleanValue() : bundleAverages);
    }

    /** The embedding layer of a SEM bundle. */
    public static EmbeddingLayer sem(Path bundleDir) {
        String layer = field(bundleDir).path("layer").asText(SEM_POOLED);
        if (!SEM_POOLED.equals(layer)) {
            throw new DefectLensException(bundleDir.resolve("model.json"), "embedding layer '" + layer
                    + "' is not one a SEM classifier offers (" + SEM_POOLED + ")");
        }
        return new EmbeddingLayer(layer, false);
    }

    private static JsonNode field(Path bundleDir) {
        Path json = bundleDir.resolve("model.json");
        if (!Files.isRegularFile(json)) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        try {
            return ReviewJson.PRETTY.readTree(json.toFile()).path("embedding");
        } catch (IOException e) {
            throw new DefectLensException(json, "cannot read the model description: " + e.getMessage(), e);
        }
    }
}
