package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaferTrainingPlanTest {
    private static final WaferDataset SAMPLE = WaferPickleReader.read(Path.of("datasets/wm811k/LSWMD_sample.pkl"));

    @Test
    void testRowsAreHeldOutFirstAndNeverTrainedOrValidatedOn() {
        WaferTrainingPlan plan = WaferTrainingPlan.of(SAMPLE, WaferClassSet.PAPER7, 0.2, 0, 0.1, 20, 3);
        Set<Integer> test = new HashSet<>(plan.test());
        for (int i : plan.train()) {
            assertTrue(!test.contains(i) && !plan.validation().contains(i), "row " + i + " trained and held out");
        }
        for (int i : plan.validation()) {
            assertTrue(!test.contains(i));
        }
        // the held-out rows depend only on class set, fraction and test seed, not on N or the training seed
        assertEquals(plan.test(), WaferTrainingPlan.heldOut(SAMPLE, WaferClassSet.PAPER7, 0.2, 0));
        assertEquals(plan.test(), WaferTrainingPlan.of(SAMPLE, WaferClassSet.PAPER7, 0.2, 0, 0.1, 5, 9).test());
        // 20 % of each class: Center 42 -> 8, Edge-Ring 69 -> 14, Donut 5 -> 1
        Map<String, Integer> testCounts = WaferTrainingPlan.counts(SAMPLE, plan.test(), WaferClassSet.PAPER7);
        assertEquals(8, testCounts.get("Center"));
        assertEquals(14, testCounts.get("Edge-Ring"));
        assertEquals(1, testCounts.get("Donut"));
    }

    @Test
    void trainingIsBalancedAndSmallClassesAreReportedAsShortfall() {
        WaferTrainingPlan plan = WaferTrainingPlan.of(SAMPLE, WaferClassSet.PAPER7, 0.2, 0, 0.1, 20, 3);
        Map<String, Integer> train = WaferTrainingPlan.counts(SAMPLE, plan.train(), WaferClassSet.PAPER7);
        assertEquals(20, train.get("Center"));
        assertEquals(20, train.get("Edge-Ring"));
        // Donut: 5 maps, 1 held out for test, 1 for validation: 3 left for training
        assertEquals(3, train.get("Donut"));
        assertEquals(3, plan.shortfall().get("Donut"));
        assertTrue(!plan.shortfall().containsKey("Center"));
        // validation capped at round(20 * 0.1 / 0.9) = 2 per class
        Map<String, Integer> val = WaferTrainingPlan.counts(SAMPLE, plan.validation(), WaferClassSet.PAPER7);
        assertEquals(2, val.get("Edge-Ring"));
        assertEquals(1, val.get("Donut"));
        LabelledMaps maps = WaferTrainingPlan.labelled(SAMPLE, plan.train(), WaferClassSet.PAPER7.classes());
        assertEquals(plan.train().size(), maps.size());
        assertEquals(64 * 64, maps.maps()[0].length);
    }
}
