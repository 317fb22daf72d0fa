package defectlens.app.review;

import defectlens.core.TimeLeft;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;

/**
 * How far a reviewer is: decided items of the queue (kept up to date decision by decision, with no pass over an
 * 811,457-item queue), decisions of this session, and the time left - this session's time per decision times the
 * undecided items of the queue ({@link TimeLeft}). Reads {@code 7 of 48 decided, 3 this session, 3:11 left}.
 */
final class DeskProgress {
    private boolean[] inQueue = new boolean[0];
    private int queueSize;
    private int decidedInQueue;
    private int sessionCount;
    private TimeLeft sessionTime;

    /** A new session starts now on {@code nanos}. */
    void startSession(LongSupplier nanos) {
        sessionCount = 0;
        sessionTime = new TimeLeft(nanos);
    }

    /** A new queue of items out of {@code size}; {@code decided} says which are decided now. */
    void queueBuilt(int[] items, int size, IntPredicate decided) {
        inQueue = new boolean[size];
        queueSize = items.length;
        decidedInQueue = 0;
        for (int i : items) {
            inQueue[i] = true;
            if (decided.test(i)) {
                decidedInQueue++;
            }
        }
    }

    /** A decision of this session was saved ({@code +1}) or undone ({@code -1}). */
    void sessionDecisions(int change) {
        sessionCount = Math.max(0, sessionCount + change);
    }

    /** Item {@code i} went from decided {@code before} to decided {@code now}. */
    void itemChanged(int i, boolean before, boolean now) {
        if (i < inQueue.length && inQueue[i] && now != before) {
            decidedInQueue += now ? 1 : -1;
        }
    }

    String text() {
        int left = queueSize - decidedInQueue;
        String eta = sessionCount == 0 || sessionTime == null ? null
                : sessionTime.describe(sessionCount / (double) (sessionCount + left));
        return decidedInQueue + " of " + queueSize + " decided, " + sessionCount + " this session"
                + (eta == null || left == 0 ? "" : ", " + eta);
    }
}
