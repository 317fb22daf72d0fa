package defectlens.explain.craft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Coefficients of many rows on a fixed concept basis: {@code min ||A - U W||_F} over {@code U >= 0}
 * for {@code A (m, k)} and {@code W (r, k)}, by projected gradient descent with step
 * {@code 1 / L}, {@code L} the largest eigenvalue of {@code W W^T}, with Nesterov (FISTA) momentum,
 * on DJL NDArrays; convergence is checked every ten steps. It is CRAFT's
 * step from activations at each feature-map location to concept coefficients.
 */
public final class NonNegativeLeastSquares {
    private static final int CHECK_EVERY = 10;
    private final int maxIterations;
    private final double tolerance;

    public NonNegativeLeastSquares(int maxIterations, double tolerance) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /** 500 iterations at most, stopping when ten steps change no coefficient by more than 1e-6 of the largest. */
    public static NonNegativeLeastSquares defaults() {
        return new NonNegativeLeastSquares(500, 1e-6);
    }

    /** Row-major {@code U (m, r)} for row-major {@code a (m, k)} and {@code w (r, k)}. */
    public float[] solve(float[] a, int m, float[] w, int r, int k) {
        try (NDManager mgr = NDManager.newBaseManager()) {
            return solve(mgr.create(a, new Shape(m, k)), mgr.create(w, new Shape(r, k))).toFloatArray();
        }
    }

    /** {@code U (m, r)} under {@code a}'s manager. */
    public NDArray solve(NDArray a, NDArray w) {
        NDManager owner = a.getManager();
        int r = (int) w.getShape().get(0);
        float[] gram = w.matMul(w.transpose()).toFloatArray();
        double lipschitz = largestEigenvalue(gram, r);
        if (lipschitz <= 0) {
            return owner.zeros(new Shape(a.getShape().get(0), r));
        }
        float step = (float) (1.0 / lipschitz);
        try (NDManager m = owner.newSubManager()) {
            NDArray g = m.create(gram, new Shape(r, r));
            NDArray awt = a.matMul(w.transpose());
            awt.attach(m);
            NDArray u = awt.mul(step).maximum(0f);
            NDArray y = u;
            double t = 1;
            for (int it = 0; it < maxIterations; it += CHECK_EVERY) {
                try (NDManager block = m.newSubManager()) {
                    g.tempAttach(block);
                    awt.tempAttach(block);
                    u.attach(block);
                    y.attach(block);
                    NDArray before = u;
                    for (int j = 0; j < CHECK_EVERY; j++) {
                        NDArray next = y.sub(y.matMul(g).sub(awt).mul(step)).maximum(0f);
                        double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
                        y = next.add(next.sub(u).mul((float) ((t - 1) / tNext)));
                        u = next;
                        t = tNext;
                    }
                    float change = u.sub(before).abs().max().getFloat();
                    float size = u.abs().max().getFloat();
                    u.attach(m);
                    y.attach(m);
                    if (change <= tolerance * Math.max(size, 1e-30f)) {
                        break;
                    }
                }
            }
            u.attach(owner);
            return u;
        }
    }

    /** Largest eigenvalue of a symmetric positive semi-definite {@code r x r} matrix by power iteration. */
    static double largestEigenvalue(float[] s, int r) {
        double[] v = new double[r];
        java.util.Arrays.fill(v, 1.0 / Math.sqrt(r));
        double lambda = 0;
        for (int it = 0; it < 200; it++) {
            double[] nv = new double[r];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    nv[i] += s[i * r + j] * v[j];
                }
            }
            double norm = 0;
            for (double x : nv) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 0;
            }
            for (int i = 0; i < r; i++) {
                nv[i] /= norm;
            }
            v = nv;
            if (Math.abs(norm - lambda) <= 1e-9 * norm) {
                lambda = norm;
                break;
            }
            lambda = norm;
        }
        return lambda * 1.0001;
    }
}
