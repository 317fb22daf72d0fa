package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Averaging over the 8 symmetries with one Radon transform per map and one forward call of the fused graph (or of
 * each network's own graph) gives
 * the probabilities of the per-symmetry path (encode each moved map, one pass per symmetry and network) on
 * real WM-811K maps, for the shipped ensemble, one of its networks alone and the baseline (map) bundle; no
 * array outlives its batch
 * (the fused graph's copy of the weights is made once, at the first prediction).
 */
class SymmetryAveragingTest {
    private static final Path MODELS = Paths.get("models");
    private static final double TOLERANCE = 1e-5;
    private static float[][] maps;

    @BeforeAll
    static void readMaps() {
        WaferDataset data = WaferPickleReader.read(WaferTestFiles.sample());
        maps = new float[21][];
        for (int i = 0; i < maps.length; i++) {
            WaferMap w = data.get(i * 9);
            maps[i] = WaferPreprocessing.toNetworkMap(w.dies(), w.rows(), w.cols());
        }
    }

    /** The per-symmetry path: every moved map encoded on its own, one pass per symmetry, then the mean. */
    private static float[][] perSymmetry(WaferModel model) {
        float[][] sum = model.predictEncodedPerNetwork(model.encoder().encode(maps));
        for (AugmentedTestSet.Transform t : AugmentedTestSet.ROTFLIP.transforms()) {
            float[][] moved = new float[maps.length][];
            for (int i = 0; i < maps.length; i++) {
                moved[i] = t.apply(maps[i]);
            }
            float[][] p = model.predictEncodedPerNetwork(model.encoder().encode(moved));
            for (int i = 0; i < p.length; i++) {
                for (int c = 0; c < p[i].length; c++) {
                    sum[i][c] += p[i][c];
                }
            }
        }
        for (float[] row : sum) {
            for (int c = 0; c < row.length; c++) {
                row[c] /= WaferInputEncoder.SYMMETRIES;
            }
        }
        return sum;
    }

    private static void assertSame(float[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int c = 0; c < expected[i].length; c++) {
                worst = Math.max(worst, Math.abs(expected[i][c] - actual[i][c]));
            }
        }
        assertTrue(worst <= TOLERANCE, what + ": max probability difference " + worst);
    }

    /**
     * Averaged (default and odd forward batches, so a batch of maps ends mid-file) and single pass, through one
     * fused graph of all networks and through one graph per network.
     */
    private static void checkModel(WaferModel model, String name) {
        float[][] expected = perSymmetry(model);
        float[][] single = model.predictEncodedPerNetwork(model.encoder().encode(maps));
        for (boolean fuse : new boolean[] {true, false}) {
            String what = name + (fuse ? ", fused graph" : ", one graph per network");
            model.setFuseMembers(fuse);
            model.setForwardBatch(WaferModel.FORWARD_BATCH);
            model.predict(new float[][] {maps[0]}, false); // builds the graphs, whose weights stay
            int arrays = model.djlModel().getNDManager().getManagedArrays().size();
            assertSame(expected, model.predict(maps, true), what + ", averaged");
            for (int batch : new int[] {8, 44, 4096}) {
                model.setForwardBatch(batch);
                assertSame(expected, model.predict(maps, true), what + ", averaged, forward batch " + batch);
            }
            assertSame(single, model.predict(maps, false), what + ", single pass");
            assertEquals(arrays, model.djlModel().getNDManager().getManagedArrays().size(),
                    what + ": arrays left on the network's manager (each batch must close its own)");
        }
        double moved = 0;
        for (int i = 0; i < maps.length; i++) {
            for (int c = 0; c < single[i].length; c++) {
                moved = Math.max(moved, Math.abs(single[i][c] - expected[i][c]));
            }
        }
        assertTrue(moved > 1e-3, name + ": averaging should change some probability, max change " + moved);
    }

    @Test
    void theShippedEnsembleGivesTheSameProbabilities() {
        try (WaferModel model = WaferModelBundle.load(MODELS.resolve("wafer-proposed-paper7"))) {
            assertEquals(2, model.networkCount());
            checkModel(model, "ensemble");
        }
    }

    @Test
    void oneNetworkBundleGivesTheSameProbabilities(@TempDir Path dir) throws Exception {
        Path shipped = MODELS.resolve("wafer-proposed-paper7");
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta = (ObjectNode) json.readTree(shipped.resolve(WaferModelBundle.METADATA).toFile());
        meta.remove("ensemble");
        json.writeValue(dir.resolve(WaferModelBundle.METADATA).toFile(), meta);
        Files.copy(shipped.resolve(WaferModelBundle.WEIGHTS), dir.resolve(WaferModelBundle.WEIGHTS));
        try (WaferModel model = WaferModelBundle.load(dir)) {
            assertEquals(1, model.networkCount());
            checkModel(model, "one network");
        }
    }

    @Test
    void theBaselineBundleMovesTheMapItself() {
        try (WaferModel model = WaferModelBundle.load(MODELS.resolve("wafer-baseline-paper7"))) {
            checkModel(model, "baseline");
        }
    }

    /** The shipped student (the default for whole files): single network, its own graph. */
    @Test
    void theShippedStudentGivesTheSameProbabilities() {
        try (WaferModel model = WaferModelBundle.load(MODELS.resolve("wafer-student-paper7"))) {
            checkModel(model, "student");
        }
    }

    @Test
    void permutedSinogramInputsEqualTheInputsOfTheMovedMaps() {
        for (int angles : new int[] {64, 180, 45}) {
            WaferInputEncoder encoder = new WaferInputEncoder(WaferVariant.PROPOSED, angles);
            float[][] all = encoder.encodeWithSymmetries(maps);
            assertEquals(maps.length * WaferInputEncoder.SYMMETRIES, all.length);
            for (int i = 0; i < maps.length; i++) {
                for (int k = 0; k < WaferInputEncoder.SYMMETRIES; k++) {
                    float[] moved = k == 0 ? maps[i] : AugmentedTestSet.ROTFLIP.transforms().get(k - 1).apply(maps[i]);
                    float[] expected = encoder.encode(moved);
                    float[] actual = all[i * WaferInputEncoder.SYMMETRIES + k];
                    double worst = 0;
                    double scale = 0;
                    for (int p = 0; p < expected.length; p++) {
                        worst = Math.max(worst, Math.abs(expected[p] - actual[p]));
                        scale = Math.max(scale, Math.abs(expected[p]));
                    }
                    assertTrue(worst <= 1e-5 * Math.max(scale, 1e-3),
                            "map " + i + " symmetry " + k + " at " + angles + " angles: " + worst);
                }
            }
        }
    }
}
