package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.Main;
import defectlens.dataset.DatasetOpener;
import defectlens.study.ModelRef;
import defectlens.study.Questionnaire;
import defectlens.study.StudyCreator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user starts it, in a JVM of its own: libtorch writes its warnings to file descriptor 2, which a
 * test inside this JVM cannot see. Representative commands on small inputs print no warning on stderr
 * ({@link StderrNoise}): one without PyTorch ({@code wafer info}), the wafer network on a batch ({@code wafer
 * classify}) and LRP of one map ({@code wafer explain}), the SEM network on one image ({@code sem classify
 * --image}) and GradCAM and CRAFT (bank fitted on the way) for a one-image study ({@code study explanations}).
 * Before {@link defectlens.model.NnpackSwitch}, every one-image command printed libtorch's "Could not initialize
 * NNPACK! Reason: Unsupported hardware." on a CPU NNPACK does not support (AMD EPYC Zen 4), once per convolution.
 */
class CliStderrTest {
    private static final Path WAFERS = Path.of("src/test/resources/wafer/mir_wm811k.pkl");
    private static final Path DEMO = Path.of("datasets/sem-demo");
    private static final Path SEM_MODEL = Path.of("models/sem-demo");
    private static final Path WAFER_MODEL = Path.of("models/wafer-proposed-paper7");

    @TempDir
    Path tmp;

    @Test
    void waferCommandsAreQuiet() throws Exception {
        quiet("wafer", "info", WAFERS.toString());
        quiet("wafer", "classify", "--model", WAFER_MODEL.toString(), "--data", WAFERS.toString(), "--json");
        quiet("wafer", "explain", "--model", WAFER_MODEL.toString(), "--data", WAFERS.toString(), "--index", "0",
                "--out", tmp.resolve("lrp").toString());
    }

    @Test
    void oneSemImageIsClassifiedQuietly() throws Exception {
        quiet("sem", "classify", "--model", SEM_MODEL.toString(), "--image",
                DEMO.resolve("data/images/sem_000001.jpg").toString(), "--json");
    }

    @Test
    void gradcamAndCraftPicturesAreMadeQuietly() throws Exception {
        Path study = tmp.resolve("study");
        var image = DatasetOpener.open(DEMO).samples().get(0);
        StudyCreator.create(DEMO, List.of(new StudyCreator.Candidate(image.id(), image.image())),
                List.of("gradcam", "craft"), 1, 1, new ModelRef("sem-demo", "0.1"),
                Questionnaire.explanationSatisfaction(), study);
        quiet("study", "explanations", "--study", study.toString(), "--model", SEM_MODEL.toString(),
                "--craft-images", "2", "--craft-concepts", "3", "--craft-iterations", "50", "--craft-designs", "8");
        for (String method : List.of("gradcam", "craft")) {
            assertTrue(Files.exists(study.resolve("explanations/" + method + "/" + image.id() + ".png")), method);
        }
    }

    /**
     * Runs {@code defectlens COMMAND...} as {@code java -jar} would and asserts exit 0 and a quiet stderr. The test
     * class path holds a second SLF4J provider (Spark's log4j binding, test scope) that the product's has not:
     * naming logback, as the product finds it, keeps SLF4J's "multiple providers" warning out.
     */
    private void quiet(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g",
                "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider",
                "-Ddefectlens.home=" + tmp.resolve("home"), "-Ddefectlens.cache=none", Main.class.getName()));
        line.addAll(List.of(command));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not end within 300 s: " + String.join(" ", command));
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        String what = String.join(" ", command);
        assertEquals(0, p.exitValue(), what + ":\n" + stderr);
        List<String> noise = StderrNoise.in(stderr);
        assertTrue(noise.isEmpty(), () -> what + ": " + noise.size() + " lines of noise on stderr, the first: "
                + noise.get(0));
    }
}
