package defectlens.review.embedding;

import defectlens.core.Progress;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPreprocessing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    public EmbeddingRun(Consumer<EmbeddingTable> checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** Embeds the wafer maps of {@code rows} (null: all) that {@code table} does not hold yet; true when finished. */
    public boolean wafer(WaferEmbedder embedder, WaferDataset data, int[] rows, EmbeddingTable table,
            Progress progress) {
        List<Integer> pending = new ArrayList<>();
        int n = rows == null ? data.size() : rows.length;
        for (int k = 0; k < n; k++) {
            int i = rows == null ? k : rows[k];
            if (!table.isDone(i)) {
                pending.add(i);
            }
        }
        int total = n;
        int done = n - pending.size();
        long lastSave = System.currentTimeMillis();
        try {
            for (int start = 0; start < pending.size() && !progress.isCancelled(); start += BATCH) {
                List<Integer> batch = pending.subList(start, Math.min(pending.size(), start + BATCH));
                float[][] maps = new float[batch.size()][];
                for (int k = 0; k < maps.length; k++) {
                    WaferMap w = data.get(batch.get(k));
                    maps[k] = WaferPreprocessing.toNetworkMap(w.dies(), w.rows(), w.cols());
                }
                Embedded e = embedder.embed(maps);
                for (int k = 0; k < maps.length; k++) {
                    table.setRow(batch.get(k), e, k);
                }
                done += maps.length;
                progress.update(done, total, done + " / " + total + " maps embedded");
                long now = System.currentTimeMillis();
                if (now - lastSave >= CHECKPOINT_MILLIS) {
                    checkpoint.accept(table);
                    lastSave = now;
                }
            }
        } finally {
            checkpoint.accept(table);
        }
        return done == total;
    }
}
