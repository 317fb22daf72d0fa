package defectlens.wafer.stacking;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * k-nearest neighbours on standardised rows (Euclidean distance, the class shares among the {@code k} nearest
 * reference rows as probabilities, as scikit-learn's uniform weights), kept compact: the reference rows are stored as
 * float32 (they are standardised features, so float precision changes no neighbour that matters), and the reference
 * set may be a seeded per-class sample of the training rows ({@link BaseLearner#capped}). A tie in distance goes to
 * the earlier reference row.
 */
public final class NearestNeighbours implements ProbabilityClassifier {
    private static final int MAGIC = 0x4B4E4E31; // "KNN1"
    private final int k;
    private final int classes;
    private final int dims;
    private final float[] reference;
    private final int[] labels;

    NearestNeighbours(int k, int classes, int dims, float[] reference, int[] labels) {
        if (k < 1 || labels.length == 0 || reference.length != labels.length * dims) {
            throw new IllegalArgumentException("k " + k + ", " + labels.length + " reference rows of " + dims);
        }
        this.k = k;
        this.classes = classes;
        this.dims = dims;
        this.reference = reference;
        this.labels = labels;
    }

    /** Keeps the rows of {@code data} as the reference set. */
    public static NearestNeighbours fit(LabelledFeatures data, int k) {
        int d = data.x()[0].length;
        float[] ref = new float[data.size() * d];
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < d; j++) {
                ref[i * d + j] = (float) data.x()[i][j];
            }
        }
        return new NearestNeighbours(k, data.classes().size(), d, ref, data.y().clone());
    }

    /** Reference rows kept. */
    public int size() {
        return labels.length;
    }

    @Override
    public double[][] probabilities(double[][] x) {
        double[][] out = new double[x.length][];
        IntStream.range(0, x.length).parallel().forEach(i -> out[i] = vote(x[i]));
        return out;
    }

    private double[] vote(double[] row) {
        int kk = Math.min(k, labels.length);
        double[] best = new double[kk];
        int[] bestRow = new int[kk];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int r = 0; r < labels.length; r++) {
            double dist = 0;
            int o = r * dims;
            for (int j = 0; j < dims && dist < best[kk - 1]; j++) {
                double diff = row[j] - reference[o + j];
                dist += diff * diff;
            }
            if (dist < best[kk - 1]) {
                int at = kk - 1;
                while (at > 0 && best[at - 1] > dist) {
                    best[at] = best[at - 1];
                    bestRow[at] = bestRow[at - 1];
                    at--;
                }
                best[at] = dist;
                bestRow[at] = r;
            }
        }
        double[] p = new double[classes];
        for (int n = 0; n < kk; n++) {
            p[labels[bestRow[n]]] += 1.0 / kk;
        }
        return p;
    }

    /** Writes k, the classes, the dimensions, the labels and the float32 reference rows. */
    void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(k);
        out.writeInt(classes);
        out.writeInt(dims);
        out.writeInt(labels.length);
        for (int label : labels) {
            out.writeByte(label);
        }
        for (float v : reference) {
            out.writeFloat(v);
        }
        out.flush();
    }

    /** Reads what {@link #write} wrote for a model of {@code classes} classes. */
    static NearestNeighbours read(InputStream stream, int classes) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a DefectLens k-NN model");
        }
        int k = in.readInt();
        int c = in.readInt();
        int d = in.readInt();
        int n = in.readInt();
        if (c != classes || k < 1 || d < 1 || n < 1 || (long) n * d > Integer.MAX_VALUE) {
            throw new IOException("k-NN model of " + c + " classes, k " + k + ", " + n + " rows of " + d
                    + " (expected " + classes + " classes)");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = in.readUnsignedByte();
            if (labels[i] >= c) {
                throw new IOException("k-NN reference row " + i + " has class " + labels[i] + " of " + c);
            }
        }
        float[] ref = new float[n * d];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = in.readFloat();
        }
        return new NearestNeighbours(k, c, d, ref, labels);
    }
}
