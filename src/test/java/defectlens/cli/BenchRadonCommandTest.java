package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchRadonCommandTest {
    @Test
    void smallRadonBenchPrintsOneJsonDocument() throws Exception {
        CliTest.Result r = CliTest.run("bench", "radon", "--angles", "8,16", "--batch", "20", "--repeats", "1",
                "--warmup", "0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("radon", j.get("benchmark").asText());
        assertEquals(4, j.get("results").size(), "wafer-like and dense for each angle count");
        for (JsonNode res : j.get("results")) {
            assertTrue(res.get("mapsPerSecond").asDouble() > 0);
            assertEquals(20, res.get("batch").asInt());
        }
        assertEquals(1.0, j.get("results").get(1).get("meanNonZeroFraction").asDouble(), 1e-9);
    }

    @Test
    void rejectsNonPositiveAngles() {
        CliTest.Result r = CliTest.run("bench", "radon", "--angles", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
    }
}
