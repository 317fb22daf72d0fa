package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maps written by {@link WaferPickleWriter} read back by {@link WaferPickleReader} as they were. */
class WaferPickleWriterTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsMapsLabelsSplitsAndNumbers() throws Exception {
        List<WaferMap> maps = new ArrayList<>(WaferPickleReader.read(Path.of("datasets/wm811k/LSWMD_sample.pkl"))
                .maps().subList(0, 30));
        maps.add(new WaferMap(new byte[] {0, 1, 2, 1, 2, 0}, 2, 3, null, WaferSplit.NONE, Double.NaN, null, 7));
        maps.add(new WaferMap(new byte[300 * 2], 300, 2, "Loc", WaferSplit.TEST, 12.5, "lot-ü", Double.NaN));
        Path file = tmp.resolve("maps.pkl");
        try (OutputStream out = Files.newOutputStream(file)) {
            WaferPickleWriter.write(maps, out);
        }
        WaferDataset read = WaferPickleReader.read(file);
        assertEquals(WaferLayout.LSWMD, read.layout());
        assertEquals(maps.size(), read.size());
        for (int i = 0; i < maps.size(); i++) {
            WaferMap a = maps.get(i);
            WaferMap b = read.get(i);
            assertEquals(a.rows(), b.rows());
            assertEquals(a.cols(), b.cols());
            assertArrayEquals(a.dies(), b.dies(), "row " + i);
            assertEquals(a.label(), b.label());
            assertEquals(a.split(), b.split());
            assertEquals(a.dieSize(), b.dieSize(), 0);
            assertEquals(a.waferIndex(), b.waferIndex(), 0);
        }
        assertNull(read.get(30).lotName(), "no lot is written as an empty string and read as none");
        assertEquals("lot-ü", read.get(31).lotName());
    }
}
