package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferPickleWriter;
import defectlens.wafer.WaferSplit;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wafer augment} on 45 real maps (5 per class of the repository's subset): the written pickle holds every map
 * read plus the kept ones and is read by {@code wafer info} and {@code wafer features}; {@code none} is never
 * augmented; the auto-encoder saved by the first run is reused by the next; bad input ends in one error line.
 */
class WaferAugmentCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path small;
    private static Path cae;
    private static JsonNode first;

    @BeforeAll
    static void augmentOnce() throws Exception {
        List<WaferMap> all = WaferPickleReader.read(Path.of("datasets/wm811k/wm811k_subset.pkl")).maps();
        Map<String, Integer> taken = new HashMap<>();
        List<WaferMap> maps = new ArrayList<>();
        for (WaferMap m : all) {
            if (m.isLabelled() && taken.merge(m.label(), 1, Integer::sum) <= 5) {
                maps.add(m);
            }
        }
        small = tmp.resolve("small.pkl");
        try (OutputStream out = Files.newOutputStream(small)) {
            WaferPickleWriter.write(maps, out);
        }
        cae = tmp.resolve("cae");
        CliTest.Result r = CliTest.run("wafer", "augment", "--data", small.toString(), "--ratio", "0.4", "--out",
                tmp.resolve("aug.pkl").toString(), "--model", cae.toString(), "--cae-epochs", "1", "--min-ssim", "0",
                "--json");
        assertEquals(0, r.code(), r.err());
        first = JSON.readTree(r.out());
    }

    @Test
    void writesEveryMapPlusTheKeptOnesInAFileTheWaferCommandsRead() throws Exception {
        JsonNode a = first.get("augmentation");
        assertEquals(45, first.get("maps").asInt());
        assertEquals(0, a.get("classes").get("none").get("target").asInt());
        assertEquals(0, a.get("classes").get("none").get("kept").asInt());
        assertEquals(2, a.get("classes").get("Loc").get("target").asInt(), "round(0.4 * 5)");
        assertEquals(45 + a.get("kept").asInt(), first.get("written").asInt());
        assertTrue(a.get("kept").asInt() + a.get("rejected").asInt() > 0);
        Path aug = tmp.resolve("aug.pkl");
        List<WaferMap> read = WaferPickleReader.read(aug).maps();
        assertEquals(first.get("written").asInt(), read.size());
        for (WaferMap g : read.subList(45, read.size())) {
            assertFalse("none".equals(g.label()));
            assertEquals(WaferSplit.TRAINING, g.split());
        }
        CliTest.Result info = CliTest.run("wafer", "info", aug.toString(), "--json");
        assertEquals(0, info.code(), info.err());
        assertEquals(read.size(), JSON.readTree(info.out()).get("labeled").asInt());
        Path csv = tmp.resolve("f.csv");
        CliTest.Result features = CliTest.run("wafer", "features", "--data", aug.toString(), "--out", csv.toString());
        assertEquals(0, features.code(), features.err());
        assertEquals(read.size() + 1, Files.readAllLines(csv).size());
    }

    @Test
    void aSecondRunReusesTheSavedAutoEncoderAndPrintsTheTable() {
        assertTrue(Files.isRegularFile(cae.resolve("cae.json")));
        CliTest.Result r = CliTest.run("wafer", "augment", "--data", small.toString(), "--ratio", "0.2", "--out",
                tmp.resolve("aug2.pkl").toString(), "--model", cae.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("auto-encoder from " + cae), r.err());
        assertTrue(r.out().contains("rejected") && r.out().contains("none"), r.out());
    }

    @Test
    void badInputEndsInOneErrorLineNamingTheFile() throws Exception {
        Path junkCae = Files.createDirectories(tmp.resolve("junk-cae"));
        Files.writeString(junkCae.resolve("cae.json"), "{\"architecture\": \"wafer-cae-32\"}");
        Files.write(junkCae.resolve("cae.params"), new byte[] {7, 7});
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "x");
        Path unlabelled = tmp.resolve("unlabelled.pkl");
        try (OutputStream out = Files.newOutputStream(unlabelled)) {
            WaferPickleWriter.write(List.of(new WaferMap(new byte[] {1, 2, 1, 1}, 2, 2, null, WaferSplit.NONE, 4,
                    null, 0)), out);
        }
        Path existing = Files.writeString(tmp.resolve("existing.pkl"), "x");
        String out = tmp.resolve("never.pkl").toString();
        String data = small.toString();
        Object[][] cases = {
            {new String[] {"--data", tmp.resolve("nope.pkl").toString(), "--ratio", "0.3", "--out", out}, "nope.pkl"},
            {new String[] {"--data", data, "--ratio", "0", "--out", out}, "--ratio"},
            {new String[] {"--data", data, "--ratio", "NaN", "--out", out}, "--ratio"},
            {new String[] {"--data", data, "--ratio", "11", "--out", out}, "--ratio"},
            {new String[] {"--data", data, "--ratio", "0.3", "--out", out, "--min-ssim", "2"}, "--min-ssim"},
            {new String[] {"--data", data, "--ratio", "0.3", "--out", out, "--cae-epochs", "0"}, "--cae-epochs"},
            {new String[] {"--data", data, "--ratio", "0.3", "--out", existing.toString()}, "existing.pkl"},
            {new String[] {"--data", data, "--ratio", "0.3", "--out", out, "--model", busy.toString()}, "busy"},
            {new String[] {"--data", data, "--ratio", "0.3", "--out", out, "--model", junkCae.toString()},
                "cae.params"},
            {new String[] {"--data", unlabelled.toString(), "--ratio", "0.3", "--out", out}, "unlabelled.pkl"},
        };
        for (Object[] c : cases) {
            String[] args = (String[]) c[0];
            String[] full = new String[args.length + 2];
            full[0] = "wafer";
            full[1] = "augment";
            System.arraycopy(args, 0, full, 2, args.length);
            CliTest.Result r = CliTest.run(full);
            String what = String.join(" ", args);
            assertEquals(2, r.code(), what + ": " + r.err());
            List<String> lines = r.err().strip().lines().toList();
            assertEquals(1, lines.stream().filter(l -> l.startsWith("error: ")).count(), what + ": " + r.err());
            String error = lines.get(lines.size() - 1);
            assertTrue(error.startsWith("error: ") && error.contains((String) c[1]), what + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        assertTrue(Files.notExists(Path.of(out)));
    }
}
