package defectlens.mask;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The undo/redo stack of one mask: jobs done (newest on top) and jobs undone. A new job clears the redo side. The
 * oldest jobs are dropped when the kept tiles pass {@link #MAX_BYTES} or the stack passes {@link #MAX_JOBS}.
 */
public final class MaskEditStack {
    /** At most this many bytes of tiles are kept for undo and redo. */
    public static final long MAX_BYTES = 256L << 20;
    /** At most this many jobs can be undone. */
    public static final int MAX_JOBS = 500;

    private final Deque<MaskEdit> done = new ArrayDeque<>();
    private final Deque<MaskEdit> undone = new ArrayDeque<>();
    private long bytes;

    /** Records a job that has just been applied. */
    public void push(MaskEdit e) {
        for (MaskEdit u : undone) {
            bytes -= u.bytes();
        }
        undone.clear();
        done.push(e);
        bytes += e.bytes();
        while (done.size() > 1 && (bytes > MAX_BYTES || done.size() > MAX_JOBS)) {
            bytes -= done.removeLast().bytes();
        }
    }

    /** Takes the newest job off the done side onto the redo side, or empty when there is none. */
    public Optional<MaskEdit> popUndo() {
        MaskEdit e = done.poll();
        if (e != null) {
            undone.push(e);
        }
        return Optional.ofNullable(e);
    }

    /** Takes the newest undone job back onto the done side, or empty when there is none. */
    public Optional<MaskEdit> popRedo() {
        MaskEdit e = undone.poll();
        if (e != null) {
            done.push(e);
        }
        return Optional.ofNullable(e);
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    public boolean canRedo() {
        return !undone.isEmpty();
    }

    /** The name of the job an undo would take back, or empty. */
    public Optional<String> undoName() {
        return Optional.ofNullable(done.peek()).map(MaskEdit::name);
    }

    /** The name of the job a redo would apply, or empty. */
    public Optional<String> redoName() {
        return Optional.ofNullable(undone.peek()).map(MaskEdit::name);
    }

    /** Number of jobs that can be undone. */
    public int size() {
        return done.size();
    }

    /** Bytes of tiles kept. */
    public long bytes() {
        return bytes;
    }
}
