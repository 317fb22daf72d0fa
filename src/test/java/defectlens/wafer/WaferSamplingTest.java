package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Splits and balanced samples on the real 200-wafer sample. */
class WaferSamplingTest {
    static WaferDataset data;

    @BeforeAll
    static void read() {
        data = WaferPickleReader.read(Path.of("datasets/wm811k/LSWMD_sample.pkl"));
    }

    @Test
    void stratifiedSplitKeepsProportionsAndIsSeeded() {
        WaferSampling.Split s = WaferSampling.stratified(data, WaferClassSet.PAPER7, 0.25, 42);
        Set<Integer> all = new HashSet<>(s.first());
        s.second().forEach(i -> assertTrue(all.add(i), "disjoint"));
        Map<String, List<Integer>> groups = WaferSampling.byClass(data, WaferClassSet.PAPER7);
        int paper7 = groups.values().stream().mapToInt(List::size).sum();
        assertEquals(paper7, all.size(), "Near-full is left out of paper7");
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            long inSecond = s.second().stream().filter(i -> g.getKey().equals(data.get(i).label())).count();
            assertEquals(Math.max(g.getValue().size() >= 2 ? 1 : 0, Math.round(g.getValue().size() * 0.25)), inSecond, g.getKey());
        }
        assertEquals(s, WaferSampling.stratified(data, WaferClassSet.PAPER7, 0.25, 42));
        assertTrue(!s.equals(WaferSampling.stratified(data, WaferClassSet.PAPER7, 0.25, 43)));
    }

    @Test
    void balancedSampleAndShortfall() {
        List<Integer> pool = WaferSampling.stratified(data, WaferClassSet.ALL9, 0.0, 1).first();
        List<Integer> b = WaferSampling.balanced(data, pool, WaferClassSet.ALL9, 5, 7);
        Map<String, Integer> short5 = WaferSampling.shortfall(data, pool, WaferClassSet.ALL9, 5);
        assertTrue(short5.containsKey("none"), "the sample has no 'none' maps: " + short5);
        for (String c : WaferClassSet.ALL9.classes()) {
            long n = b.stream().filter(i -> c.equals(data.get(i).label())).count();
            assertEquals(short5.getOrDefault(c, 5), (int) n, c);
        }
    }
}
