package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs never overwrite without --force, never leave partial files, and fail with one error line. */
class OutputSafetyTest {
    private static final Path WAFER_MODEL = Path.of("models", "wafer-baseline-paper7");
    private static final Path WAFER_DATA = Path.of("datasets", "wm811k", "LSWMD_sample.pkl");

    @TempDir
    Path tmp;

    private List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static void assertOneError(CliTest.Result r, String... parts) {
        assertEquals(2, r.code(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        for (String p : parts) {
            assertTrue(errors.get(0).contains(p), errors.get(0) + " lacks " + p);
        }
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in"), r.err());
    }

    @Test
    void aFailingWriterLeavesNeitherAPartialFileNorAChangedTarget() throws Exception {
        Path target = tmp.resolve("ratings.csv");
        Files.writeString(target, "old");
        DefectLensException e = assertThrows(DefectLensException.class, () -> OutputFile.write(target, true, out -> {
            out.write(new byte[10_000]);
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().startsWith(target.toString()) && e.getMessage().contains("no space left"),
                e.getMessage());
        assertEquals(List.of(target), filesIn(tmp), "no temporary file is left");
        assertEquals("old", Files.readString(target));
        Path fresh = tmp.resolve("fresh.npy");
        assertThrows(DefectLensException.class, () -> OutputFile.write(fresh, false, out -> {
            throw new IOException("disk quota exceeded");
        }));
        assertEquals(List.of(target), filesIn(tmp), "no empty file is left");
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        Path target = tmp.resolve("out.txt");
        OutputFile.writeString(target, false, "one");
        DefectLensException e = assertThrows(DefectLensException.class,
                () -> OutputFile.writeString(target, false, "two"));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        OutputFile.writeString(target, true, "three");
        assertArrayEquals("three".getBytes(), Files.readAllBytes(target));
        assertEquals(List.of(target), filesIn(tmp));
    }

    @Test
    void aFolderOrAFileInThePathIsRefusedWithAReason() throws Exception {
        assertTrue(assertThrows(DefectLensException.class, () -> OutputFile.writeString(tmp, true, "x"))
                .getMessage().contains("is a folder"));
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        DefectLensException e = assertThrows(DefectLensException.class,
                () -> OutputFile.writeString(file.resolve("sub").resolve("a.csv"), false, "x"));
        assertTrue(e.getMessage().contains(file + " is a file, not a folder"), e.getMessage());
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("old.jpg"), "x");
        assertTrue(assertThrows(DefectLensException.class, () -> OutputFile.prepareFolder(full, false))
                .getMessage().contains("not empty"));
        assertEquals(full.toAbsolutePath().normalize(), OutputFile.prepareFolder(full, true));
    }

    @Test
    void aFolderThatCannotBeWrittenEndsInOneClearError() throws Exception {
        Path ro = Files.createDirectory(tmp.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false, false));
        try {
            Path target = ro.resolve("ratings.csv");
            if (anyoneMayWriteInto(ro)) {
                // root ignores folder permissions; below a regular file nobody can write
                target = Files.writeString(tmp.resolve("plain"), "x").resolve("ratings.csv");
            }
            Path t = target;
            DefectLensException e = assertThrows(DefectLensException.class,
                    () -> OutputFile.writeString(t, false, "x"));
            assertTrue(e.getMessage().startsWith(t.toString()) && e.getMessage().contains("cannot write: "),
                    e.getMessage());
            assertFalse(Files.exists(t));
            assertEquals(List.of(), filesIn(ro));
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    private static boolean anyoneMayWriteInto(Path dir) {
        try {
            Files.delete(Files.createFile(dir.resolve("probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void studyExportRefusesToOverwriteWithoutForce() throws Exception {
        Path study = tmp.resolve("study");
        assertEquals(0, CliTest.run("study", "create", "--data", "datasets/sem-demo", "--methods", "gradcam",
                "--images", "2", "--out", study.toString()).code());
        Path csv = Files.writeString(tmp.resolve("ratings.csv"), "keep me");
        assertOneError(CliTest.run("study", "export", "--study", study.toString(), "--csv", csv.toString()),
                "ratings.csv", "--force");
        assertEquals("keep me", Files.readString(csv));
        assertEquals(0, CliTest.run("study", "export", "--study", study.toString(), "--csv", csv.toString(), "--force")
                .code());
        assertTrue(Files.readString(csv).startsWith("study,rater"));
        assertFalse(Files.exists(study.resolve("study.json.tmp")));
        assertOneError(CliTest.run("study", "create", "--data", "datasets/sem-demo", "--methods", "gradcam",
                "--out", csv.resolve("inside").toString()), "is a file, not a folder");
    }

    @Test
    void waferClassifyOntoAFolderOrThroughAFileLeavesNoTrace() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("predictions.csv"));
        assertOneError(CliTest.run("wafer", "classify", "--model", WAFER_MODEL.toString(), "--data",
                WAFER_DATA.toString(), "--out", folder.toString()), "predictions.csv", "is a folder");
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertOneError(CliTest.run("wafer", "classify", "--model", WAFER_MODEL.toString(), "--data",
                WAFER_DATA.toString(), "--out", file.resolve("p.csv").toString()), "is a file, not a folder");
        assertEquals(List.of(file, folder), filesIn(tmp));
        assertEquals(List.of(), filesIn(folder));
    }

    @Test
    void explainAndGenerateRefuseExistingOutputs() throws Exception {
        Path npy = Files.writeString(tmp.resolve("map.npy"), "old");
        assertOneError(CliTest.run("explain", "heatmap", "--model", "models/sem-demo", "--image", "x.png", "--out",
                npy.toString()), "map.npy", "--force");
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("notes.txt"), "mine");
        assertOneError(CliTest.run("sem", "generate", "--out", data.toString(), "--per-class", "1"), "not empty");
        assertEquals(List.of(data.resolve("notes.txt")), filesIn(data));
        Path explained = Files.createDirectories(tmp.resolve("explained"));
        Files.writeString(explained.resolve("map.npy"), "old");
        assertOneError(CliTest.run("wafer", "explain", "--model", WAFER_MODEL.toString(), "--data",
                WAFER_DATA.toString(), "--index", "0", "--out", explained.toString()), "map.npy", "--force");
    }
}
