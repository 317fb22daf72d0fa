package defectlens.wafer;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.wafer.pickle.ForbiddenGlobalException;
import defectlens.wafer.pickle.PandasFrame;
import defectlens.wafer.pickle.PickleLimits;
import defectlens.wafer.pickle.PickleValues;
import defectlens.wafer.pickle.SafeUnpickler;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPInputStream;
import net.razorvine.pickle.PickleException;
import org.tukaani.xz.XZInputStream;

/**
 * Reads WM-811K wafer pickles ({@code LSWMD.pkl}, {@code WM811K.pkl} and re-pickled variants, plain,
 * gzip or xz; the compression is told by the file's first bytes) without running Python code: only
 * numpy and pandas data objects are built (see {@link defectlens.wafer.pickle.AllowedGlobals}).
 * Progress is the share of the file read so far; cancelling throws {@link CancellationException}.
 * Every problem with the file ends in a {@link DefectLensException} naming the file.
 *
 * <p>A file may be hostile, so reading one is bounded by its size: a plain pickle's declared lengths are
 * checked against the bytes left in the file, a compressed one may expand to at most
 * {@value #MAX_EXPANSION} times its size (at least {@value #MIN_BUDGET_MB} MB; real wafer pickles expand
 * 11 to 13 times), no single object may exceed a quarter of the Java heap, and every map is validated
 * ({@link WaferFrameDecoder}). docs/security.md gives the budget in time and memory.
 */
public final class WaferPickleReader {
    /** How many times its own size a compressed pickle may expand to. */
    static final long MAX_EXPANSION = 64;
    /** The decompression budget of a small compressed pickle, in MB. */
    static final long MIN_BUDGET_MB = 64;
    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] XZ = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final byte[] BZIP2 = {'B', 'Z', 'h'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] ZSTD = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    private static final int BUFFER = 1 << 16;
    private static final int MAX_REASON = 400;
    /** The most memory the xz decoder may take (xz -9 needs 65 MB); a header asking for more is refused. */
    private static final int XZ_MEMORY_KIB = 128 * 1024;

    private WaferPickleReader() {
    }

    /** Reads a wafer pickle with no progress reports and no cancellation; the first invalid row is an error. */
    public static WaferDataset read(Path file) {
        return read(file, Progress.NONE);
    }

    /** Reads a wafer pickle; the first invalid row is an error. */
    public static WaferDataset read(Path file, Progress progress) {
        return read(file, progress, InvalidRows.FAIL);
    }

    /**
     * Reads a wafer pickle.
     *
     * @param progress receives the fraction done, 0 to 1, every few thousand pickle opcodes, and is asked as
     *        often whether to go on; once cancelled the read stops with a CancellationException
     * @param invalidRows whether a row whose map breaks a rule stops the read or is left out and listed in
     *        {@link WaferDataset#invalidRows()}
     */
    public static WaferDataset read(Path file, Progress progress, InvalidRows invalidRows) {
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            long size = Math.max(1, Files.size(file));
            CountingInput counted = new CountingInput(raw, BUFFER);
            boolean compressed = isCompressed(file, counted);
            long budget = compressed ? Math.max(MIN_BUDGET_MB << 20, MAX_EXPANSION * size) : size;
            CountingInput pickle = new CountingInput(decompress(file, counted), BUFFER, budget);
            Runnable checkpoint = () -> {
                progress.throwIfCancelled("reading " + file);
                progress.update(Math.min(0.99, 0.98 * counted.consumed() / size), null);
            };
            PickleLimits limits = new PickleLimits(pickle::left, !compressed, PickleLimits.defaultLargestObject());
            Object top = new SafeUnpickler(checkpoint, List.of(), limits).load(pickle);
            if (!(top instanceof PandasFrame frame)) {
                throw new DefectLensException(file, "the pickle holds " + PickleValues.describe(top)
                        + ", not a pandas DataFrame");
            }
            WaferDataset data = new WaferFrameDecoder(file, invalidRows).decode(frame, checkpoint);
            progress.update(1.0, null);
            return data;
        } catch (DefectLensException | CancellationException e) {
            throw e;
        } catch (ForbiddenGlobalException e) {
            throw new DefectLensException(file, e.getMessage(), e);
        } catch (CountingInput.TooLong e) {
            throw new DefectLensException(file, "decompresses to more than " + MAX_EXPANSION + " times its size (at "
                    + "least " + MIN_BUDGET_MB + " MB); real wafer pickles expand about 12 times, so this looks "
                    + "like a decompression bomb", e);
        } catch (EOFException e) {
            throw new DefectLensException(file, "the file ends early; is it truncated?", e);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            boolean early = m.contains("premature end") || m.contains("expected more bytes")
                    || m.contains("Unexpected end");
            String problem = early
                    ? "the file ends early; is it truncated?" : "cannot be read: " + reason(e);
            throw new DefectLensException(file, problem, e);
        } catch (PickleException | ClassCastException | IllegalArgumentException | IndexOutOfBoundsException
                | NegativeArraySizeException | NullPointerException | ArithmeticException e) {
            throw new DefectLensException(file, "not a readable wafer pickle: " + reason(e), e);
        } catch (StackOverflowError e) {
            throw new DefectLensException(file, "not a readable wafer pickle: values nested too deeply");
        } catch (OutOfMemoryError e) {
            throw new DefectLensException(file, "needs more memory than the " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB Java may use; a real wafer pickle needs about its own size in heap (give more with -Xmx)");
        }
    }

    /** An exception's message, or its kind when it has none (never the word "null"). */
    private static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.length() <= MAX_REASON ? m : m.substring(0, MAX_REASON) + "...";
    }

    /** Whether the file starts like gzip or xz; a name ending in .gz or .xz must. */
    private static boolean isCompressed(Path file, CountingInput in) throws IOException {
        byte[] head = new byte[6];
        in.peek(head);
        boolean compressed = startsWith(head, GZIP) || startsWith(head, XZ);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!compressed && (name.endsWith(".gz") || name.endsWith(".xz"))) {
            throw new DefectLensException(file, "named " + name.substring(name.length() - 3) + " but not "
                    + (name.endsWith(".gz") ? "gzip" : "xz") + "-compressed (it starts with " + hex(head) + ")");
        }
        return compressed;
    }

    private static String hex(byte[] head) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append(String.format("%02x", head[i] & 0xFF));
        }
        return b.toString();
    }

    private static InputStream decompress(Path file, CountingInput in) throws IOException {
        byte[] head = new byte[6];
        in.peek(head);
        if (startsWith(head, GZIP)) {
            return new GZIPInputStream(in, BUFFER);
        }
        if (startsWith(head, XZ)) {
            return new XZInputStream(in, XZ_MEMORY_KIB);
        }
        if (startsWith(head, BZIP2) || startsWith(head, ZIP) || startsWith(head, ZSTD)) {
            throw new DefectLensException(file, "compressed with bzip2, zip or zstd; DefectLens reads plain, "
                    + "gzip and xz pickles, so decompress it first");
        }
        return in;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
