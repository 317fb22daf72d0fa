package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.wafer.AblationResults;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaferExperimentCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesOneRowPerRunAndResumesWithoutRetraining() throws Exception {
        String[] args = {"wafer", "experiment", "--data", WaferTrainEvaluateCommandTest.SAMPLE, "--train-sizes", "4",
            "--seeds", "1", "--variants", "baseline", "--max-epochs", "1", "--batch", "8", "--out", tmp.toString()};
        CliTest.Result first = CliTest.run(args);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("trained 1 runs"), first.out());
        AblationResults rows = AblationResults.open(tmp.resolve("results.csv"));
        assertEquals(1, rows.rows().size());
        assertEquals("baseline", rows.rows().get(0).get("variant"));
        assertEquals("40", rows.rows().get(0).get("test_n"));
        assertTrue(rows.rows().get(0).get("shortfall").contains("Donut:3"), rows.rows().get(0).toString());
        String md = Files.readString(tmp.resolve("results.md"));
        assertTrue(md.contains("| baseline / paper7 | 4 | 1 |"), md);
        org.opencv.core.Mat plot = org.opencv.imgcodecs.Imgcodecs.imread(tmp.resolve("accuracy.png").toString());
        assertEquals(2, plot.channels() == 3 ? 2 : 0, "a colour PNG");
        assertTrue(plot.cols() > 900 && plot.rows() > 400, plot.size().toString());

        CliTest.Result again = CliTest.run(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("trained 0 runs"), again.out());
        assertEquals(1, AblationResults.open(tmp.resolve("results.csv")).rows().size());
    }
}
