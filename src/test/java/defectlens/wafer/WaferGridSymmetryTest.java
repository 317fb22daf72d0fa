package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Turning and mirroring a non-square raw map as numpy's rot90, fliplr and flipud do. */
class WaferGridSymmetryTest {
    // 2 x 3:  0 1 2
    //         1 2 1
    private static final WaferMap MAP = new WaferMap(new byte[] {0, 1, 2, 1, 2, 1}, 2, 3, "Loc", null, 6, "lot", 4);

    @Test
    void aQuarterTurnIsNumpysRot90() {
        WaferMap r = WaferGridSymmetry.rotate90(MAP);
        assertEquals(3, r.rows());
        assertEquals(2, r.cols());
        // numpy.rot90([[0,1,2],[1,2,1]]) == [[2,1],[1,2],[0,1]]
        assertArrayEquals(new byte[] {2, 1, 1, 2, 0, 1}, r.dies());
        assertEquals("Loc", r.label());
        WaferMap back = WaferGridSymmetry.rotate90(WaferGridSymmetry.rotate90(WaferGridSymmetry.rotate90(r)));
        assertArrayEquals(MAP.dies(), back.dies());
    }

    @Test
    void flipsMirrorRowsAndColumns() {
        assertArrayEquals(new byte[] {2, 1, 0, 1, 2, 1}, WaferGridSymmetry.flipHorizontal(MAP).dies());
        assertArrayEquals(new byte[] {1, 2, 1, 0, 1, 2}, WaferGridSymmetry.flipVertical(MAP).dies());
        assertArrayEquals(MAP.dies(), WaferGridSymmetry.flipVertical(WaferGridSymmetry.flipVertical(MAP)).dies());
    }
}
