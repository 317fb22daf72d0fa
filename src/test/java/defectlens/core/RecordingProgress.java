package defectlens.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Progress} for tests: keeps every fraction and message it is given and answers "cancelled" once it
 * has been asked more than {@code pollsBeforeCancel} times (never, by default).
 */
public final class RecordingProgress implements Progress {
    public final List<Double> fractions = new ArrayList<>();
    public final List<String> messages = new ArrayList<>();
    private final int pollsBeforeCancel;
    private int polls;

    public RecordingProgress() {
        this(Integer.MAX_VALUE);
    }

    /** Cancelled from poll number {@code pollsBeforeCancel + 1} on (0: cancelled from the start). */
    public RecordingProgress(int pollsBeforeCancel) {
        this.pollsBeforeCancel = pollsBeforeCancel;
    }

    @Override
    public synchronized void update(double fraction, String message) {
        fractions.add(fraction);
        messages.add(message);
    }

    @Override
    public synchronized boolean isCancelled() {
        polls++;
        return polls > pollsBeforeCancel;
    }

    /** How often the work asked whether to go on. */
    public synchronized int polls() {
        return polls;
    }
}
