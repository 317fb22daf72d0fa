package defectlens.wafer.pickle;

import java.util.Map;
import net.razorvine.pickle.PickleException;

/**
 * A pandas extension array that is a thin wrapper of one numpy array (DatetimeArray, TimedeltaArray
 * without time zone): its Cython state is {@code (dtype, ndarray, dict)}. Blocks read the numpy array.
 */
public final class PandasBackedArray implements PickleState {
    private NumpyArray values;

    @Override
    public void setState(Object state) {
        if (state instanceof Map<?, ?> d && d.get("_ndarray") instanceof NumpyArray a) {
            values = a;
            return;
        }
        Object[] t = PickleValues.toTuple(state);
        if (t.length >= 2 && t[1] instanceof NumpyArray a) {
            values = a;
            return;
        }
        throw new PickleException("pandas array state not understood: " + PickleValues.describe(state));
    }

    /** The wrapped numpy array. */
    public NumpyArray values() {
        if (values == null) {
            throw new PickleException("pandas array without values");
        }
        return values;
    }
}
