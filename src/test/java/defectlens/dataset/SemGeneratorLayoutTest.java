package defectlens.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.cli.DefectLensCommand;
import defectlens.core.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemGeneratorLayoutTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheCarinthiaSLayout() throws Exception {
        Path out = tmp.resolve("set");
        SemGenerationSummary s = new SemGenerator(96, 90, 2).generate(out, ClassQuota.balanced(2), 5, Progress.NONE);
        assertEquals(12, s.images());
        assertEquals(12, s.masks());
        Path data = out.resolve("data");
        List<String> rowsS = Files.readAllLines(data.resolve("carinthia-s.csv"), StandardCharsets.UTF_8);
        List<String> rows = Files.readAllLines(data.resolve("carinthia.csv"), StandardCharsets.UTF_8);
        assertEquals("image_path;mask_path;filename;label", rowsS.get(0));
        assertEquals("image_path;file_name;label", rows.get(0));
        assertEquals(13, rowsS.size());
        assertEquals(13, rows.size());
        for (int i = 0; i < 12; i++) {
            String stem = String.format(Locale.ROOT, "sem_%06d", i + 1);
            int label = i / 2 + 1;
            assertEquals("images/" + stem + ".jpg;masks/" + stem + ".png;" + stem + ";" + label, rowsS.get(i + 1));
            assertEquals("images/" + stem + ".jpg;" + stem + ".jpg;" + label, rows.get(i + 1));
            Path image = data.resolve("images/" + stem + ".jpg");
            Path mask = data.resolve("masks/" + stem + ".png");
            assertTrue(Files.isRegularFile(image), image.toString());
            assertTrue(Files.isRegularFile(mask), mask.toString());
            byte[] jpegHead = java.util.Arrays.copyOf(Files.readAllBytes(image), 3);
            assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, jpegHead, "JPEG signature");
            assertEquals(96 * 96, gray(image).length);
            byte[] m = gray(mask);
            int defect = 0;
            for (byte v : m) {
                assertTrue(v == 0 || v == (byte) 255, "binary mask");
                defect += v != 0 ? 1 : 0;
            }
            assertEquals(label == 6, defect == 0, stem + " mask emptiness matches its class");
        }
    }

    @Test
    void outputDoesNotDependOnTheNumberOfThreads() throws Exception {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        new SemGenerator(96, 90, 1).generate(one, ClassQuota.balanced(2), 9, Progress.NONE);
        new SemGenerator(96, 90, 2).generate(two, ClassQuota.balanced(2), 9, Progress.NONE);
        for (int i = 1; i <= 12; i++) {
            String stem = String.format(Locale.ROOT, "sem_%06d", i);
            assertArrayEquals(Files.readAllBytes(one.resolve("data/masks/" + stem + ".png")),
                    Files.readAllBytes(two.resolve("data/masks/" + stem + ".png")), stem + " mask bytes");
            assertArrayEquals(gray(one.resolve("data/images/" + stem + ".jpg")),
                    gray(two.resolve("data/images/" + stem + ".jpg")), stem + " image pixels");
        }
        assertEquals(Files.readString(one.resolve("data/carinthia-s.csv")),
                Files.readString(two.resolve("data/carinthia-s.csv")));
    }

    @Test
    void cliWritesRealProportionsAndPrintsJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path dir = tmp.resolve("cli");
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "sem", "generate", "--out", dir.toString(), "--imbalance", "real", "--total", "20",
                "--seed", "3", "--size", "64", "--threads", "2", "--json");
        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(20, json.get("images").asInt());
        assertEquals(20, json.get("masks").asInt());
        JsonNode classes = json.get("classes");
        assertEquals(6, classes.size());
        int sum = 0;
        for (CarinthiaClass c : CarinthiaClass.values()) {
            int n = classes.get(c.displayName()).asInt();
            assertEquals(ClassQuota.realProportions(20).count(c), n, c.toString());
            sum += n;
        }
        assertEquals(20, sum);
        assertEquals(21, Files.readAllLines(dir.resolve("data/carinthia-s.csv")).size());
        assertTrue(err.toString().contains("20/20"), "progress on stderr");
    }

    @Test
    void cliRejectsMissingCountsWithExitTwo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "sem", "generate", "--out", tmp.resolve("x").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--per-class"), err.toString());
        int imbalance = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "sem", "generate", "--out", tmp.resolve("y").toString(), "--imbalance", "skewed", "--total", "9");
        assertEquals(2, imbalance);
    }

    @Test
    void aCancelStopsTheWorkersAndWritesNoCsv() throws Exception {
        java.util.concurrent.atomic.AtomicInteger updates = new java.util.concurrent.atomic.AtomicInteger();
        Progress cancelAfterFirstStep = new Progress() {
            @Override
            public void update(double fraction, String message) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() > 0;
            }
        };
        Path out = tmp.resolve("cancelled");
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> new SemGenerator(64, 90, 2).generate(out, ClassQuota.balanced(10), 3, cancelAfterFirstStep));
        assertTrue(Files.notExists(out.resolve("data").resolve(CarinthiaCsvWriter.CARINTHIA_CSV)));
        assertTrue(Files.notExists(out.resolve("data").resolve(CarinthiaCsvWriter.CARINTHIA_S_CSV)));
        try (var files = Files.list(out.resolve("data").resolve("images"))) {
            assertTrue(files.count() < 60, "images kept being written after the cancel");
        }
    }

    private static byte[] gray(java.nio.file.Path file) {
        defectlens.image.ImageRaster r = defectlens.image.SemImageReader.read(file);
        byte[] out = new byte[r.width() * r.height()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) r.samples()[i * r.channels()];
        }
        return out;
    }
}
