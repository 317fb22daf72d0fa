package defectlens.core;

/**
 * A stretch {@code from}..{@code to} of a larger job's {@link Progress}: a step reports its own 0..1 and the
 * job moves across its share; an indeterminate step leaves the job indeterminate too.
 */
record ProgressRange(Progress job, double from, double to) implements Progress {
    ProgressRange {
        if (!(from >= 0 && from <= to && to <= 1)) {
            throw new IllegalArgumentException("progress range " + from + ".." + to + " is not inside 0..1");
        }
    }

    @Override
    public void update(double fraction, String message) {
        job.update(Double.isNaN(fraction) ? Double.NaN : from + (to - from) * Math.max(0, Math.min(1, fraction)),
                message);
    }

    @Override
    public boolean isCancelled() {
        return job.isCancelled();
    }
}
