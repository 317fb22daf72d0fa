package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.Progress;
import defectlens.model.FileDigest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped student {@code models/wafer-student-paper7}: one narrow network, taught by the shipped ensemble
 * (whose files' SHA-256 its provenance records), classifying the 200-map sample the same way through every path.
 */
class WaferStudentBundleTest {
    static final Path STUDENT = Path.of("models", "wafer-student-paper7");

    @Test
    void theStudentIsOneNarrowNetworkTaughtByTheShippedEnsemble() throws Exception {
        try (WaferModel student = WaferModelBundle.load(STUDENT)) {
            assertEquals(WaferWidths.STUDENT, student.widths());
            assertEquals(1, student.networkCount());
            assertFalse(student.averageOverSymmetries(), "one pass per map");
            Map<?, ?> distil = (Map<?, ?>) student.provenance().get("distillation");
            Map<?, ?> teacher = (Map<?, ?>) distil.get("teacher");
            assertEquals("wafer-proposed-paper7", teacher.get("name"));
            Map<?, ?> sha = (Map<?, ?>) teacher.get("sha256");
            for (String file : List.of("model.json", "model.params", "member-2.params")) {
                assertEquals(FileDigest.sha256(WaferDistillationTest.TEACHER.resolve(file)), sha.get(file), file);
            }
            Map<?, ?> data = (Map<?, ?>) student.provenance().get("data");
            assertEquals("wm811k_dev.pkl", data.get("file"));
            Map<?, ?> split = (Map<?, ?>) student.provenance().get("split");
            assertEquals(0.2, ((Number) split.get("testFraction")).doubleValue());
            assertEquals(0, ((Number) split.get("testSeed")).intValue());
        }
    }

    @Test
    void theStudentClassifiesTheSampleConsistentlyAndMostlyAsItsTeacher() throws Exception {
        WaferDataset data = WaferPickleReader.read(WaferTestFiles.sample());
        try (WaferModel student = WaferModelBundle.load(STUDENT);
                WaferModel teacher = WaferModelBundle.load(WaferDistillationTest.TEACHER)) {
            List<Integer> rows = WaferEvaluation.select(data, WaferEvaluation.allRows(data), student.classes()).rows();
            LabelledMaps maps = WaferTrainingPlan.labelled(data, rows, student.classes());
            float[][] direct = student.predict(maps.maps());
            float[][] piped = new float[rows.size()][];
            List<Integer> order = new ArrayList<>(rows);
            WaferPredictions.classifyRows(student, data, order, false, 7, (batch, p) -> {
                for (int i = 0; i < batch.size(); i++) {
                    piped[order.indexOf(batch.get(i))] = p[i];
                }
            }, Progress.NONE);
            int correct = 0;
            int agree = 0;
            int[] fromTeacher = teacher.classify(maps.maps());
            for (int i = 0; i < rows.size(); i++) {
                assertArrayEquals(direct[i], piped[i], 1e-5f, "row " + rows.get(i));
                int predicted = WaferPredictions.argMax(direct[i]);
                correct += predicted == maps.labels()[i] ? 1 : 0;
                agree += predicted == fromTeacher[i] ? 1 : 0;
            }
            double accuracy = (double) correct / rows.size();
            double agreement = (double) agree / rows.size();
            assertTrue(accuracy >= 0.80, "accuracy on the sample's " + rows.size() + " maps: " + accuracy);
            assertTrue(agreement >= 0.80, "agreement with the ensemble: " + agreement);
        }
    }
}
