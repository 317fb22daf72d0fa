package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.dataset.SampleDatasets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void datasetInfoJson() throws Exception {
        Path root = SampleDatasets.carinthiaS(tmp.resolve("cs"), 2, false);
        Result r = run("dataset", "info", root.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("carinthia-s", j.get("layout").asText());
        assertEquals(12, j.get("images").asInt());
        assertEquals(12, j.get("masks").asInt());
        assertEquals(2, j.get("classes").get("multi_bridge").asInt());
        assertEquals(6, j.get("classes").size());
    }

    @Test
    void imageInfoJsonOnSixteenBitTiff() throws Exception {
        Result r = run("image", "info", "src/test/resources/image/gray16.tif", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(16, j.get("bitDepth").asInt());
        assertEquals(63329, j.get("max").asInt());
    }

    @Test
    void userErrorsExitNonZeroWithOneLine() {
        Result r = run("dataset", "info", tmp.resolve("missing").toString(), "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("missing") && !r.err().contains("at defectlens"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void helpListsCommandsAndVersionPrints() {
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("dataset") && help.out().contains("image"), help.out());
        Result version = run("--version");
        assertTrue(version.out().startsWith("DefectLens "), version.out());
    }
}
