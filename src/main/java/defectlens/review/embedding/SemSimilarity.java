package defectlens.review.embedding;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.model.SemClassifier;
import defectlens.model.SplitClassifier;
import defectlens.review.DataFingerprint;
import defectlens.review.ModelFingerprint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * "More like this" over the images of a SEM data set: the SEM model's embeddings ({@link SemEmbedder}, the pooled
 * features at the explanation split) of every image, cached like the wafer ones, searched exactly by cosine (SEM
 * data sets are small). An unreadable image gets no embedding and is never found; it is counted in
 * {@link #unreadable}.
 *
 * @param data the data set (item i = sample i)
 * @param table the embeddings
 * @param search the exact index over them
 * @param unreadable images that could not be read
 */
public record SemSimilarity(SemDataset data, EmbeddingTable table, SimilarItems.Search search, int unreadable) {
    private static final long CHECKPOINT_MILLIS = 5_000;

    /** Embeds the images not in the user's cache yet (see {@link EmbeddingCache#userCacheDir}) and indexes them. */
    public static SemSimilarity open(SplitClassifier model, Path modelDir, SemDataset data, Progress progress) {
        String modelSha = ModelFingerprint.of(modelDir);
        String dataFp = DataFingerprint.of(data);
        return open(model, modelDir, data, EmbeddingCache.userCacheDir(dataFp, modelSha), modelSha, dataFp,
                progress);
    }

    /**
     * As {@link #open(SplitClassifier, Path, SemDataset, Progress)} with the cache in {@code cacheDir} (null: no
     * cache). A cancel throws the core's cancellation; the embeddings done are kept in the cache.
     */
    public static SemSimilarity open(SplitClassifier model, Path modelDir, SemDataset data, Path cacheDir,
            String modelSha, String dataFp, Progress progress) {
        String layer = EmbeddingLayer.sem(modelDir).key();
        EmbeddingTable table = null;
        int unreadable = 0;
        boolean changed = false;
        try (SemEmbedder embedder = new SemEmbedder(model)) {
            List<Integer> pending = new ArrayList<>();
            int step = Math.max(1, SemClassifier.recommendedBatch(model.input()));
            long last = System.currentTimeMillis();
            for (int i = 0; i < data.size(); i++) {
                pending.add(i);
            }
            EmbeddingTable cached = cacheDir == null ? null
                    : EmbeddingCache.load(cacheDir, modelSha, dataFp, layer)
                            .filter(t -> t.size() == data.size() && t.classes().equals(model.classes())).orElse(null);
            if (cached != null) {
                table = cached;
                pending.removeIf(cached::isDone);
            }
            try {
                for (int start = 0; start < pending.size() && !progress.isCancelled(); start += step) {
                    List<Integer> rows = new ArrayList<>();
                    List<ImageRaster> images = new ArrayList<>();
                    for (int i : pending.subList(start, Math.min(pending.size(), start + step))) {
                        SemSample s = data.samples().get(i);
                        try {
                            images.add(SemImageReader.read(s.image()));
                            rows.add(i);
                        } catch (DefectLensException e) {
                            unreadable++;
                        }
                    }
                    if (!images.isEmpty()) {
                        Embedded e = embedder.embed(images);
                        if (table == null) {
                            table = EmbeddingTable.empty(data.size(), e.vectors()[0].length, model.classes());
                        }
                        for (int k = 0; k < rows.size(); k++) {
                            table.setRow(rows.get(k), e, k);
                        }
                        changed = true;
                    }
                    int done = Math.min(pending.size(), start + step);
                    progress.update(done, pending.size(), done + " / " + pending.size() + " images embedded");
                    if (cacheDir != null && table != null && System.currentTimeMillis() - last >= CHECKPOINT_MILLIS) {
                        EmbeddingCache.save(cacheDir, table, modelSha, dataFp, layer);
                        last = System.currentTimeMillis();
                    }
                }
            } finally {
                if (cacheDir != null && changed) {
                    EmbeddingCache.save(cacheDir, table, modelSha, dataFp, layer);
                }
            }
        }
        String where = cacheDir == null ? "" : " (what is done is kept in " + cacheDir + ")";
        progress.throwIfCancelled("embedding the images" + where);
        if (table == null) {
            table = EmbeddingTable.empty(data.size(), 1, model.classes());
        }
        float[][] vectors = new float[table.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = table.vector(i);
        }
        return new SemSimilarity(data, table, new SimilarItems.Search(new ExactIndex(vectors), null), unreadable);
    }

    /** The {@code k} images most like image {@code item}, most similar first, the image itself left out. */
    public List<Neighbour> nearest(int item, int k) {
        return search.others(table, item, k);
    }

    /** The image whose id (file name without extension) or file name is {@code idOrFileName}; -1 when none. */
    public int indexOf(String idOrFileName) {
        String q = idOrFileName.strip();
        for (int i = 0; i < data.size(); i++) {
            SemSample s = data.samples().get(i);
            if (s.id().equals(q) || s.fileName().equals(q)) {
                return i;
            }
        }
        return -1;
    }
}
