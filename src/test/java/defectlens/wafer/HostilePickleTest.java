package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.wafer.pickle.SafeUnpickler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.razorvine.pickle.PickleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wafer reader on crafted hostile pickles of the fuzz corpus ({@code src/test/resources/fuzz/pickle},
 * made by its {@code make_cases.py}) and on a few made here: every one ends in a {@link DefectLensException}
 * naming the file and the problem (never a StackOverflowError, an OutOfMemoryError or a raw index error),
 * or, for the valid ones, in the right maps.
 */
class HostilePickleTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "fuzz", "pickle");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "deep_nested.pkl | row 0: failureType cell is nested more than 8 levels deep",
        "self_reference.pkl | row 0: failureType cell is nested more than 8 levels deep",
        "billion_laughs.pkl | row 0: failureType cell is nested more than 8 levels deep",
        "billion_laughs_map.pkl | row 0: waferMap is list of 30, not a 2-D array",
        "self_reference_dict_key.pkl | unhashable in Python",
        "memo_repeated.pkl.gz | row 1: waferMap is the same array object as row 0",
        "huge_bytes.pkl | a bytes object of 2147483648 bytes is declared but only 5001 bytes remain",
        "huge_frame.pkl | the file ends early: a frame of 8589934592 bytes is declared",
        "huge_bytes.pkl.gz | the file ends early",
        "huge_shape.pkl | numpy array of shape (50000, 50000) has more than 2^31 elements",
        "gz_bomb.pkl.gz | decompression bomb",
        "xz_bomb.pkl.xz | decompression bomb",
        "mark_pop_mark.pkl.gz | the pickle holds None, not a pandas DataFrame",
        "long_digits.pkl.gz | a decimal int of 2000001 digits",
        "stack_underflow.pkl | malformed pickle: opcode 'a'",
        "text_named.pkl.gz | named .gz but not gzip-compressed",
        "dtype_without_size.pkl | numpy dtype 'f' has no item size",
        "float_map_2_9.pkl | row 1: waferMap value 2.9 at (5, 6) is not 0, 1 or 2",
        "float_map_1_5.pkl | row 1: waferMap value 1.5 at (5, 6) is not 0, 1 or 2",
        "float_map_nan.pkl | row 1: waferMap value NaN at (5, 6) is not 0, 1 or 2",
        "value_3.pkl | row 0: waferMap value 3 at (2, 3) is not 0, 1 or 2",
        "negative.pkl | row 1: waferMap value -1 at (1, 1) is not 0, 1 or 2",
        "empty_map.pkl | row 1: waferMap is empty (0 x 0)",
        "wide_map.pkl | row 0: waferMap of 1 x 5000 dies; each side must be at most 4096",
        "one_d_map.pkl | row 0: waferMap is an array of shape (30,), not a 2-D array",
    })
    void hostileFileEndsInOneClearError(String name, String problem) {
        Path file = CORPUS.resolve(name);
        DefectLensException e = assertThrows(DefectLensException.class, () -> WaferPickleReader.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void floatMapsOfWholeNumbersAreRead() {
        WaferDataset data = WaferPickleReader.read(CORPUS.resolve("float_exact.pkl"));
        assertEquals(2, data.size());
        assertEquals(26, data.get(0).rows());
        assertEquals(26 * 26, data.get(0).count(0) + data.get(0).count(1) + data.get(0).count(2));
        assertTrue(data.get(1).count(2) > 0);
    }

    @Test
    void skippingLeavesOutTheInvalidRowsAndListsThem() {
        Path file = CORPUS.resolve("skip_mixed.pkl");
        WaferDataset data = WaferPickleReader.read(file, defectlens.core.Progress.NONE, InvalidRows.SKIP);
        assertEquals(3, data.size());
        assertEquals(List.of(1, 3), data.invalidRows().stream().map(InvalidWaferRow::row).toList());
        assertEquals("waferMap is empty (0 x 0)", data.invalidRows().get(0).problem());
        assertEquals("waferMap value 3 at (2, 3) is not 0, 1 or 2", data.invalidRows().get(1).problem());
        String text = InvalidRowSummary.text(data);
        assertTrue(text.startsWith("left out 2 invalid rows of skip_mixed.pkl (rows 1, 3)"), text);
        DefectLensException strict = assertThrows(DefectLensException.class, () -> WaferPickleReader.read(file));
        assertTrue(strict.getMessage().endsWith("row 1: waferMap is empty (0 x 0)"), strict.getMessage());
    }

    @Test
    void memoReferencesStaySharedAndASelfReferencingListLoads() throws IOException {
        // (] q0 ( h0 h0 e : outer list of two references to L; then h0 h0 a: L appends itself; 0 pops it.
        byte[] stream = {(byte) 0x80, 2, ']', 'q', 0, ']', '(', 'h', 0, 'h', 0, 'e', 'h', 0, 'h', 0, 'a', '0', '.'};
        Object top = new SafeUnpickler(() -> { }).load(new ByteArrayInputStream(stream));
        List<?> outer = (List<?>) top;
        assertEquals(2, outer.size());
        assertSame(outer.get(0), outer.get(1));
        List<?> inner = (List<?>) outer.get(0);
        assertSame(inner, inner.get(0));
    }

    /** 40 MB declared, 3 MB there: read in pieces, so the false length is found at the end of the data. */
    @Test
    void aFalseLengthInACompressedStreamEndsEarly() throws IOException {
        Path file = tmp.resolve("claims_40mb.pkl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {(byte) 0x80, 4, (byte) 0x8e});
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(40L << 20).array());
            out.write(new byte[3 << 20]);
        }
        DefectLensException e = assertThrows(DefectLensException.class, () -> WaferPickleReader.read(file));
        assertTrue(e.getMessage().contains("ends early"), e.getMessage());
    }

    @Test
    void nestingFarDeeperThanTheJavaStackIsNoStackOverflow() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x80, 2});
        int depth = 1_000_000;
        for (int i = 0; i < depth; i++) {
            b.write(']');
        }
        for (int i = 1; i < depth; i++) {
            b.write('a');
        }
        b.write('.');
        Object top = new SafeUnpickler(() -> { }).load(new ByteArrayInputStream(b.toByteArray()));
        assertTrue(top instanceof List<?>);
        Path file = tmp.resolve("deep.pkl");
        Files.write(file, b.toByteArray());
        DefectLensException e = assertThrows(DefectLensException.class, () -> WaferPickleReader.read(file));
        assertTrue(e.getMessage().endsWith("the pickle holds list of 1, not a pandas DataFrame"), e.getMessage());
    }

    @Test
    void aListAsDictKeyIsRefusedBeforeJavaHashesIt() {
        byte[] stream = {(byte) 0x80, 2, '}', ']', 'K', 1, 's', '.'};
        PickleException e = assertThrows(PickleException.class,
                () -> new SafeUnpickler(() -> { }).load(new ByteArrayInputStream(stream)));
        assertTrue(e.getMessage().contains("list of 0 used as a dict key"), e.getMessage());
    }
}
