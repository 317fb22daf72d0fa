package defectlens.core;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Progress and cancellation of one long piece of work (reading a pickle, classifying a data set, training,
 * fitting a concept bank). The work calls {@link #update} as it goes and polls {@link #isCancelled} between
 * steps; whoever started it supplies the implementation: a progress line on the terminal, a progress bar in
 * the window, or {@link #NONE}. Implementations must accept calls from the working thread.
 */
public interface Progress {
    /** Reports nothing and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports nothing; cancelled once {@code cancelled} answers true (a Ctrl-C flag, a test's counter). */
    static Progress cancelledWhen(BooleanSupplier cancelled) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    /**
     * The work is {@code fraction} done (0 to 1; {@code NaN} when it cannot tell) and is now doing
     * {@code message} ({@code null} keeps the last message).
     */
    void update(double fraction, String message);

    /** True once whoever started the work asked it to stop; the work then stops at its next step. */
    boolean isCancelled();

    /** {@code done} of {@code total} steps are finished ({@code total <= 0}: unknown). */
    default void update(long done, long total, String message) {
        update(total <= 0 ? Double.NaN : Math.min(1.0, (double) done / total), message);
    }

    /** Throws a {@link CancellationException} saying what stopped when the work was cancelled. */
    default void throwIfCancelled(String what) {
        if (isCancelled()) {
            throw new CancellationException(what + " cancelled");
        }
    }

    /**
     * The same job seen by a step that covers {@code from} to {@code to} of it: the step reports 0 to 1,
     * this progress moves from {@code from} to {@code to}; messages and cancellation pass through.
     */
    default Progress range(double from, double to) {
        return new ProgressRange(this, from, to);
    }

    /** Step {@code index} of {@code count} equal steps of this job (see {@link #range}). */
    default Progress step(int index, int count) {
        return range((double) index / count, (double) (index + 1) / count);
    }
}
