package defectlens.review.embedding;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.image.NpyFile;
import defectlens.review.ReviewJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A model's embeddings of a data set on disk, kept beside its cached predictions and invalidated the same way:
 * {@code vectors.npy}, {@code logits.npy}, {@code probabilities.npy} (float32, NaN rows = not computed yet) and
 * {@code meta.json} (model weights SHA-256, data fingerprint, embedding layer, classes, items), written arrays first
 * and meta last, each through a temporary file. A cache of other weights, other data or another layer is not used.
 */
public final class EmbeddingCache {
    public static final String META = "meta.json";
    static final String VECTORS = "vectors.npy";
    static final String LOGITS = "logits.npy";
    static final String PROBABILITIES = "probabilities.npy";
    /**
     * Version of what the cache holds; a cache of another version is computed again. 2: the logits of a
     * sliding-window SEM model follow its windows ({@code defectlens.model.WindowedHead}), 1: pooled over the frame.
     */
    static final int FORMAT = 2;

    /** What meta.json holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(int format, String modelSha256, String dataFingerprint, String layer, List<String> classes,
            int items, int dimension, int embedded) {
    }

    private EmbeddingCache() {
    }

    /** Writes the table into {@code dir} (created if needed), replacing an older cache there. */
    public static void save(Path dir, EmbeddingTable t, String modelSha, String dataFingerprint, String layer) {
        int c = t.classes().size();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw OutputFile.problem(dir, e);
        }
        OutputFile.write(dir.resolve(VECTORS), true,
                out -> out.write(NpyFile.encode(t.vectorArray(), t.size(), t.dimension())));
        OutputFile.write(dir.resolve(LOGITS), true, out -> out.write(NpyFile.encode(t.logitArray(), t.size(), c)));
        OutputFile.write(dir.resolve(PROBABILITIES), true,
                out -> out.write(NpyFile.encode(t.probabilityArray(), t.size(), c)));
        Meta meta = new Meta(FORMAT, modelSha, dataFingerprint, layer, t.classes(), t.size(), t.dimension(), t.doneCount());
        OutputFile.write(dir.resolve(META), true, out -> ReviewJson.PRETTY.writeValue(out, meta));
    }

    /**
     * The cached table when it was made by the model with these weights, at this layer, on the data with this
     * fingerprint; empty when there is none or it belongs to something else.
     */
    public static Optional<EmbeddingTable> load(Path dir, String modelSha, String dataFingerprint, String layer) {
        Path metaFile = dir.resolve(META);
        if (!Files.isRegularFile(metaFile)) {
            return Optional.empty();
        }
        Meta m;
        try {
            m = ReviewJson.PRETTY.readValue(metaFile.toFile(), Meta.class);
        } catch (IOException e) {
            throw new DefectLensException(metaFile, "cannot read the embeddings metadata: " + e.getMessage(), e);
        }
        if (m == null || m.format() != FORMAT || !modelSha.equals(m.modelSha256()) || !dataFingerprint.equals(m.dataFingerprint())
                || !layer.equals(m.layer()) || m.classes() == null) {
            return Optional.empty();
        }
        NpyFile.Array v = NpyFile.read(dir.resolve(VECTORS));
        NpyFile.Array l = NpyFile.read(dir.resolve(LOGITS));
        NpyFile.Array p = NpyFile.read(dir.resolve(PROBABILITIES));
        if (v.data().length != (long) m.items() * m.dimension()) {
            return Optional.empty(); // written by a run that stopped between two files: computed again
        }
        try {
            return Optional.of(EmbeddingTable.of(m.classes(), m.dimension(), v.data(), l.data(), p.data()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The embeddings of {@code rows} (null: all) of {@code data}: the cached ones, the missing ones computed (saved
     * every few seconds, so a cancel keeps them). Rows not asked for may stay empty. A null {@code cacheDir}: no
     * cache, everything computed.
     */
    public static EmbeddingTable wafer(WaferEmbedder embedder, EmbeddingLayer layer, defectlens.wafer.WaferDataset data,
            int[] rows, Path cacheDir, String modelSha, String dataFingerprint, defectlens.core.Progress progress) {
        EmbeddingTable table = (cacheDir == null ? Optional.<EmbeddingTable>empty()
                : load(cacheDir, modelSha, dataFingerprint, layer.key()))
                .filter(t -> t.size() == data.size() && t.dimension() == embedder.dimension())
                .orElseGet(() -> EmbeddingTable.empty(data.size(), embedder.dimension(), embedder.classes()));
        new EmbeddingRun(t -> {
            if (cacheDir != null) {
                save(cacheDir, t, modelSha, dataFingerprint, layer.key());
            }
        }).wafer(embedder, data, rows, table, progress);
        return table;
    }

    /**
     * Where the embeddings of a model on a data set opened without a review are kept: beside the predictions cache,
     * {@code <cache>/defectlens/embeddings/<data>-<model>} (the predictions' folder name); null when the user cache
     * is turned off (as the predictions cache).
     */
    public static Path userCacheDir(String dataFingerprint, String modelSha) {
        Path predictions = defectlens.review.PredictionCache.userCacheDir(dataFingerprint, modelSha);
        if (predictions == null) {
            return null;
        }
        return predictions.getParent().resolveSibling("embeddings").resolve(predictions.getFileName());
    }
}
