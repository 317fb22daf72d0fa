package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wafer train --distil-from} and {@code wafer classify} with the shipped student as the default model. */
class WaferStudentCommandTest {
    private static final String SAMPLE = WaferTrainEvaluateCommandTest.SAMPLE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void distilFromWritesANarrowStudentWithTheTeacherInItsProvenance(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("student");
        CliTest.Result r = CliTest.run("wafer", "train", "--data", SAMPLE, "--distil-from",
                "models/wafer-proposed-paper7", "--train-per-class", "4", "--seed", "1", "--max-epochs", "1",
                "--batch", "8", "--teacher-average-symmetries", "false", "--temperature", "2", "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("teacher targets of"), r.err());
        JsonNode summary = JSON.readTree(r.out());
        assertEquals("[8, 24, 48, 96] / [128, 64]", summary.get("widths").asText());
        assertEquals(0.5, summary.get("hard_weight").asDouble());
        assertEquals(2.0, summary.get("temperature").asDouble());
        JsonNode meta = JSON.readTree(Files.readString(out.resolve("model.json")));
        assertEquals("wafer-proposed-student-7classes", meta.get("name").asText());
        assertEquals(List.of(8, 24, 48, 96), JSON.convertValue(meta.get("widths").get("filters"), List.class));
        JsonNode distil = meta.get("provenance").get("distillation");
        assertEquals("wafer-proposed-paper7", distil.get("teacher").get("name").asText());
        assertEquals(3, distil.get("teacher").get("sha256").size());
        assertFalse(distil.get("teacher").get("averageOverSymmetries").asBoolean(), "one teacher pass per map");
        assertEquals(2.0, distil.get("temperature").asDouble());
        assertFalse(distil.get("teacher").toString().contains("/"), "no path of this machine: " + distil);
        assertEquals("LSWMD_sample.pkl", meta.get("provenance").get("data").get("file").asText());
        assertTrue(Files.size(out.resolve("model.params")) < 2_000_000);
    }

    @Test
    void distillationOptionsAreRefusedWhereTheyMeanNothing(@TempDir Path tmp) {
        CliTest.Result r = CliTest.run("wafer", "train", "--data", SAMPLE, "--train-per-class", "4", "--hard-weight",
                "0.3", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--hard-weight is for --distil-from only"), r.err());
        CliTest.Result t = CliTest.run("wafer", "train", "--data", SAMPLE, "--train-per-class", "4", "--temperature",
                "2", "--out", tmp.resolve("t").toString());
        assertEquals(2, t.code(), t.err());
        assertTrue(t.err().contains("--temperature is for --distil-from only"), t.err());
        CliTest.Result single = CliTest.run("wafer", "train", "--data", SAMPLE, "--train-per-class", "4",
                "--teacher-average-symmetries", "false", "--out", tmp.resolve("s").toString());
        assertEquals(2, single.code(), single.err());
        assertTrue(single.err().contains("--teacher-average-symmetries is for --distil-from only"), single.err());
        CliTest.Result decay = CliTest.run("wafer", "train", "--data", SAMPLE, "--train-per-class", "4",
                "--lr-decay", "1.5", "--out", tmp.resolve("d").toString());
        assertEquals(2, decay.code(), decay.err());
        assertTrue(decay.err().contains("--lr-decay must be in (0, 1]: 1.5"), decay.err());
        CliTest.Result bseml = CliTest.run("wafer", "train", "--data", SAMPLE, "--variant", "bseml", "--distil-from",
                "models/wafer-proposed-paper7", "--out", tmp.resolve("y").toString());
        assertEquals(2, bseml.code(), bseml.err());
        assertTrue(bseml.err().contains("for the CNN variants"), bseml.err());
    }

    @Test
    void classifyWithoutAModelTakesTheShippedStudentAndSaysSo(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("p.csv");
        CliTest.Result r = CliTest.run("wafer", "classify", "--data", SAMPLE, "--out", csv.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("wafer-student-paper7 (the default for whole files"), r.err());
        JsonNode summary = JSON.readTree(r.out());
        assertTrue(summary.get("default_model").asBoolean());
        assertTrue(summary.get("model").asText().endsWith("wafer-student-paper7"), summary.toString());
        assertFalse(summary.get("average_over_symmetries").asBoolean());
        assertEquals(200, summary.get("maps").asInt());

        Path named = tmp.resolve("named.csv");
        CliTest.Result same = CliTest.run("wafer", "classify", "--model", "models/wafer-student-paper7", "--data",
                SAMPLE, "--out", named.toString());
        assertEquals(0, same.code(), same.err());
        assertEquals(Files.readString(csv), Files.readString(named), "the default is the named student");
    }
}
