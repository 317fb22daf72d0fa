package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemGenerateVarietyTest {
    @TempDir
    Path tmp;

    @Test
    void defaultIsTheStandardVarietyAndWideMakesOtherImages() throws Exception {
        Path plain = tmp.resolve("plain");
        Path standard = tmp.resolve("standard");
        Path wide = tmp.resolve("wide");
        assertEquals(0, generate(plain).code());
        assertEquals(0, generate(standard, "--variety", "standard").code());
        CliTest.Result r = generate(wide, "--variety", "WIDE");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("wide", j.get("variety").asText());
        assertEquals(6, j.get("images").asInt());
        Path image = Path.of("data", "images", "sem_000001.jpg");
        byte[] a = Files.readAllBytes(plain.resolve(image));
        assertArrayEquals(a, Files.readAllBytes(standard.resolve(image)));
        assertFalse(Arrays.equals(a, Files.readAllBytes(wide.resolve(image))));
    }

    @Test
    void unknownVarietyIsOneErrorLine() {
        CliTest.Result r = CliTest.run("sem", "generate", "--out", tmp.resolve("x").toString(), "--per-class", "1",
                "--variety", "extreme");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("extreme") && r.err().contains("wide"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    private static CliTest.Result generate(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("sem", "generate", "--out", out.toString(), "--per-class", "1",
                "--size", "96", "--seed", "3", "--threads", "1", "--json"));
        args.addAll(List.of(extra));
        return CliTest.run(args.toArray(String[]::new));
    }
}
