package defectlens.review.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The k largest (similarity, item) pairs seen, each packed into one long that sorts as "higher similarity first,
 * then lower item number": the similarity's order-preserving bits in the high half, the complement of the item in
 * the low half.
 */
final class TopK {
    private final int k;
    private final PriorityQueue<Long> heap = new PriorityQueue<>();

    TopK(int k) {
        this.k = k;
    }

    static long key(int item, float similarity) {
        int bits = Float.floatToIntBits(similarity);
        int ordered = bits >= 0 ? bits : bits ^ 0x7fffffff; // negative floats: reverse their order
        return ((long) ordered << 32) | (~item & 0xffffffffL);
    }

    static int item(long key) {
        return ~(int) key;
    }

    static float similarity(long key) {
        int ordered = (int) (key >> 32);
        return Float.intBitsToFloat(ordered >= 0 ? ordered : ordered ^ 0x7fffffff);
    }

    void offer(long key) {
        if (heap.size() < k) {
            heap.add(key);
        } else if (k > 0 && key > heap.peek()) {
            heap.poll();
            heap.add(key);
        }
    }

    long[] keys() {
        return heap.stream().mapToLong(Long::longValue).toArray();
    }

    /** The pairs kept as neighbours, most similar first (ties: lower item first). */
    List<Neighbour> neighbours() {
        List<Neighbour> out = new ArrayList<>();
        for (long key : sortedDescending()) {
            out.add(new Neighbour(item(key), similarity(key)));
        }
        return out;
    }

    long[] sortedDescending() {
        long[] a = keys();
        Arrays.sort(a);
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
