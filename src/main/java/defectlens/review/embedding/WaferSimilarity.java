package defectlens.review.embedding;

import defectlens.core.Progress;
import defectlens.review.DataFingerprint;
import defectlens.review.ModelFingerprint;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import java.nio.file.Path;
import java.util.List;

/**
 * "More like this" over the maps of a wafer file, as the CLI and the window open it: the model's embeddings of
 * every map (cached in the user's cache beside the predictions; above {@value SimilarItems#EXACT_LIMIT} maps kept
 * projected by {@link ProjectedEmbeddings} when wider than that) and the search over them ({@link SimilarItems#index}).
 *
 * @param table the embeddings (projected for a large file)
 * @param search the index over them
 */
public record WaferSimilarity(EmbeddingTable table, SimilarItems.Search search) {

    /**
     * Embeds the maps of {@code data} not cached yet and builds the index. {@code averaging}: whether each map's
     * embedding is averaged over its 8 turns / flips (null: as the bundle says). A cancel throws the core's
     * cancellation; the embeddings done are kept in the cache.
     */
    public static WaferSimilarity open(WaferModel model, Path modelDir, WaferDataset data, Boolean averaging,
            Progress progress) {
        String modelSha = ModelFingerprint.of(modelDir);
        EmbeddingLayer layer = EmbeddingLayer.wafer(modelDir, model.averageOverSymmetries());
        if (averaging != null) {
            layer = new EmbeddingLayer(layer.layer(), averaging);
        }
        String dataFp = DataFingerprint.of(data.source());
        Path cache = EmbeddingCache.userCacheDir(dataFp, modelSha);
        WaferEmbedder embedder = new WaferEmbedder(model, layer.averageOverSymmetries());
        // a model whose embedding is already no wider than the projection (the distilled student: 64 values)
        // keeps it at full width: a PCA to more values than it has does not exist
        boolean project = data.size() > SimilarItems.EXACT_LIMIT && embedder.dimension() > SimilarItems.PROJECTED;
        EmbeddingTable table = project
                ? ProjectedEmbeddings.wafer(embedder, layer, data, SimilarItems.PROJECTED, cache, modelSha, dataFp,
                        progress)
                : EmbeddingCache.wafer(embedder, layer, data, null, cache, modelSha, dataFp, progress);
        progress.throwIfCancelled("embedding the maps (what is done is kept in " + cache + ")");
        float[][] vectors = new float[table.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = table.vector(i);
        }
        return new WaferSimilarity(table, SimilarItems.index(vectors, progress));
    }

    /** The {@code k} maps most like map {@code item}, most similar first, the map itself left out. */
    public List<Neighbour> nearest(int item, int k) {
        return search.others(table, item, k);
    }
}
