package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchSemCommandTest {
    @Test
    void timesATinyRandomNetworkAtTwoBatchSizes() throws Exception {
        CliTest.Result r = CliTest.run("bench", "sem", "--architecture", "tiny", "--input-size", "32", "--channels", "1",
                "--classes", "3", "--batch", "1,2", "--warmup", "0", "--repeats", "1", "--threads", "0", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("sem-inference", doc.get("benchmark").asText());
        assertEquals("efficientnetv2-tiny", doc.get("model").get("architecture").asText());
        assertEquals("[1,32,32]", doc.get("model").get("input").toString());
        assertTrue(doc.get("model").get("parameters").asLong() > 100_000);
        JsonNode results = doc.get("results");
        assertEquals(2, results.size());
        assertEquals(2, results.get(1).get("batch").asInt());
        assertTrue(results.get(0).get("medianSeconds").asDouble() > 0);
        assertTrue(results.get(1).get("imagesPerSecond").asDouble() > 0);
    }

    @Test
    void rejectsABadBatchSize() {
        CliTest.Result r = CliTest.run("bench", "sem", "--architecture", "tiny", "--batch", "0");
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("batch"), r.err());
    }
}
