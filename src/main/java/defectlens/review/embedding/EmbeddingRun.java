package defectlens.review.embedding;

import defectlens.core.Progress;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPreprocessing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Computes the missing rows of an {@link EmbeddingTable} batch by batch, in data-set order (or for the rows asked
 * for), like the review's prediction run: progress counts rows done of all, a cancel is honoured between batches,
 * and the table is handed to the checkpoint every few seconds and at the end, so what is done is kept.
 */
public final class EmbeddingRun {
    /** Maps per batch. */
    static final int BATCH = 256;
    static final long CHECKPOINT_MILLIS = 5_000;

    private final Consumer<EmbeddingTable> checkpoint;
    private final Pca projection;

    public EmbeddingRun(Consumer<EmbeddingTable> checkpoint) {
        this(checkpoint, null);
    }

    /** A run that keeps each embedding projected by {@code projection} (null: at full width). */
    public EmbeddingRun(Consumer<EmbeddingTable> checkpoint, Pca projection) {
        this.checkpoint = checkpoint;
        this.projection = projection;
    }

    /** Embeds the wafer maps of {@code rows} (null: all) that {@code table} does not hold yet; true when finished. */
    public boolean wafer(WaferEmbedder embedder, WaferDataset data, int[] rows, EmbeddingTable table,
            Progress progress) {
        return batches(embedder, data, rows, table::isDone, (items, e) -> {
            Embedded p = project(e);
            for (int k = 0; k < items.length; k++) {
                table.setRow(items[k], p, k);
            }
        }, () -> checkpoint.accept(table), progress);
    }

    /** Told the embeddings of a batch of rows. */
    @FunctionalInterface
    public interface Batch {
        void accept(int[] rows, Embedded embedded);
    }

    /**
     * Embeds the wafer maps of {@code rows} (null: all) for which {@code done} is false, batch by batch in the
     * given order, handing each batch to {@code sink} and calling {@code checkpoint} every few seconds and at the
     * end (cancelled or not); true when every row is done.
     */
    public static boolean batches(WaferEmbedder embedder, WaferDataset data, int[] rows, IntPredicate done,
            Batch sink, Runnable checkpoint, Progress progress) {
        List<Integer> pending = new ArrayList<>();
        int n = rows == null ? data.size() : rows.length;
        for (int k = 0; k < n; k++) {
            int i = rows == null ? k : rows[k];
            if (!done.test(i)) {
                pending.add(i);
            }
        }
        int total = n;
        int finished = n - pending.size();
        long lastSave = System.currentTimeMillis();
        try {
            for (int start = 0; start < pending.size() && !progress.isCancelled(); start += BATCH) {
                List<Integer> batch = pending.subList(start, Math.min(pending.size(), start + BATCH));
                float[][] maps = new float[batch.size()][];
                int[] items = new int[batch.size()];
                for (int k = 0; k < maps.length; k++) {
                    items[k] = batch.get(k);
                    WaferMap w = data.get(items[k]);
                    maps[k] = WaferPreprocessing.toNetworkMap(w.dies(), w.rows(), w.cols());
                }
                sink.accept(items, embedder.embed(maps));
                finished += maps.length;
                progress.update(finished, total, finished + " / " + total + " maps embedded");
                long now = System.currentTimeMillis();
                if (now - lastSave >= CHECKPOINT_MILLIS) {
                    checkpoint.run();
                    lastSave = now;
                }
            }
        } finally {
            checkpoint.run();
        }
        return finished == total;
    }

    private Embedded project(Embedded e) {
        if (projection == null) {
            return e;
        }
        float[][] v = new float[e.vectors().length][];
        for (int k = 0; k < v.length; k++) {
            v[k] = projection.project(e.vectors()[k]);
        }
        return new Embedded(v, e.logits(), e.probabilities());
    }
}
