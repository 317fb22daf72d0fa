package defectlens.wafer;

import java.io.IOException;
import java.io.InputStream;

/**
 * An unsynchronised buffered stream that counts the bytes it has taken from the stream below and refuses
 * to hand out more than a budget ({@link TooLong}). The pickle parser reads one opcode byte at a time, so a
 * plain buffer without locking matters for speed; the count drives the progress bar when it wraps the file
 * itself, and the budget bounds what a decompressed stream may expand to.
 */
final class CountingInput extends InputStream {
    private final InputStream in;
    private final byte[] buffer;
    private final long budget;
    private int pos;
    private int limit;
    private long consumed;

    CountingInput(InputStream in, int bufferSize) {
        this(in, bufferSize, Long.MAX_VALUE);
    }

    /** A stream that throws {@link TooLong} rather than hand out more than {@code budget} bytes. */
    CountingInput(InputStream in, int bufferSize, long budget) {
        this.in = in;
        this.buffer = new byte[bufferSize];
        this.budget = budget;
    }

    /** Bytes handed out so far. */
    long consumed() {
        return consumed;
    }

    /** Bytes that may still be handed out before the budget is spent. */
    long left() {
        return budget - consumed;
    }

    /** The stream holds more bytes than its budget. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong(long budget) {
            super("holds more than " + budget + " bytes");
        }
    }

    private void take(long n) throws TooLong {
        if (consumed + n > budget) {
            throw new TooLong(budget);
        }
        consumed += n;
    }

    /** Copies the next bytes into {@code head} without consuming them (fewer at the end of the stream). */
    void peek(byte[] head) throws IOException {
        if (limit - pos < head.length) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
            while (limit < head.length) {
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n <= 0) {
                    break;
                }
                limit += n;
            }
        }
        System.arraycopy(buffer, pos, head, 0, Math.min(head.length, limit - pos));
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        take(1);
        return buffer[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= limit) {
            if (len >= buffer.length) {
                int n = in.read(b, off, len);
                if (n > 0) {
                    take(n);
                }
                return n;
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - pos);
        take(n);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return (limit - pos) + in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
