package defectlens.cli;

import defectlens.core.Progress;
import defectlens.core.TimeLeft;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The terminal face of {@link Progress}: one line on stderr, rewritten in place at most about once a second,
 * with the percentage done, the estimated time left and what the work is doing. Cancelled when the given flag
 * says so (Ctrl-C through {@link InterruptCancellation}). Lines printed through {@link #println} and the
 * closing of the progress (a try-with-resources block around the work) end the progress line first, so an
 * {@code error:} line or a log line never shares a line with it. When stderr is not a terminal (a log file, a CI
 * job, a pipe) there is no line to rewrite: the progress is printed as whole lines, at most one every
 * {@value #LOGGED_SECONDS} seconds, plus the last one.
 */
public final class TerminalProgress implements Progress, AutoCloseable {
    private static final long REDRAW_NANOS = 1_000_000_000L;
    /** Seconds between two progress lines when stderr is not a terminal. */
    public static final int LOGGED_SECONDS = 30;

    private final PrintWriter err;
    private final String what;
    private final BooleanSupplier cancelled;
    private final LongSupplier clock;
    private final TimeLeft timeLeft;
    private final boolean interactive;
    private long lastDraw = Long.MIN_VALUE;
    private double fraction = Double.NaN;
    private String message;
    private int drawnWidth;

    /** A progress line that is never cancelled. */
    public TerminalProgress(PrintWriter err, String what) {
        this(err, what, () -> false);
    }

    /** A progress line rewritten in place on a terminal, whole lines now and then otherwise. */
    public TerminalProgress(PrintWriter err, String what, BooleanSupplier cancelled) {
        this(err, what, cancelled, System::nanoTime, System.console() != null);
    }

    /** On a terminal, with the clock given (tests step it to see the ETA and the redraw interval). */
    public TerminalProgress(PrintWriter err, String what, BooleanSupplier cancelled, LongSupplier clock) {
        this(err, what, cancelled, clock, true);
    }

    /**
     * With the clock given and whether stderr is a terminal (false: whole lines at most every
     * {@value #LOGGED_SECONDS} s).
     */
    public TerminalProgress(PrintWriter err, String what, BooleanSupplier cancelled, LongSupplier clock,
            boolean interactive) {
        this.err = err;
        this.what = what;
        this.cancelled = cancelled;
        this.clock = clock;
        this.timeLeft = new TimeLeft(clock);
        this.interactive = interactive;
    }

    @Override
    public synchronized void update(double fraction, String message) {
        boolean finished = fraction >= 1 && !(this.fraction >= 1);
        this.fraction = fraction;
        if (message != null) {
            this.message = message;
        }
        long now = clock.getAsLong();
        long interval = interactive ? REDRAW_NANOS : LOGGED_SECONDS * 1_000_000_000L;
        if (finished || lastDraw == Long.MIN_VALUE || now - lastDraw >= interval) {
            lastDraw = now;
            draw(now);
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /** Prints a whole line (an epoch report, a warning); the progress line is drawn again on its next update. */
    public synchronized void println(String line) {
        endLine();
        err.println(line);
        err.flush();
    }

    /** Ends the progress line with a newline, if one is shown. */
    @Override
    public synchronized void close() {
        endLine();
    }

    private void endLine() {
        if (drawnWidth > 0) {
            err.println();
            err.flush();
            drawnWidth = 0;
        }
    }

    private void draw(long now) {
        String text = text(now);
        if (!interactive) {
            err.println(text);
            err.flush();
            return;
        }
        StringBuilder line = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < drawnWidth; i++) {
            line.append(' ');
        }
        err.print(line);
        err.flush();
        drawnWidth = Math.max(1, text.length());
    }

    /** What the line says at {@code now}: {@code what: 42.0 %, 1:05 left - message}. */
    public String text(long now) {
        StringBuilder s = new StringBuilder(what);
        if (!Double.isNaN(fraction)) {
            s.append(String.format(Locale.ROOT, ": %.1f %%", 100 * Math.max(0, Math.min(1, fraction))));
            String eta = timeLeft.describe(fraction, now);
            if (eta != null) {
                s.append(", ").append(eta);
            }
        }
        if (message != null && !message.isEmpty()) {
            s.append(" - ").append(message);
        }
        return s.toString();
    }
}
