package defectlens.wafer.stacking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.cli.DefectLensCommand;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.features.FeatureExtractor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BSEML on a small slice of real maps (every 8th map of the subset for training, the next one for testing): the
 * out-of-fold stacking trains, beats chance clearly, round-trips through its bundle and refuses a changed file.
 */
class BsemlModelTest {
    private static final List<String> CLASSES = WaferClassSet.ALL9.classes();
    private static List<WaferMap> trainMaps = new ArrayList<>();
    private static List<WaferMap> testMaps = new ArrayList<>();
    private static BsemlModel model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        WaferDataset data = WaferPickleReader.read(Paths.get("datasets", "wm811k", "wm811k_subset.pkl"));
        for (int i = 0; i + 1 < data.size(); i += 8) {
            trainMaps.add(data.get(i));
            testMaps.add(data.get(i + 1));
        }
        double[][] x = FeatureExtractor.all(trainMaps);
        FeatureScaler scaler = FeatureScaler.fit(x);
        int[] y = trainMaps.stream().mapToInt(m -> CLASSES.indexOf(m.label())).toArray();
        LabelledFeatures train = new LabelledFeatures(scaler.apply(x), y, CLASSES);
        StackingEnsemble ensemble = StackingEnsemble.fit(train, List.of(BaseLearner.values()),
                StackingEnsemble.Meta.XGBOOST, 3, Progress.NONE);
        model = new BsemlModel(CLASSES, scaler, ensemble, Map.of("test", true));
    }

    @Test
    void foldsAreStratifiedAndCoverEveryRow() {
        int[] y = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2};
        int[] fold = StackingEnsemble.folds(y, 5, 1);
        for (int c = 0; c < 2; c++) {
            boolean[] seen = new boolean[5];
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    seen[fold[i]] = true;
                }
            }
            for (boolean s : seen) {
                assertTrue(s, "each fold holds one map of class " + c);
            }
        }
    }

    @Test
    void classifiesHeldOutMapsWellAboveChance() {
        float[][] p = model.predict(testMaps);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            float sum = 0;
            for (int c = 0; c < p[i].length; c++) {
                sum += p[i][c];
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            assertEquals(1.0, sum, 1e-4);
            right += CLASSES.get(best).equals(testMaps.get(i).label()) ? 1 : 0;
        }
        // 283 maps of 9 classes; the largest class (none) is 35 % of them
        assertTrue(right > 0.6 * p.length, right + " of " + p.length);
    }

    @Test
    void metaWeightsArePerLearnerAndClassAndSumToOne() {
        double[][] w = model.ensemble().metaWeights(CLASSES.size());
        assertEquals(4, w.length);
        double sum = 0;
        for (double[] row : w) {
            for (double v : row) {
                assertTrue(v >= 0);
                sum += v;
            }
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void roundTripsThroughItsBundle() throws Exception {
        Path dir = tmp.resolve("bundle");
        model.save(dir);
        assertTrue(BsemlModel.isBundle(dir));
        BsemlModel back = BsemlModel.load(dir);
        assertEquals(CLASSES, back.classes());
        float[][] a = model.predict(testMaps.subList(0, 20));
        float[][] b = back.predict(testMaps.subList(0, 20));
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 1e-6f);
        }
    }

    @Test
    void evaluateAndClassifyTakeTheBundleLikeACnnBundle() throws Exception {
        Path dir = tmp.resolve("bundle");
        model.save(dir);
        String sample = Paths.get("datasets", "wm811k", "LSWMD_sample.pkl").toString();
        String[] r = run("wafer", "evaluate", "--model", dir.toString(), "--data", sample, "--json");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("\"microF1\""), r[1]);
        Path csv = tmp.resolve("p.csv");
        r = run("wafer", "classify", "--model", dir.toString(), "--data", sample, "--out", csv.toString());
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(201, lines.size());
        assertTrue(lines.get(0).contains("none"), lines.get(0));
        r = run("wafer", "evaluate", "--model", dir.toString(), "--data", sample, "--augment", "rot");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("error: " + dir), r[2]);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void refusesAChangedWeightFile() throws Exception {
        Path dir = tmp.resolve("bundle");
        model.save(dir);
        Files.writeString(dir.resolve("meta.ubj.gz"), "{}");
        DefectLensException e = assertThrows(DefectLensException.class, () -> BsemlModel.load(dir));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(BsemlModel.isBundle(tmp));
    }
}
