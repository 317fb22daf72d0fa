package defectlens.wafer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes wafer maps as a pandas DataFrame pickle (protocol 4) in the Kaggle {@code LSWMD.pkl} layout that
 * {@link WaferPickleReader} and pandas 1.5 read back: the columns {@code waferMap} (2-D {@code uint8} arrays),
 * {@code dieSize}, {@code lotName}, {@code waferIndex}, {@code trianTestLabel} and {@code failureType} (plain
 * strings; an empty string for a map without label or split), a {@code RangeIndex}. Only the globals the reader
 * allows are named (numpy {@code _reconstruct}, {@code ndarray}, {@code dtype}, pandas {@code DataFrame},
 * {@code BlockManager}, {@code _unpickle_block}, {@code _new_Index}, {@code Index}, {@code RangeIndex},
 * {@code builtins.slice}), laid out as pandas 1.5 pickles a frame: one object block (map, lot, split, label) and
 * one float64 block (die size, wafer index).
 */
public final class WaferPickleWriter {
    private static final int PROTO = 0x80;
    private static final int STACK_GLOBAL = 0x93;
    private static final int EMPTY_TUPLE = ')';
    private static final int NEWOBJ = 0x81;
    private static final int EMPTY_DICT = '}';
    private static final int EMPTY_LIST = ']';
    private static final int MARK = '(';
    private static final int TUPLE = 't';
    private static final int TUPLE1 = 0x85;
    private static final int TUPLE2 = 0x86;
    private static final int TUPLE3 = 0x87;
    private static final int REDUCE = 'R';
    private static final int BUILD = 'b';
    private static final int APPENDS = 'e';
    private static final int SETITEMS = 'u';
    private static final int NONE = 'N';
    private static final int NEWTRUE = 0x88;
    private static final int NEWFALSE = 0x89;
    private static final int BININT = 'J';
    private static final int BINUNICODE = 'X';
    private static final int BINBYTES = 'B';
    private static final int STOP = '.';
    /** The six columns in the order written. */
    static final List<String> COLUMNS = List.of(WaferLayout.MAP, "lotName", "trianTestLabel", "failureType",
            "dieSize", "waferIndex");

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    private final OutputStream out;

    private WaferPickleWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code maps} as one pickled DataFrame to {@code out} (not closed). */
    public static void write(List<WaferMap> maps, OutputStream out) throws IOException {
        WaferPickleWriter w = new WaferPickleWriter(out);
        w.frame(maps);
        w.flush();
    }

    private void frame(List<WaferMap> maps) throws IOException {
        int n = maps.size();
        op(PROTO);
        op(4);
        global("pandas.core.frame", "DataFrame");
        op(EMPTY_TUPLE);
        op(NEWOBJ);
        op(EMPTY_DICT);
        op(MARK);
        text("_mgr");
        global("pandas.core.internals.managers", "BlockManager");
        // blocks
        global("pandas._libs.internals", "_unpickle_block");
        objectBlock(maps);
        slice(0, 4);
        integer(2);
        op(TUPLE3);
        op(REDUCE);
        global("pandas._libs.internals", "_unpickle_block");
        floatBlock(maps);
        slice(4, 6);
        integer(2);
        op(TUPLE3);
        op(REDUCE);
        op(TUPLE2);
        // axes
        op(EMPTY_LIST);
        op(MARK);
        columnIndex();
        rangeIndex(n);
        op(APPENDS);
        op(TUPLE2);
        op(REDUCE);
        text("_typ");
        text("dataframe");
        text("_metadata");
        op(EMPTY_LIST);
        text("attrs");
        op(EMPTY_DICT);
        op(SETITEMS);
        op(BUILD);
        op(STOP);
    }

    /** {@code _reconstruct(ndarray, (0,), b'b')} then BUILD with (1, shape, dtype, False, data). */
    private void arrayStart() throws IOException {
        global("numpy.core.multiarray", "_reconstruct");
        global("numpy", "ndarray");
        integer(0);
        op(TUPLE1);
        bytes(new byte[] {'b'});
        op(TUPLE3);
        op(REDUCE);
        op(MARK);
        integer(1);
    }

    private void dtype(String descr, String order, int flags) throws IOException {
        global("numpy", "dtype");
        text(descr);
        op(NEWFALSE);
        op(NEWTRUE);
        op(TUPLE3);
        op(REDUCE);
        op(MARK);
        integer(3);
        text(order);
        op(NONE);
        op(NONE);
        op(NONE);
        integer(-1);
        integer(-1);
        integer(flags);
        op(TUPLE);
        op(BUILD);
    }

    private void shape(int... dims) throws IOException {
        for (int d : dims) {
            integer(d);
        }
        op(dims.length == 1 ? TUPLE1 : TUPLE2);
    }

    private void objectBlock(List<WaferMap> maps) throws IOException {
        int n = maps.size();
        arrayStart();
        shape(4, n);
        dtype("O8", "|", 63);
        op(NEWFALSE);
        op(EMPTY_LIST);
        op(MARK);
        for (int i = 0; i < n; i++) {
            WaferMap m = maps.get(i);
            arrayStart();
            shape(m.rows(), m.cols());
            dtype("u1", "|", 0);
            op(NEWFALSE);
            bytes(m.dies());
            op(TUPLE);
            op(BUILD);
            flushIfLarge();
        }
        for (WaferMap m : maps) {
            text(m.lotName() == null ? "" : m.lotName());
        }
        for (WaferMap m : maps) {
            text(m.split() == WaferSplit.NONE ? "" : m.split().label());
        }
        for (WaferMap m : maps) {
            text(m.label() == null ? "" : m.label());
            flushIfLarge();
        }
        op(APPENDS);
        op(TUPLE);
        op(BUILD);
    }

    private void floatBlock(List<WaferMap> maps) throws IOException {
        int n = maps.size();
        arrayStart();
        shape(2, n);
        dtype("f8", "<", 0);
        op(NEWFALSE);
        ByteBuffer data = ByteBuffer.allocate(16 * n).order(ByteOrder.LITTLE_ENDIAN);
        maps.forEach(m -> data.putDouble(m.dieSize()));
        maps.forEach(m -> data.putDouble(m.waferIndex()));
        bytes(data.array());
        op(TUPLE);
        op(BUILD);
    }

    private void columnIndex() throws IOException {
        global("pandas.core.indexes.base", "_new_Index");
        global("pandas.core.indexes.base", "Index");
        op(EMPTY_DICT);
        op(MARK);
        text("data");
        arrayStart();
        shape(COLUMNS.size());
        dtype("O8", "|", 63);
        op(NEWFALSE);
        op(EMPTY_LIST);
        op(MARK);
        for (String c : COLUMNS) {
            text(c);
        }
        op(APPENDS);
        op(TUPLE);
        op(BUILD);
        text("name");
        op(NONE);
        op(SETITEMS);
        op(TUPLE2);
        op(REDUCE);
    }

    private void rangeIndex(int n) throws IOException {
        global("pandas.core.indexes.base", "_new_Index");
        global("pandas.core.indexes.range", "RangeIndex");
        op(EMPTY_DICT);
        op(MARK);
        text("name");
        op(NONE);
        text("start");
        integer(0);
        text("stop");
        integer(n);
        text("step");
        integer(1);
        op(SETITEMS);
        op(TUPLE2);
        op(REDUCE);
    }

    private void slice(int start, int stop) throws IOException {
        global("builtins", "slice");
        integer(start);
        integer(stop);
        integer(1);
        op(TUPLE3);
        op(REDUCE);
    }

    private void global(String module, String name) throws IOException {
        text(module);
        text(name);
        op(STACK_GLOBAL);
    }

    private void op(int code) {
        buffer.write(code);
    }

    private void integer(int v) {
        op(BININT);
        int32(v);
    }

    private void int32(int v) {
        buffer.write(v);
        buffer.write(v >>> 8);
        buffer.write(v >>> 16);
        buffer.write(v >>> 24);
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op(BINUNICODE);
        int32(b.length);
        buffer.write(b, 0, b.length);
    }

    private void bytes(byte[] b) {
        op(BINBYTES);
        int32(b.length);
        buffer.write(b, 0, b.length);
    }

    private void flushIfLarge() throws IOException {
        if (buffer.size() > (1 << 20)) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.writeTo(out);
        buffer.reset();
    }
}
