package defectlens.review.embedding;

import java.util.Arrays;

/** An embedding as a hash key: equal to another when every value is equal bit for bit. */
record VectorKey(float[] values) {
    @Override
    public boolean equals(Object o) {
        return o instanceof VectorKey k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "VectorKey" + Arrays.toString(values);
    }
}
