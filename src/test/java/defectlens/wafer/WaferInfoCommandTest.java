package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.cli.DefectLensCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code defectlens wafer info} on the real samples and on a refused pickle. */
class WaferInfoCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void jsonSummaryOfTheSubset() throws Exception {
        String file = WaferTestFiles.subset().toString();
        String[] r = run("wafer", "info", file, "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode doc = new ObjectMapper().readTree(r[1]);
        assertEquals(file, doc.get("file").asText());
        assertEquals("LSWMD", doc.get("layout").asText());
        assertEquals(2264, doc.get("count").asInt());
        assertEquals(2264, doc.get("labeled").asInt());
        assertEquals(800, doc.get("classes").get("none").asInt());
        assertEquals(28, doc.get("classes").get("Near-full").asInt());
        assertEquals(2264, doc.get("splits").get("Training").asInt());
        assertEquals(WaferTestFiles.golden("wm811k_subset.pkl").get("distinct_shapes").asInt(), doc.get("distinct_shapes").asInt());
        assertEquals(2, doc.get("shapes").get("min").size());
        assertTrue(doc.get("shapes").get("min").get(0).asInt() <= doc.get("shapes").get("max").get(0).asInt());
        assertTrue(r[2].contains("100.0 %"), "progress on stderr: " + r[2]);
    }

    @Test
    void unlabelledMapsAreCountedApart() throws Exception {
        String[] r = run("wafer", "info", WaferTestFiles.fixture("mir_wm811k.pkl").toString(), "--json");
        JsonNode doc = new ObjectMapper().readTree(r[1]);
        assertEquals("WM811K", doc.get("layout").asText());
        assertEquals(4, doc.get("count").asInt());
        assertEquals(3, doc.get("labeled").asInt());
        assertEquals(1, doc.get("unlabeled").asInt());
        assertEquals(1, doc.get("splits").get("none").asInt());
    }

    @Test
    void refusedPickleExitsWithTwoAndNamesTheGlobal() {
        String file = WaferTestFiles.fixture("malicious_os_system.pkl").toString();
        String[] r = run("wafer", "info", file);
        assertEquals("2", r[0]);
        assertEquals("", r[1]);
        assertTrue(r[2].endsWith("error: " + file + ": pickle names a global that is not allowed: os.system"
                + System.lineSeparator()), r[2]);
    }
}
