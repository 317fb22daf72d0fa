package defectlens.wafer.pickle;

import java.util.function.LongSupplier;

/**
 * What one pickle stream may cost: how many bytes are still to come ({@code remaining}, exact for a plain
 * file, the decompression budget for a compressed one) and the largest single bytes or text object the
 * reader will allocate. {@code exact} tells that {@code remaining} is the true count (a plain file). A size
 * the pickle declares is checked against both before anything is allocated.
 */
public record PickleLimits(LongSupplier remaining, boolean exact, long largestObject) {
    /** No limit on the bytes to come; single objects up to a quarter of the heap. */
    public static PickleLimits heapOnly() {
        return new PickleLimits(() -> Long.MAX_VALUE, false, defaultLargestObject());
    }

    /** A quarter of the most heap this JVM may use: one object above it could not be read next to the rest. */
    public static long defaultLargestObject() {
        return Runtime.getRuntime().maxMemory() / 4;
    }
}
