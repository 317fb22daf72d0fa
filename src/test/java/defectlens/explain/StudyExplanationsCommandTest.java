package defectlens.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.cli.DefectLensCommand;
import defectlens.cli.ModelOpener;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.study.StudyFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study's explanation pictures computed with a model, as the rating window then finds them. */
class StudyExplanationsCommandTest {
    @TempDir
    Path tmp;
    private ModelOpener models = ModelOpener.BUNDLES;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), models, args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void picturesForEveryImageAndMethodResumable() throws Exception {
        models = dir -> new TinyCnn();
        Path study = tmp.resolve("study");
        String[] created = run("study", "create", "--data", "datasets/sem-demo", "--methods", "gradcam,layercam",
                "--images", "3", "--seed", "5", "--out", study.toString());
        assertEquals("0", created[0], created[2]);
        String[] first = run("study", "explanations", "--study", study.toString(), "--model", tmp.toString(), "--json");
        assertEquals("0", first[0], first[2]);
        JsonNode doc = new ObjectMapper().readTree(first[1]);
        assertEquals(3, doc.get("written").get("gradcam").asInt());
        assertEquals(3, doc.get("written").get("layercam").asInt());

        StudyFolder folder = StudyFolder.open(study);
        String id = folder.plan().images().get(0).id();
        Path picture = folder.explanations().explanationFor("gradcam", id).orElseThrow();
        ImageRaster shown = SemImageReader.read(picture);
        ImageRaster original = SemImageReader.read(folder.plan().imageFile(study, id));
        assertEquals(original.width(), shown.width());
        assertEquals(3, shown.channels());
        int coloured = 0;
        for (int y = 0; y < shown.height(); y += 4) {
            for (int x = 0; x < shown.width(); x += 4) {
                int r = shown.sample(x, y, 0);
                int b = shown.sample(x, y, 2);
                if (Math.abs(r - b) > 30) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 0, "the heatmap is blended over the gray image");

        String[] again = run("study", "explanations", "--study", study.toString(), "--model", tmp.toString(), "--json");
        assertEquals(0, new ObjectMapper().readTree(again[1]).get("written").get("gradcam").asInt(), "resumes: nothing recomputed");
        assertTrue(Files.isRegularFile(picture));
    }

    @Test
    void anUnreadableStudyImageIsReportedAndTheRestAreWritten() throws Exception {
        models = dir -> new TinyCnn();
        Path data = tmp.resolve("sem-demo");
        try (Stream<Path> all = Files.walk(Path.of("datasets", "sem-demo"))) {
            for (Path p : all.toList()) {
                Path to = data.resolve(Path.of("datasets", "sem-demo").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path study = tmp.resolve("study");
        String[] created = run("study", "create", "--data", data.toString(), "--methods", "gradcam,layercam",
                "--images", "3", "--seed", "5", "--out", study.toString());
        assertEquals("0", created[0], created[2]);
        StudyFolder folder = StudyFolder.open(study);
        String broken = folder.plan().images().get(1).id();
        Path file = folder.plan().imageFile(study, broken);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 3));

        String[] r = run("study", "explanations", "--study", study.toString(), "--model", tmp.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[2].contains("warning: skipped " + file), r[2]);
        JsonNode doc = new ObjectMapper().readTree(r[1]);
        assertEquals(2, doc.get("written").get("gradcam").asInt());
        assertEquals(2, doc.get("written").get("layercam").asInt());
        assertEquals(1, doc.get("skipped").size());
        assertEquals(broken, doc.get("skipped").get(0).get("id").asText());
        assertTrue(folder.explanations().explanationFor("gradcam", broken).isEmpty());
    }

    @Test
    void missingCraftBanksAreFittedAndReusedUnlessFittingIsTurnedOff() throws Exception {
        models = dir -> new TinyCnn();
        Path study = tmp.resolve("study");
        assertEquals("0", run("study", "create", "--data", "datasets/sem-demo", "--methods", "gradcam,craft",
                "--images", "2", "--seed", "5", "--out", study.toString())[0]);
        String[] off = run("study", "explanations", "--study", study.toString(), "--model", tmp.toString(),
                "--no-fit-banks");
        assertEquals("2", off[0], off[2]);
        String error = off[2].lines().filter(l -> l.startsWith("error: ")).findFirst().orElse(off[2]);
        assertTrue(error.contains("concept-banks") && error.contains("no CRAFT concept bank")
                && error.contains("--fit-banks"), off[2]);
        String[] small = {"--craft-images", "2", "--craft-concepts", "2", "--craft-iterations", "20",
            "--craft-designs", "4", "--json"};
        String[] first = run(concat(new String[] {"study", "explanations", "--study", study.toString(), "--model",
            tmp.toString()}, small));
        assertEquals("0", first[0], first[2]);
        JsonNode doc = new ObjectMapper().readTree(first[1]);
        assertTrue(doc.get("fittedBanks").size() >= 1, first[1]);
        assertEquals(2, doc.get("written").get("craft").asInt());
        assertEquals(0, doc.get("unavailable").asInt());
        StudyFolder folder = StudyFolder.open(study);
        assertTrue(folder.explainedClasses().of(folder.plan().images().get(0).id()).isPresent());
        try (Stream<Path> banks = Files.walk(study.resolve("concept-banks"))) {
            assertEquals(doc.get("fittedBanks").size(), banks.filter(p -> p.endsWith("bank.json")).count(),
                    "the banks are saved in the study's concept-banks folder");
        }
        Files.delete(folder.pictureFile("craft", folder.plan().images().get(1).id()));
        String[] again = run(concat(new String[] {"study", "explanations", "--study", study.toString(), "--model",
            tmp.toString(), "--no-fit-banks"}, small));
        assertEquals("0", again[0], again[2]);
        JsonNode doc2 = new ObjectMapper().readTree(again[1]);
        assertEquals(0, doc2.get("fittedBanks").size(), "the fitted banks are reused");
        assertEquals(1, doc2.get("written").get("craft").asInt());
        assertEquals(3, doc2.get("kept").asInt());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
