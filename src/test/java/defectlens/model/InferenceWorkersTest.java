package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link InferenceWorkers} fills the cores with one worker per intra-op team, or takes the count it is given. */
class InferenceWorkersTest {
    @Test
    void oneWorkerPerIntraOpTeam() {
        assertEquals(2, InferenceWorkers.count(null, "1", null, 2));
        assertEquals(1, InferenceWorkers.count(null, "2", null, 2));
        assertEquals(4, InferenceWorkers.count(null, "2", null, 8));
        assertEquals(1, InferenceWorkers.count(null, "4", null, 2), "never fewer than one");
    }

    @Test
    void openMpThreadsCountWhenPyTorchsAreUnset() {
        assertEquals(2, InferenceWorkers.count(null, null, "1", 2));
        assertEquals(2, InferenceWorkers.count(null, "1", "2", 2), "DJL's property wins");
    }

    @Test
    void unsetThreadsMeanAllCoresInOneTeam() {
        assertEquals(1, InferenceWorkers.count(null, null, null, 2));
        assertEquals(1, InferenceWorkers.count(null, "zero", " ", 16));
    }

    @Test
    void theWorkerPropertyWins() {
        assertEquals(3, InferenceWorkers.count("3", "1", null, 2));
        assertEquals(2, InferenceWorkers.count("0", "1", null, 2), "not a positive count: ignored");
        assertEquals(2, InferenceWorkers.count("many", "1", null, 2));
    }
}
