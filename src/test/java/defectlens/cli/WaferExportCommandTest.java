package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferMapPicture;
import defectlens.wafer.WaferPickleReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaferExportCommandTest {
    static final Path SAMPLE = Path.of("datasets/wm811k/LSWMD_sample.pkl");

    @TempDir
    Path tmp;

    @Test
    void writesPngsPerClassThatShowTheDies() throws Exception {
        CliTest.Result r = CliTest.run("wafer", "export", SAMPLE.toString(), "--out", tmp.toString(), "--class", "Center",
                "--limit", "2", "--scale", "3");
        assertEquals(0, r.code(), r.err());
        Path dir = tmp.resolve("Center");
        assertEquals(2, Files.list(dir).count());
        WaferDataset d = WaferPickleReader.read(SAMPLE);
        int first = -1;
        for (int i = 0; i < d.size(); i++) {
            if ("Center".equals(d.get(i).label())) {
                first = i;
                break;
            }
        }
        WaferMap m = d.get(first);
        ImageRaster png = SemImageReader.read(dir.resolve(String.format("wafer_%06d.png", first)));
        assertEquals(m.cols() * 3, png.width());
        assertEquals(m.rows() * 3, png.height());
        for (int row = 0; row < m.rows(); row++) {
            for (int col = 0; col < m.cols(); col++) {
                int expected = WaferMapPicture.colorOf(m.die(row, col));
                int x = col * 3 + 1;
                int y = row * 3 + 1;
                assertEquals((expected >>> 24) & 0xFF, png.sample(x, y, 3), "alpha at die " + row + "," + col);
                if ((expected >>> 24) != 0) {
                    assertEquals((expected >> 16) & 0xFF, png.sample(x, y, 0));
                }
            }
        }
    }

    @Test
    void unknownClassIsAClearError() {
        CliTest.Result r = CliTest.run("wafer", "export", SAMPLE.toString(), "--out", tmp.toString(), "--class", "Nope");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no map of class 'Nope'"), r.err());
    }
}
