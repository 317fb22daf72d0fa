package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.core.RecordingProgress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layout, protocol and compression variants made by make_fixtures.py, and broken files. */
class WaferLayoutFixturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"lswmd_protocol2.pkl", "lswmd_protocol4.pkl", "lswmd_protocol5.pkl.gz",
            "lswmd_protocol5.pkl.xz"})
    void kaggleLayoutInEveryProtocolAndCompression(String name) {
        WaferDataset data = WaferPickleReader.read(WaferTestFiles.fixture(name));
        assertEquals(WaferLayout.LSWMD, data.layout());
        WaferPickleReaderTest.assertMatchesGolden(data, WaferTestFiles.golden("lswmd_protocol4.pkl"));
        WaferMap unlabelled = data.get(3);
        assertNull(unlabelled.label(), "empty label array means unlabelled");
        assertEquals(WaferSplit.NONE, unlabelled.split());
    }

    @Test
    void fortranAndInt64MapsEqualTheSameMapsInTheSharedSample() {
        WaferDataset fixture = WaferPickleReader.read(WaferTestFiles.fixture("lswmd_protocol4.pkl"));
        WaferDataset shared = WaferPickleReader.read(WaferTestFiles.extraColumnSample());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(shared.get(i).dies(), fixture.get(i).dies(), "map " + i);
        }
    }

    @Test
    void extraColumnsOfOtherTypesAreIgnored() {
        WaferDataset data = WaferPickleReader.read(WaferTestFiles.fixture("extra_columns.pkl"));
        WaferPickleReaderTest.assertMatchesGolden(data, WaferTestFiles.golden("lswmd_protocol4.pkl"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"legacy_pandas018_py2.pkl", "legacy_pandas013_py2.pkl"})
    void python2PickleOfOldPandasWithLatin1Strings(String name) {
        WaferDataset legacy = WaferPickleReader.read(WaferTestFiles.fixture(name));
        WaferDataset modern = WaferPickleReader.read(WaferTestFiles.fixture("lswmd_protocol4.pkl"));
        assertEquals(WaferLayout.LSWMD, legacy.layout());
        assertEquals("lot\u00e9", legacy.get(0).lotName(), "Python 2 str decoded as latin-1");
        for (int i = 0; i < 4; i++) {
            WaferMap a = legacy.get(i);
            WaferMap b = modern.get(i);
            assertArrayEquals(b.dies(), a.dies(), "map " + i);
            assertEquals(b.rows(), a.rows());
            assertEquals(b.label(), a.label());
            assertEquals(b.split(), a.split());
            assertEquals(b.dieSize(), a.dieSize());
            assertEquals(b.waferIndex(), a.waferIndex());
        }
        assertEquals(modern.get(1).lotName(), legacy.get(1).lotName());
    }

    @Test
    void mirLayoutWithPlainLabelsAndZeroForUnlabelled() {
        WaferDataset data = WaferPickleReader.read(WaferTestFiles.fixture("mir_wm811k.pkl"));
        assertEquals(WaferLayout.WM811K, data.layout());
        WaferPickleReaderTest.assertMatchesGolden(data, WaferTestFiles.golden("mir_wm811k.pkl"));
        assertNull(data.get(3).label());
    }

    @Test
    void mirLayoutWithCategoricalColumns() {
        WaferDataset data = WaferPickleReader.read(WaferTestFiles.fixture("mir_categorical.pkl"));
        assertEquals(WaferLayout.WM811K, data.layout());
        WaferPickleReaderTest.assertMatchesGolden(data, WaferTestFiles.golden("mir_wm811k.pkl"));
    }

    @Test
    void truncatedFileNamesTheFileAndSaysItEndsEarly() {
        Path file = WaferTestFiles.fixture("truncated.pkl");
        DefectLensException e = assertThrows(DefectLensException.class, () -> WaferPickleReader.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains("ends early"), e.getMessage());
    }

    @Test
    void pickleOfSomethingElseIsRefused() {
        Path file = WaferTestFiles.fixture("not_a_frame.pkl");
        DefectLensException e = assertThrows(DefectLensException.class, () -> WaferPickleReader.read(file));
        assertTrue(e.getMessage().contains("not a pandas DataFrame"), e.getMessage());
    }

    @Test
    void missingFileIsAUserError() {
        Path file = Path.of("no-such-wafers.pkl");
        DefectLensException e = assertThrows(DefectLensException.class, () -> WaferPickleReader.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void progressRisesToOneAndCancelStopsTheRead() {
        Path dev = WaferTestFiles.subset();
        RecordingProgress progress = new RecordingProgress();
        WaferPickleReader.read(dev, progress);
        List<Double> seen = progress.fractions;
        assertTrue(seen.size() > 10, "progress reported " + seen.size() + " times");
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never falls");
        }
        assertEquals(1.0, seen.get(seen.size() - 1));
        RecordingProgress cancelled = new RecordingProgress(3);
        assertThrows(CancellationException.class, () -> WaferPickleReader.read(dev, cancelled));
        assertEquals(4, cancelled.polls(), "the read stops at the first poll that answers true");
    }
}
