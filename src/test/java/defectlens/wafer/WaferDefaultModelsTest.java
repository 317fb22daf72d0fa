package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which bundle classifies whole files: the student when it ships, else the ensemble. */
class WaferDefaultModelsTest {
    private static void bundle(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(WaferModelBundle.METADATA), "{}");
    }

    @Test
    void theStudentClassifiesWholeFilesWhenItShipsElseTheEnsemble(@TempDir Path models) throws Exception {
        assertEquals(Optional.empty(), WaferDefaultModels.forWholeFiles(models, WaferClassSet.PAPER7));
        bundle(models.resolve("wafer-proposed-paper7"));
        assertEquals(Optional.of(models.resolve("wafer-proposed-paper7")),
                WaferDefaultModels.forWholeFiles(models, WaferClassSet.PAPER7));
        Files.createDirectories(models.resolve("wafer-student-paper7")); // a folder without model.json is no bundle
        assertEquals(Optional.of(models.resolve("wafer-proposed-paper7")),
                WaferDefaultModels.forWholeFiles(models, WaferClassSet.PAPER7));
        bundle(models.resolve("wafer-student-paper7"));
        assertEquals(Optional.of(models.resolve("wafer-student-paper7")),
                WaferDefaultModels.forWholeFiles(models, WaferClassSet.PAPER7));
        assertEquals(Optional.empty(), WaferDefaultModels.forWholeFiles(models, WaferClassSet.ALL9));
    }

    @Test
    void theShippedStudentIsTheDefaultForPaper7() {
        Path models = Path.of(WaferDefaultModels.FOLDER);
        assertEquals(Optional.of(models.resolve("wafer-student-paper7")),
                WaferDefaultModels.forWholeFiles(models, WaferClassSet.PAPER7));
        assertTrue(Files.isDirectory(WaferDefaultModels.ensemble(models, WaferClassSet.ALL9)));
    }
}
