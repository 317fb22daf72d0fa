package defectlens.wafer;

import defectlens.DefectLensException;
import defectlens.core.Progress;
import defectlens.wafer.pickle.ForbiddenGlobalException;
import defectlens.wafer.pickle.PandasFrame;
import defectlens.wafer.pickle.SafeUnpickler;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public final class WaferPickleReader {
    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] XZ = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final byte[] BZIP2 = {'B', 'Z', 'h'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] ZSTD = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    private static final int BUFFER = 1 << 16;

    private WaferPickleReader() {
    }

    /** Reads a wafer pickle with no progress reports and no cancellation. */
    public static WaferDataset read(Path file) {
        return read(file, Progress.NONE);
    }

    /**
     * Reads a wafer pickle.
     *
     * @param progress receives the fraction done, 0 to 1, every few thousand pickle opcodes, and is asked as
     *        often whether to go on; once cancelled the read stops with a CancellationException
     */
    public static WaferDataset read(Path file, Progress progress) {
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, "no such file");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            long size = Math.max(1, Files.size(file));
            CountingInput counted = new CountingInput(raw, BUFFER);
            InputStream pickle = new CountingInput(decompress(file, counted), BUFFER);
            Runnable checkpoint = () -> {
                progress.throwIfCancelled("reading " + file);
                progress.update(Math.min(0.99, 0.98 * counted.consumed() / size), null);
            };
            SafeUnpickler unpickler = new SafeUnpickler(checkpoint);
            Object top = unpickler.load(pickle);
            if (!(top instanceof PandasFrame frame)) {
                throw new DefectLensException(file, "the pickle holds " + describe(top)
                        + ", not a pandas DataFrame");
            }
            WaferDataset data = new WaferFrameDecoder(file).decode(frame, checkpoint);
            progress.update(1.0, null);
            return data;
        } catch (DefectLensException | CancellationException e) {
            throw e;
        } catch (ForbiddenGlobalException e) {
            throw new DefectLensException(file, e.getMessage(), e);
        } catch (EOFException e) {
            throw new DefectLensException(file, "the file ends early; is it truncated?", e);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            boolean early = m.contains("premature end") || m.contains("expected more bytes")
                    || m.contains("Unexpected end");
            String problem = early
                    ? "the file ends early; is it truncated?" : "cannot be read: " + m;
            throw new DefectLensException(file, problem, e);
        } catch (PickleException | ClassCastException | IllegalArgumentException | IndexOutOfBoundsException
                | NegativeArraySizeException | NullPointerException e) {
            throw new DefectLensException(file, "not a readable wafer pickle: " + e.getMessage(), e);
        }
    }

    private static InputStream decompress(Path file, CountingInput in) throws IOException {
        byte[] head = new byte[6];
        in.peek(head);
        if (startsWith(head, GZIP)) {
            return new GZIPInputStream(in, BUFFER);
        }
        if (startsWith(head, XZ)) {
            return new XZInputStream(in);
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

    private static String describe(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }
}
