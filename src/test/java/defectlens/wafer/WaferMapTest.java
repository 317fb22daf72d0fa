package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import defectlens.core.DefectLensException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The grid rules of a wafer map: row-major 0/1/2 dies, any shape, and errors that name the row. */
class WaferMapTest {

    @Test
    void gridIsRowMajorAndCountsDies() {
        WaferMap m = new WaferMap(new byte[] {0, 1, 2, 1, 1, 0}, 2, 3, "Loc", WaferSplit.TEST, 4, "lot1", 7);
        assertEquals(2, m.die(0, 2));
        assertEquals(1, m.die(1, 0));
        assertEquals(3, m.count(WaferMap.PASS));
        assertEquals(1, m.count(WaferMap.FAIL));
        assertThrows(IndexOutOfBoundsException.class, () -> m.die(2, 0));
    }

    @Test
    void wrongSizeOrDieValueIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new WaferMap(new byte[5], 2, 3, null, WaferSplit.NONE, 0, null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new WaferMap(new byte[] {3}, 1, 1, null, WaferSplit.NONE, 0, null, 0));
    }

    @Test
    void fileWithAForeignDieValueNamesFileAndRow() {
        Path file = WaferTestFiles.fixture("bad_die_value.pkl");
        DefectLensException e = assertThrows(DefectLensException.class, () -> WaferPickleReader.read(file));
        assertEquals(file + ": row 2: waferMap value 3 at (0, 0) is not 0, 1 or 2", e.getMessage());
    }

    @Test
    void splitLabelsAsTheFilesSpellThem() {
        assertEquals(WaferSplit.TRAINING, WaferSplit.fromLabel("Training"));
        assertEquals(WaferSplit.TEST, WaferSplit.fromLabel(" Test "));
        assertEquals(WaferSplit.NONE, WaferSplit.fromLabel(null));
    }
}
