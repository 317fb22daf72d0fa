package defectlens.review;

import defectlens.core.HeapWatch;
import defectlens.model.ClassificationMetrics;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench review} measures on an existing review folder, in this order and in one JVM: opening the
 * review as the window does before the data file is read (review.json, the model's fingerprint, the data file's
 * stamp, the cached predictions, every reviewer's decisions), the queue sorted least certain first and the
 * confusion matrix, then every other order; the Java heap during all that; and a run of keystroke decisions, each
 * appended to a journal and forced to disk and folded into the ledger, timed one by one.
 */
public final class ReviewBenchmark {
    private ReviewBenchmark() {
    }

    /** Milliseconds of each step of opening and sorting. */
    public record Opening(int items, int classified, int decisions, Map<String, Double> millis, double totalMillis,
            long peakHeapBytes, long heapAfterGcBytes, long heapMaxBytes) {
    }

    /** Latency of keystroke decisions, in milliseconds. */
    public record Keystrokes(int count, double medianMillis, double p95Millis, double maxMillis,
            double ledgerMillisAtEnd) {
    }

    /**
     * Opens the review and sorts its queue, timing each step. The JVM should have done what a running window has
     * done before (see {@link #warmUp}); the first open in a cold JVM also pays for starting Jackson.
     */
    public static Opening open(Path reviewDir) {
        System.gc();
        Map<String, Double> ms = new LinkedHashMap<>();
        try (HeapWatch heap = new HeapWatch()) {
            long start = System.nanoTime();
            long t = start;
            OpenReview review = OpenReview.fromCache(reviewDir).orElseThrow(() ->
                    new defectlens.core.DefectLensException(reviewDir, "no valid cached predictions to open"));
            PredictionTable table = review.table();
            DecisionLedger ledger = review.ledger();
            ReviewFolder f = review.folder();
            t = lap(ms, "review.json, cached predictions, decisions", t);
            int[] queue = ReviewQueue.order(table, f.definition().queue().undecidedOnly(false), ledger::isDecided,
                    review::truth);
            t = lap(ms, "queue least certain (" + queue.length + ")", t);
            ClassificationMetrics m = ReviewConfusion.of(table, review::truth);
            t = lap(ms, "confusion matrix (" + m.total() + ")", t);
            double total = (t - start) / 1e6;
            for (QueueSpec q : List.of(QueueSpec.of(QueueOrder.DIFFERS), QueueSpec.of(QueueOrder.DATASET),
                    QueueSpec.byClass(table.classes().get(0)), QueueSpec.audit(200, 1, 0.9),
                    QueueSpec.cell(table.classes().get(0), table.classes().get(table.classes().size() - 1)),
                    QueueSpec.of(QueueOrder.LEAST_CERTAIN).undecidedOnly(true))) {
                int n = ReviewQueue.order(table, q, ledger::isDecided, review::truth).length;
                t = lap(ms, "re-sort " + q.order().cliName() + (q.undecidedOnly() ? " undecided" : "") + " (" + n + ")",
                        t);
            }
            heap.close();
            long kept = heap.usedAfterFullGc();
            Reference.reachabilityFence(table); // the heap kept is that of the open review
            Reference.reachabilityFence(queue);
            return new Opening(table.size(), table.doneCount(), ledger.lines().size(), ms, total, heap.peak(), kept,
                    Runtime.getRuntime().maxMemory());
        }
    }

    /**
     * What a running window has done before a review is opened in it: started the JSON library (it has read the
     * model bundles' manifests). Review types are not touched. Returns the milliseconds it took.
     */
    public static double warmUp() {
        long start = System.nanoTime();
        try {
            ReviewJson.PRETTY.readTree("{\"model\": \"manifest\"}");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * Decides {@code count} items of the queue one by one as a reviewer pressing A would: each decision appended
     * to the reviewer's journal (forced to disk) and the ledger rebuilt from the journal, timed together.
     */
    public static Keystrokes keystrokes(Path reviewDir, String reviewer, int count) {
        ReviewFolder f = ReviewFolder.open(reviewDir);
        String modelSha = ModelFingerprint.current(f);
        PredictionTable table = ReviewPredictions.cached(f, modelSha, DataFingerprint.stamp(f.dataPath())).orElseThrow(() ->
                new defectlens.core.DefectLensException(reviewDir, "no valid cached predictions to decide on"));
        int[] queue = ReviewQueue.order(table, QueueSpec.of(QueueOrder.LEAST_CERTAIN));
        double[] latency = new double[Math.min(count, queue.length)];
        double ledgerMillis;
        try (DecisionJournal journal = DecisionJournal.open(f.journalFile(reviewer))) {
            List<ReviewDecision> mine = new ArrayList<>(journal.decisions());
            DecisionLedger ledger = DecisionLedger.of(mine);
            DecisionMaker maker = new DecisionMaker(f.definition(), table, reviewer, Clock.systemUTC());
            for (int k = 0; k < latency.length; k++) {
                int i = queue[k];
                long start = System.nanoTime();
                ReviewDecision d = maker.accept(i, "bench");
                journal.append(d);
                mine.add(d);
                ledger = DecisionLedger.of(mine);
                latency[k] = (System.nanoTime() - start) / 1e6;
            }
            long s = System.nanoTime();
            ledger = DecisionLedger.of(mine);
            ledgerMillis = (System.nanoTime() - s) / 1e6;
            Reference.reachabilityFence(ledger);
        }
        double[] sorted = latency.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new Keystrokes(n, n == 0 ? 0 : sorted[n / 2], n == 0 ? 0 : sorted[(int) Math.min(n - 1, Math.ceil(0.95 * n) - 1)],
                n == 0 ? 0 : sorted[n - 1], ledgerMillis);
    }

    private static long lap(Map<String, Double> ms, String step, long since) {
        long now = System.nanoTime();
        ms.put(step, (now - since) / 1e6);
        return now;
    }
}
