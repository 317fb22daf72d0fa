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
 * {@link WaferPredictions#classifyRows} encodes the next batch on a helper thread while the networks run the
 * current one: the rows still reach the sink in order with the probabilities {@link WaferModel#predict} gives
 * (shipped ensemble, averaged, on real maps of the sample), a cancel stops after the current batch, and a
 * failing sink stops the run with its own exception.
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

    @Test
    void rowsArriveInOrderWithThePredictProbabilities() throws IOException {
        float[][] maps = new float[ROWS.size()][];
        for (int i = 0; i < maps.length; i++) {
            WaferMap w = data.get(ROWS.get(i));
            maps[i] = WaferPreprocessing.toNetworkMap(w.dies(), w.rows(), w.cols());
        }
        float[][] expected = model.predict(maps, true);
        List<Integer> seen = new ArrayList<>();
        List<float[]> got = new ArrayList<>();
        int done = WaferPredictions.classifyRows(model, data, ROWS, true, 5, (rows, p) -> {
            assertEquals(rows.size(), p.length);
            seen.addAll(rows);
            got.addAll(List.of(p));
        }, Progress.NONE);
        assertEquals(ROWS.size(), done);
        assertEquals(ROWS, seen);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < expected[i].length; c++) {
                worst = Math.max(worst, Math.abs(expected[i][c] - got.get(i)[c]));
            }
        }
        assertTrue(worst <= 1e-5, "max probability difference " + worst);
    }

    @Test
    void aCancelStopsAfterTheCurrentBatch() throws IOException {
        List<Integer> seen = new ArrayList<>();
        int done = WaferPredictions.classifyRows(model, data, ROWS, false, 4, (rows, p) -> seen.addAll(rows),
                Progress.cancelledWhen(() -> seen.size() >= 8));
        assertEquals(8, done);
        assertEquals(ROWS.subList(0, 8), seen);
    }

    @Test
    void aFailingSinkStopsTheRun() {
        IOException failure = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> WaferPredictions.classifyRows(model, data, ROWS,
                false, 4, (rows, p) -> {
                    throw failure;
                }, Progress.NONE));
        assertSame(failure, thrown);
    }
}
