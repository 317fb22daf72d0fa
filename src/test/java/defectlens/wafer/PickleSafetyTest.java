package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.wafer.pickle.AllowedGlobals;
import defectlens.wafer.pickle.ForbiddenGlobalException;
import defectlens.wafer.pickle.SafeUnpickler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pickles that name Python code are refused with the name of the global, and nothing runs: each
 * malicious fixture would create a marker file under /tmp if its call were executed.
 */
class PickleSafetyTest {

    @ParameterizedTest
    @CsvSource({
        "malicious_os_system.pkl, os.system, os-system",
        "malicious_posix_system.pkl, posix.system, posix-system",
        "malicious_popen.pkl, subprocess.Popen, popen",
        "malicious_eval_in_frame.pkl, builtins.eval, eval"})
    void foreignGlobalIsRefusedAndNothingRuns(String fixture, String global, String marker) throws Exception {
        Path ran = Path.of("/tmp/defectlens-pickle-ran-" + marker);
        Files.deleteIfExists(ran);
        Path file = WaferTestFiles.fixture(fixture);
        DefectLensException e = assertThrows(DefectLensException.class, () -> WaferPickleReader.read(file));
        assertEquals(file + ": pickle names a global that is not allowed: " + global, e.getMessage());
        assertEquals(file, e.file());
        assertFalse(Files.exists(ran), "the pickled command ran: " + ran + " exists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"builtins\neval", "builtins\ngetattr", "builtins\nset", "datetime\ndatetime",
            "copy_reg\n_reconstructor_x", "numpy\nload", "pandas.io.pickle\nread_pickle", "__main__\nEvil",
            "builtins\nValueError", "exceptions\nOSError"})
    void everyNameOffTheListIsRefusedEvenWhenRazorvineKnowsIt(String global) {
        String[] parts = global.split("\n");
        byte[] pickle = ("c" + global + "\n)R.").getBytes(StandardCharsets.ISO_8859_1);
        SafeUnpickler u = new SafeUnpickler(() -> { });
        ForbiddenGlobalException e = assertThrows(ForbiddenGlobalException.class,
                () -> u.load(new ByteArrayInputStream(pickle)));
        assertEquals(parts[0] + "." + parts[1], e.global());
        assertFalse(AllowedGlobals.isAllowed(parts[0] + "." + parts[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct",
            "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer", "numpy.dtype",
            "numpy.ndarray", "numpy._core.multiarray.scalar", "pandas.core.frame.DataFrame",
            "pandas.core.internals.managers.BlockManager", "pandas.core.internals.BlockManager",
            "pandas._libs.internals._unpickle_block", "pandas.indexes.base._new_Index",
            "pandas.core.indexes.base._new_Index", "pandas.indexes.range.RangeIndex",
            "pandas.core.indexes.numeric.Int64Index", "builtins.slice", "copyreg._reconstructor"})
    void theDataGlobalsOfWaferPicklesAreAllowed(String global) {
        assertTrue(AllowedGlobals.isAllowed(global));
    }
}
