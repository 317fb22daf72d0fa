package defectlens.review.embedding;

/** Vector helpers of embedding search and novelty: unit length, dot product (cosine of unit vectors). */
public final class Vectors {
    private Vectors() {
    }

    public static float[] unit(float[] x) {
        double n = 0;
        for (float v : x) {
            n += (double) v * v;
        }
        float[] u = new float[x.length];
        if (n == 0) {
            return u;
        }
        float inv = (float) (1 / Math.sqrt(n));
        for (int j = 0; j < x.length; j++) {
            u[j] = x[j] * inv;
        }
        return u;
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
