package defectlens.explain.craft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import defectlens.explain.FitProgress;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Non-negative matrix factorisation {@code A ~ U W} of a non-negative {@code (n, k)} matrix into
 * coefficients {@code U (n, r)} and concepts {@code W (r, k)}, by Lee and Seung's multiplicative
 * updates for the Frobenius norm, on DJL NDArrays. The start is drawn from a seeded generator, so a
 * fit is repeatable; the relative reconstruction error {@code ||A - U W||_F / ||A||_F} is recorded
 * every ten iterations, where the fit also stops once it improves by less than the tolerance. Each
 * iteration works in its own sub-manager, so memory stays flat however long the fit runs.
 */
public final class Nmf {
    private static final float EPS = 1e-10f;
    /** The error is computed (and the stopping rule checked) every this many iterations. */
    static final int ERROR_EVERY = 10;

    /**
     * A factorisation: row-major {@code u (n, rank)} and {@code w (rank, k)}, the relative error after
     * every tenth iteration (and the last), and the number of iterations run.
     */
    public record Result(int n, int k, int rank, float[] u, float[] w, double[] errors, int iterations) {
        /** The relative reconstruction error after the last iteration. */
        public double error() {
            return errors[errors.length - 1];
        }
    }

    private final int rank;
    private final int maxIterations;
    private final double tolerance;
    private final long seed;

    /**
     * @param tolerance stop when the error improves by less than this (relative) between iterations
     */
    public Nmf(int rank, int maxIterations, double tolerance, long seed) {
        if (rank < 1 || maxIterations < 1) {
            throw new IllegalArgumentException("rank and iterations must be positive");
        }
        this.rank = rank;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.seed = seed;
    }

    public Result fit(float[] a, int n, int k) {
        return fit(a, n, k, FitProgress.SILENT, () -> false);
    }

    /** Factorises the row-major {@code (n, k)} matrix {@code a}; values must be non-negative. */
    public Result fit(float[] a, int n, int k, FitProgress progress, BooleanSupplier cancelled) {
        if (a.length != n * k) {
            throw new IllegalArgumentException("matrix of " + a.length + " values is not " + n + "x" + k);
        }
        double mean = 0;
        for (float v : a) {
            if (v < 0 || !Float.isFinite(v)) {
                throw new IllegalArgumentException("NMF needs finite non-negative values, found " + v);
            }
            mean += v;
        }
        mean /= a.length;
        Random rnd = new Random(seed);
        float scale = (float) Math.sqrt(Math.max(mean, 1e-12) / rank);
        float[] u0 = new float[n * rank];
        float[] w0 = new float[rank * k];
        for (int i = 0; i < u0.length; i++) {
            u0[i] = scale * rnd.nextFloat();
        }
        for (int i = 0; i < w0.length; i++) {
            w0[i] = scale * rnd.nextFloat();
        }
        double[] history = new double[maxIterations / ERROR_EVERY + 1];
        int done = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(a, new Shape(n, k));
            double norm = Math.max(x.norm().getFloat(), 1e-30);
            NDArray u = m.create(u0, new Shape(n, rank));
            NDArray w = m.create(w0, new Shape(rank, k));
            double previous = Double.POSITIVE_INFINITY;
            int iterations = 0;
            for (int it = 0; it < maxIterations; it++) {
                iterations = it + 1;
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("NMF cancelled after " + it + " iterations");
                }
                try (NDManager step = m.newSubManager()) {
                    x.tempAttach(step);
                    u.attach(step);
                    w.attach(step);
                    NDArray wt = w.transpose();
                    NDArray uNew = u.mul(x.matMul(wt)).div(u.matMul(w.matMul(wt)).add(EPS));
                    NDArray ut = uNew.transpose();
                    NDArray wNew = w.mul(ut.matMul(x)).div(ut.matMul(uNew).matMul(w).add(EPS));
                    boolean measure = it % ERROR_EVERY == ERROR_EVERY - 1 || it == maxIterations - 1;
                    double err = measure ? x.sub(uNew.matMul(wNew)).norm().getFloat() / norm : Double.NaN;
                    uNew.attach(m);
                    wNew.attach(m);
                    u = uNew;
                    w = wNew;
                    progress.report("nmf", (it + 1.0) / maxIterations);
                    if (measure) {
                        history[done++] = err;
                        if (previous - err < tolerance * Math.min(previous, 1.0)) {
                            break;
                        }
                        previous = err;
                    }
                }
            }
            return new Result(n, k, rank, u.toFloatArray(), w.toFloatArray(), java.util.Arrays.copyOf(history, done), iterations);
        }
    }
}
