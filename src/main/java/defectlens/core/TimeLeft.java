package defectlens.core;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The estimated time left of one job, from the share of it done and the time since it started (a straight
 * line: time per share so far times the share still to do). Shared by the terminal's progress line and the
 * window's progress bars, so both guess the same way. The clock is given, so tests step it.
 */
public final class TimeLeft {
    /** The estimate is a guess until this share of the work is done: below it, nothing is said. */
    public static final double GUESS_UNTIL = 0.01;

    private final LongSupplier clock;
    private final long start;

    /** Starts timing now on {@code clock} (nanoseconds, as {@link System#nanoTime}). */
    public TimeLeft(LongSupplier clock) {
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** Starts timing now on the system clock. */
    public static TimeLeft startingNow() {
        return new TimeLeft(System::nanoTime);
    }

    /** Seconds left when {@code fraction} is done now, or NaN while that cannot be told (unknown, under 1 %). */
    public double secondsLeft(double fraction) {
        return secondsLeft(fraction, clock.getAsLong());
    }

    /** Seconds left when {@code fraction} is done at clock time {@code now}, or NaN (see above). */
    public double secondsLeft(double fraction, long now) {
        if (Double.isNaN(fraction) || fraction < GUESS_UNTIL) {
            return Double.NaN;
        }
        return fraction >= 1 ? 0 : elapsed(now) * (1 - fraction) / fraction;
    }

    /** {@code 1:05 left}, {@code took 0:35} once done, or null while nothing can be told. */
    public String describe(double fraction) {
        return describe(fraction, clock.getAsLong());
    }

    /** As {@link #describe(double)} at clock time {@code now}. */
    public String describe(double fraction, long now) {
        if (fraction >= 1) {
            return "took " + duration(elapsed(now));
        }
        double left = secondsLeft(fraction, now);
        return Double.isNaN(left) ? null : duration(left) + " left";
    }

    private double elapsed(long now) {
        return (now - start) / 1e9;
    }

    /** {@code 0:07}, {@code 12:30}, {@code 2:05:00}. */
    public static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
