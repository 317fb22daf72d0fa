package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Small helpers on arrays of one unit of work. */
final class NDArrays {
    private NDArrays() {
    }

    /** Arrays (1, ...) stacked along axis 0 into (N, ...). */
    static NDArray concat(NDArray[] parts) {
        return parts.length == 1 ? parts[0] : ai.djl.ndarray.NDArrays.concat(new NDList(parts), 0);
    }
}
