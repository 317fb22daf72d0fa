package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads the real WM-811K samples of the repository and compares what Java sees with what pandas read. */
class WaferPickleReaderTest {

    @Test
    void subsetHasTheKnownClassCounts() {
        WaferDataset data = WaferPickleReader.read(WaferTestFiles.subset());
        assertEquals(2264, data.size());
        assertEquals(WaferLayout.LSWMD, data.layout());
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("none", 800);
        expected.put("Edge-Ring", 300);
        expected.put("Center", 250); // ties keep the order in which the file first shows them
        expected.put("Edge-Loc", 250);
        expected.put("Loc", 250);
        expected.put("Scratch", 150);
        expected.put("Random", 120);
        expected.put("Donut", 116);
        expected.put("Near-full", 28);
        assertEquals(expected, data.classCounts());
        assertEquals(expected.keySet().stream().toList(), data.classCounts().keySet().stream().toList());
        assertMatchesGolden(data, WaferTestFiles.golden("wm811k_subset.pkl"));
    }

    @Test
    void extraColumnSampleMatchesPandas() {
        WaferDataset data = WaferPickleReader.read(WaferTestFiles.extraColumnSample());
        assertEquals(200, data.size());
        assertMatchesGolden(data, WaferTestFiles.golden("LSWMD_sample_extra_column.pkl"));
    }

    @Test
    void numpy2SampleHoldsTheSameMapsAsTheNumpy1Sample() {
        WaferDataset numpy2 = WaferPickleReader.read(WaferTestFiles.sample());
        WaferDataset numpy1 = WaferPickleReader.read(WaferTestFiles.extraColumnSample());
        assertEquals(200, numpy2.size());
        for (int i = 0; i < 200; i++) {
            WaferMap a = numpy2.get(i);
            WaferMap b = numpy1.get(i);
            assertEquals(b.rows(), a.rows(), "rows of map " + i);
            assertEquals(b.cols(), a.cols(), "cols of map " + i);
            assertArrayEquals(b.dies(), a.dies(), "dies of map " + i);
            assertEquals(b.label(), a.label());
            assertEquals(b.split(), a.split());
            assertEquals(b.lotName(), a.lotName());
            assertEquals(b.dieSize(), a.dieSize());
            assertEquals(b.waferIndex(), a.waferIndex());
        }
        assertMatchesGolden(numpy2, WaferTestFiles.golden("LSWMD_sample_extra_column.pkl"));
    }

    /** Counts, splits, shapes and the sampled maps cell by cell against golden.json. */
    static void assertMatchesGolden(WaferDataset data, JsonNode golden) {
        assertEquals(golden.get("maps").asInt(), data.size());
        assertEquals(golden.get("labelled").asInt(), data.labelledCount());
        assertEquals(golden.get("distinct_shapes").asInt(), data.distinctShapes());
        Map<String, Integer> classes = new LinkedHashMap<>();
        golden.get("classes").fields().forEachRemaining(e -> classes.put(e.getKey(), e.getValue().asInt()));
        assertEquals(classes, new java.util.TreeMap<>(data.classCounts()));
        Map<String, Integer> splits = new java.util.TreeMap<>();
        data.splitCounts().forEach((s, n) -> {
            if (s != WaferSplit.NONE) {
                splits.put(s.label(), n);
            }
        });
        Map<String, Integer> goldenSplits = new java.util.TreeMap<>();
        golden.get("splits").fields().forEachRemaining(e -> goldenSplits.put(e.getKey(), e.getValue().asInt()));
        assertEquals(goldenSplits, splits);
        for (JsonNode s : golden.get("samples")) {
            WaferMap m = data.get(s.get("row").asInt());
            String where = "map " + s.get("row").asInt();
            assertEquals(s.get("rows").asInt(), m.rows(), where);
            assertEquals(s.get("cols").asInt(), m.cols(), where);
            assertEquals(s.get("fail").asInt(), m.count(WaferMap.FAIL), where);
            assertEquals(s.get("pass").asInt(), m.count(WaferMap.PASS), where);
            int sum = 0;
            for (byte d : m.dies()) {
                sum += d;
            }
            assertEquals(s.get("sum").asInt(), sum, where);
            StringBuilder firstRow = new StringBuilder();
            for (int c = 0; c < m.cols(); c++) {
                firstRow.append(m.die(0, c));
            }
            assertEquals(s.get("first_row").asText(), firstRow.toString(), where);
            assertEquals(textOrNull(s.get("label")), m.label(), where);
            assertEquals(WaferSplit.fromLabel(textOrNull(s.get("split"))), m.split(), where);
            assertEquals(textOrNull(s.get("lotName")), m.lotName(), where);
            assertDouble(s.get("dieSize"), m.dieSize());
            assertDouble(s.get("waferIndex"), m.waferIndex());
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static void assertDouble(JsonNode expected, double actual) {
        if (expected == null || expected.isNull()) {
            assertTrue(Double.isNaN(actual), "expected NaN, got " + actual);
        } else {
            assertEquals(expected.asDouble(), actual);
        }
    }

    @Test
    void subsetHasNoLotsOrIndexesButDieCounts() {
        WaferMap first = WaferPickleReader.read(WaferTestFiles.subset()).get(0);
        assertEquals("unknown", first.lotName());
        assertTrue(Double.isNaN(first.waferIndex()));
        assertEquals(1187.0, first.dieSize());
    }
}
