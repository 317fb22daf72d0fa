package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.Progress;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WaferPredictions#classifyRows} runs the networks on several worker threads at once: the rows still reach
 * the sink in order, batch by batch, with the probabilities {@link WaferModel#predict} gives (shipped ensemble,
 * averaged and single pass, on real maps of the sample; one to three workers; one fused graph or one graph per
 * network), a cancel stops after the current batch, and a failing sink stops the run with its own exception.
 */
class WaferClassifyPipelineTest {
    private static WaferModel model;
    private static WaferDataset data;
    private static final List<Integer> ROWS = IntStream.range(0, 23).map(i -> i * 8).boxed().toList();

    @BeforeAll
    static void load() {
        model = WaferModelBundle.load(Paths.get("models", "wafer-proposed-paper7"));
        data = WaferPickleReader.read(WaferTestFiles.sample());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static float[][] expected(boolean averaged) {
        float[][] maps = new float[ROWS.size()][];
        for (int i = 0; i < maps.length; i++) {
            WaferMap w = data.get(ROWS.get(i));
            maps[i] = WaferPreprocessing.toNetworkMap(w.dies(), w.rows(), w.cols());
        }
        model.setFuseMembers(true);
        return model.predict(maps, averaged);
    }

    /** Runs classifyRows with the given workers and graphs and checks order and probabilities against predict. */
    private static void checkPipeline(float[][] expected, boolean averaged, int workers, boolean fuse, int batch)
            throws IOException {
        model.setInferenceWorkers(workers);
        model.setFuseMembers(fuse);
        String what = workers + " workers, " + (fuse ? "fused" : "one graph per network") + ", batch " + batch
                + (averaged ? ", averaged" : ", single pass");
        List<Integer> seen = new ArrayList<>();
        List<float[]> got = new ArrayList<>();
        int done = WaferPredictions.classifyRows(model, data, ROWS, averaged, batch, (rows, p) -> {
            assertEquals(rows.size(), p.length);
            assertTrue(rows.size() <= batch, what);
            seen.addAll(rows);
            got.addAll(List.of(p));
        }, Progress.NONE);
        assertEquals(ROWS.size(), done, what);
        assertEquals(ROWS, seen, what);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < expected[i].length; c++) {
                worst = Math.max(worst, Math.abs(expected[i][c] - got.get(i)[c]));
            }
        }
        assertTrue(worst <= 1e-5, what + ": max probability difference " + worst);
    }

    @Test
    void rowsArriveInOrderWithThePredictProbabilities() throws IOException {
        float[][] averaged = expected(true);
        for (int workers : new int[] {1, 2, 3}) {
            for (boolean fuse : new boolean[] {true, false}) {
                checkPipeline(averaged, true, workers, fuse, 5);
            }
        }
        checkPipeline(averaged, true, 2, false, 512);
        checkPipeline(expected(false), false, 2, false, 7);
    }

    @Test
    void aCancelStopsAfterTheCurrentBatch() throws IOException {
        for (int workers : new int[] {1, 2}) {
            model.setInferenceWorkers(workers);
            List<Integer> seen = new ArrayList<>();
            int done = WaferPredictions.classifyRows(model, data, ROWS, false, 4, (rows, p) -> seen.addAll(rows),
                    Progress.cancelledWhen(() -> seen.size() >= 8));
            assertEquals(8, done);
            assertEquals(ROWS.subList(0, 8), seen);
        }
    }

    @Test
    void aFailingSinkStopsTheRun() {
        model.setInferenceWorkers(2);
        IOException failure = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> WaferPredictions.classifyRows(model, data, ROWS,
                true, 4, (rows, p) -> {
                    throw failure;
                }, Progress.NONE));
        assertSame(failure, thrown);
    }
}
